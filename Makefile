# Two commands set everything up on a fresh machine (see README.md):
#   make book   builds the HTML book into _build/html
#   make test   runs every test (package, notebooks, built pages in a browser)
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
SETUP   := $(VENV)/.setup-done
NODE    := node_modules/.setup-done
JB      := $(BIN)/jupyter-book build . -nW --keep-going

.PHONY: book book-clean test test-package test-notebooks test-browser figures assets lab bench clean notebooks

$(SETUP): requirements.txt code/pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/pip install -q -e code
	touch $@

$(NODE): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# MathJax, require.js, the widget manager and anywidget, copied from node_modules
# into _assets/ (served by the book as _static/assets/...): no CDN, no committed bundle.
assets: $(NODE) $(SETUP)
	$(BIN)/python tools/copy_assets.py

book: $(SETUP) assets
	$(JB)
	@echo
	@echo "The book is built: open $(CURDIR)/_build/html/index.html"

# A build from scratch (the notebook execution cache is kept): what the tests check.
book-clean: $(SETUP) assets
	$(JB) --all

test-package: $(SETUP)
	$(BIN)/pytest tests/package tests/figures tests/benchmarks -q

test-notebooks: $(SETUP)
	$(BIN)/pytest --nbval chapters --nbval-sanitize-with tests/sanitize.cfg -q

test-browser: book-clean
	$(BIN)/pytest tests/browser -q

test: $(SETUP) book-clean
	$(BIN)/pytest tests/package tests/figures tests/benchmarks tests/browser -q
	$(BIN)/pytest --nbval chapters --nbval-sanitize-with tests/sanitize.cfg -q

# Re-run chapters in place, storing their outputs and their widgets' JavaScript. Needed after editing a
# chapter or anything in code/backprop/js: the book shows the JavaScript stored in the notebook.
# One chapter: make notebooks NB=chapters/02_notation.ipynb
NB ?= chapters/*.ipynb
notebooks: $(SETUP)
	for nb in $(NB); do $(BIN)/jupyter nbconvert --to notebook --execute --inplace $$nb || exit 1; done

figures: $(SETUP)
	$(BIN)/python -m backprop.figures imgs

lab: $(SETUP)
	$(BIN)/jupyter lab chapters

# backprop against PyTorch and autograd, one thread (about half a minute). Not a test: it writes
# benchmarks/results/gradients.{md,json,png}, which the book's appendix shows; rebuild the book after.
bench: $(SETUP)
	$(BIN)/pip install -q -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/gradients.py

clean:
	rm -rf _build _assets
