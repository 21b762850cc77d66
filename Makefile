# The ML Engineer Roadmap: every command a contributor needs.
#   make serve   live preview at http://127.0.0.1:8000 (sets everything up)
#   make test    the whole test suite, browser tests included (sets everything up)
#   make build   strict build into site/
#   make links   list every external link of the site
#   make lock    re-pin requirements.txt (with hashes) from requirements.in
#   make new-term ID=label-smoothing   scaffold data/glossary/label-smoothing.md
#   make validate  check data/ and the pages' macro calls without building
#   make schemas   republish schemas/*.schema.json from the data models
#   make bench   performance benchmark: one table, JSON in bench-results/ (BENCH_ARGS=--quick)
#   make trial-exit  build the site with ProperDocs and Zensical in scratch venvs, measured (TRIAL_ARGS=--json trial-results.json)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build links test browser lock clean

# The virtual environment, installed only from the hashed lock file, then
# the project itself (editable, with the locked setuptools: nothing fetched).
$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
	    --require-hashes --no-deps -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
	    --no-deps --no-build-isolation --editable . --config-settings editable_mode=compat
	touch $@

# The preview is served at the root of 127.0.0.1:8000, whatever site_url says.
# It rebuilds only the pages an edit changed (roadmap/preview.py).
serve: $(STAMP)
	SITE_URL=http://127.0.0.1:8000/ $(BIN)/python -m roadmap.preview --dev-addr 127.0.0.1:8000

# The strict build (roadmap/build.py, the one place its command is written):
# built in a temporary directory and moved to site/ only on success; a failed
# build removes site/, so nothing half-built or stale is ever left to publish.
build: $(STAMP)
	$(BIN)/python -m roadmap.build --site-dir site

# Every external link of a fresh build, with the number of pages using it.
# (`make linkcheck-online` checks them over the network.)
links: $(STAMP)
	$(BIN)/python -m roadmap.tools.external_links

browser: $(STAMP)
	scripts/ensure-chromium.sh $(VENV)

# The JavaScript linter, from its lock file (integrity hashes; no install scripts run).
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: $(STAMP) $(NODE_STAMP) browser
	$(BIN)/python -m pytest

lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile --generate-hashes --python-version 3.11 --no-header \
	    requirements.in -o requirements.txt

clean:
	rm -rf site $(VENV) node_modules .pytest_cache

# -- Contributing helpers ------------------------------------------------------
.PHONY: new-term validate schemas linkcheck-online

# Scaffold a glossary term file with every field commented: make new-term ID=<id>
new-term: $(STAMP)
	$(BIN)/python -m roadmap.tools.new_term "$(ID)"

# Load and check data/ (glossary, skills, figures) without building the site.
validate: $(STAMP)
	$(BIN)/python -m roadmap.tools.validate

# Republish schemas/*.schema.json from roadmap/model/ (the tests fail when they are stale).
schemas: $(STAMP)
	$(BIN)/python -m roadmap.tools.schemas

# Check every external link of the site over the network (the scheduled workflow).
linkcheck-online: $(STAMP)
	$(BIN)/python -m roadmap.tools.external_links --online

# -- Performance benchmark (issue 7) -----------------------------------------
# Build cost, scale, page weight, Lighthouse and live-preview figures against
# their budgets (the bench/ package, `python -m bench --help`); needs node/npm
# for Lighthouse (installed into bench/ by `npm ci`).
.PHONY: bench
bench: $(STAMP) browser
	$(BIN)/python -m bench $(BENCH_ARGS)

.PHONY: trial-exit
trial-exit: $(STAMP)
	$(BIN)/python -m trial $(TRIAL_ARGS)
