# The ML Engineer Roadmap: every command a contributor needs.
#   make serve   live preview at http://127.0.0.1:8000 (sets everything up)
#   make test    the whole test suite, browser tests included (sets everything up)
#   make build   strict build into site/
#   make links   list every external link of the site
#   make lock    re-pin requirements.txt (with hashes) from requirements.in
#   make new-term ID=early-stopping   scaffold data/glossary/early-stopping.md
#   make bench   performance benchmark: one table, JSON in bench-results/ (BENCH_ARGS=--quick)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build links test browser lock clean

# The virtual environment, installed only from the hashed lock file.
$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
	    --require-hashes --no-deps -r requirements.txt
	touch $@

# The preview is served at the root of 127.0.0.1:8000, whatever site_url says.
serve: $(STAMP)
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

# Never add -q or -v here: -q hides the warnings --strict must fail on,
# -v skips the anchor check. The site is built in a temporary directory and
# moved to site/ only on success; a failed build removes site/, so nothing
# half-built or stale is ever left to publish.
build: $(STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	if $(BIN)/mkdocs build --strict --site-dir "$$tmp/site"; then \
	    rm -rf site && mv "$$tmp/site" site && echo "Site built in site/"; \
	else \
	    rm -rf site; echo "Build failed: site/ removed, nothing half-built is left." >&2; exit 1; \
	fi

# Every external link of a fresh build, with the number of pages using it.
# (`make linkcheck-online` checks them over the network.)
links: $(STAMP)
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(BIN)/mkdocs build --strict --site-dir "$$tmp/site" >"$$tmp/build.log" 2>&1 \
	    || { cat "$$tmp/build.log" >&2; exit 1; } && \
	$(BIN)/python scripts/sitecheck.py "$$tmp/site" --external

browser: $(STAMP)
	scripts/ensure-chromium.sh $(VENV)

test: $(STAMP) browser
	$(BIN)/python -m pytest

lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile --generate-hashes --python-version 3.11 --no-header \
	    requirements.in -o requirements.txt

clean:
	rm -rf site $(VENV) .pytest_cache

# -- Contributing helpers ------------------------------------------------------
.PHONY: new-term validate linkcheck-online

# Scaffold a glossary term file with every field commented: make new-term ID=<id>
new-term: $(STAMP)
	$(BIN)/python scripts/new_term.py "$(ID)"

# Load and check data/ (glossary, skills, figures) without building the site.
validate: $(STAMP)
	$(BIN)/python scripts/validate_data.py

# Check every external link of the site over the network (the scheduled workflow).
linkcheck-online: $(STAMP)
	$(BIN)/python scripts/check_external_links.py --online

# -- Performance benchmark (issue 7) -----------------------------------------
# Build cost, scale, page weight, Lighthouse and live-preview figures against
# their budgets; needs node/npm for Lighthouse (installed into bench/ by `npm ci`).
.PHONY: bench
bench: $(STAMP) browser
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)
