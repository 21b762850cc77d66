# The ML Engineer Roadmap: every command a contributor needs.
#   make serve   live preview at http://127.0.0.1:8000 (sets everything up)
#   make test    the whole test suite, browser tests included (sets everything up)
#   make build   strict build into site/
#   make lock    re-pin requirements.txt (with hashes) from requirements.in

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test browser lock clean

# The virtual environment, installed only from the hashed lock file.
$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
	    --require-hashes --no-deps -r requirements.txt
	touch $@

serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload

# Never add -q or -v here: -q hides the warnings --strict must fail on,
# -v skips the anchor check.
build: $(STAMP)
	$(BIN)/mkdocs build --strict

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
