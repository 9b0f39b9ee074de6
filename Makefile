# Two commands set everything up on a fresh machine (see README.md):
#   make book   builds the HTML book into _build/html
#   make test   runs every test (lint, package, notebooks, built pages in a browser)
# Each long step prints one line with its duration; the tools' own output goes to
# _build/logs/<step>.log, whose tail is shown if the step fails. VERBOSE=1 shows it all.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
SETUP   := $(VENV)/.setup-done
TESTENV := $(VENV)/.test-setup-done
# The pip that Python 3.11 ships (23.2) took about 3x as long as this one to resolve requirements.txt (measured).
PIP_VERSION := 26.3
NODE    := node_modules/.setup-done
# Both editions: English into _build/html, Chinese into _build/html/zh (tools/build.py; -nW --keep-going)
JB      := $(BIN)/python tools/build.py
# STEP name "what it does" [--show REGEX [--fmt FORMAT]] [--together] -- command ...
STEP    := $(PY) tools/step.py
# `make test` runs some steps at once (make -j TOGETHER=--together): each then prints its line when it ends
TOGETHER ?=
# tools/build.py says so for each edition: "English edition built in 31 s"
EDITIONS := --show '^(?P<e>\w+ edition built in [0-9]+ s)' --fmt '{e}'
# The pytest runs that are not nbval's leave its plugin out: loading it imports nbformat, jsonschema and its
# IRI grammar, about 2.5 s of CPU in each pytest process (the main one and each worker), measured.
NO_NBVAL := -p no:nbval
# pytest's last line: "142 passed in 30.12s"
PYTEST_SUMMARY := --show '^=*\s*(?P<r>[0-9]+ (passed|failed|errors?|skipped|deselected|xfailed|xpassed)\b.* in [0-9.]+s)' \
                  --fmt '{r}'

.PHONY: prereqs-book prereqs-test book book-clean pdf test test-lab test-lone test-lint test-package test-notebooks test-browser \
        test-pdf figures assets lab lab-copy lab-reset bench \
        clean notebooks pins js

# Before anything is installed: the system packages each command needs (one list, tools/prereqs.sh);
# a missing one stops make with one line naming it and the apt-get command that installs it.
prereqs-book:
	@PY=$(PY) bash tools/prereqs.sh book
prereqs-test:
	@PY=$(PY) bash tools/prereqs.sh test

# The book's packages (requirements.txt, compiled from requirements.in and code/pyproject.toml).
$(SETUP): requirements.txt code/pyproject.toml
	@test -x $(BIN)/python || $(STEP) venv "Creating the Python environment $(VENV) (with pip $(PIP_VERSION))" -- \
	    sh -c '$(PY) -m venv $(VENV) && $(BIN)/python -m pip install pip==$(PIP_VERSION)'
	@$(STEP) pip-book "Installing the book's Python packages (requirements.txt)" -- \
	    $(BIN)/pip install -r requirements.txt -e code
	@touch $@

# The test tools on top (requirements-test.txt, compiled from requirements-test.in).
$(TESTENV): requirements-test.txt $(SETUP)
	@$(STEP) pip-test "Installing the test tools (requirements-test.txt)" -- \
	    $(BIN)/pip install -r requirements-test.txt
	@touch $@

$(NODE): package-lock.json
	@$(STEP) npm "Fetching the browser assets (npm ci)" -- npm ci --no-audit --no-fund
	@touch $@

# The explorables' JavaScript: each one's ES module and what it imports from code/backprop/js, bundled by the
# pinned esbuild into code/backprop/js/dist/ (committed: the package runs where there is no Node.js).
# After editing code/backprop/js: make js, then make notebooks (the chapters store the bundles).
js: $(NODE) $(SETUP)
	@$(STEP) js "Bundling the explorables' JavaScript into code/backprop/js/dist (esbuild)" -- $(BIN)/python tools/bundle_js.py

# MathJax, require.js, the widget manager and anywidget, copied from node_modules
# into _assets/ (served by the book as _static/assets/...): no CDN, no committed bundle.
assets: $(NODE) $(SETUP)
	@$(STEP) assets "Copying the browser assets into _assets/" $(TOGETHER) -- $(BIN)/python tools/copy_assets.py

book: prereqs-book $(SETUP) assets
	@$(STEP) book "Building the book, both editions (from the chapters' stored outputs: no code runs)" $(EDITIONS) -- $(JB)
	@echo
	@echo "The book is built: open $(CURDIR)/_build/html/index.html"
	@echo "中文版 (the Chinese edition): $(CURDIR)/_build/html/zh/index.html"
	@echo "(what each step printed is in _build/logs/)"

# The printed book (tools/pdf.py): each edition built as one page (sharing the web build's doctrees) and printed
# by Chromium (Playwright, from the test tools) into _build/pdf/book-en.pdf and book-zh.pdf, both at once; then
# copied into _build/html/pdf/ and linked from every page. Not part of `make book`, which stays fast: the web
# book links the PDFs only once they exist (a later `make book` keeps linking them).
# Printed again only when something it is made from changed (_build/pdf/.printed records the last print).
PDF_DONE := --show '^(?P<p>book-\w+\.pdf: [0-9]+ pages, [0-9.]+ MB)' --fmt '{p}'
PDF_FROM := $(wildcard _toc.yml _config.yml intro.md glossary.md chapters/*.ipynb appendix/* imgs/* benchmarks/results/* \
              locales/zh_CN/LC_MESSAGES/*.po locales/zh_CN/LC_MESSAGES/*/*.po locales/zh_dict.txt \
              _ext/*.py _ext/*/* book_static/* tools/pdf* tools/build.py tools/book_config.py locales/zh_CN/config.yml tools/typeset.js tools/light.py)
pdf: prereqs-test $(TESTENV) assets _build/pdf/.printed
_build/pdf/.printed: $(PDF_FROM) $(TESTENV) $(SETUP)
	@$(STEP) pdf "Printing the book, both editions, into _build/pdf (one page each, Chromium)" $(PDF_DONE) -- \
	    $(BIN)/python tools/pdf.py
	@touch $@

# A build from scratch: what the tests check.
# The old pages go first, so a renamed or removed chapter leaves no stale page behind for the tests.
book-clean: $(SETUP) assets
	@rm -rf _build/html _build/zh
	@$(STEP) book-clean "Building the book from scratch (jupyter-book build --all)" $(TOGETHER) $(EDITIONS) -- $(JB) --all

# The project's lint settings are in ruff.toml (the chapters' 80 columns too).
test-lint: $(TESTENV)
	@$(STEP) ruff "Linting the package, tests, tools, benchmarks and chapters (ruff)" --show ':[0-9]+:[0-9]+: ' --tail 3 -- \
	    $(BIN)/ruff check --output-format concise code tests tools benchmarks _ext chapters

# The folders with the longest tests first (the translations' catalogues are extracted, every figure redrawn):
# both workers take tests in this order, so the long ones do not start last, on one core, at the end.
test-package: $(TESTENV) $(NODE)
	@$(STEP) test-package "Testing the package, figures, translations and benchmark report (pytest)" $(TOGETHER) \
	    $(PYTEST_SUMMARY) -- \
	    $(BIN)/pytest tests/i18n tests/figures tests/package tests/benchmarks -q -n 2 $(NO_NBVAL)

# Twice: with the BLAS kernels numpy picks for this CPU, then with another family's (OPENBLAS_CORETYPE), so an
# output that depends on the machine (rounding noise printed in full) cannot pass here and fail elsewhere.
# The two runs go at once (the variable must be set before numpy loads: one pytest each), the chapters last
# to first: chapter 7's training, the longest, starts first instead of leaving one core idle at the end.
NBVAL := $(BIN)/pytest --nbval $(shell ls -r chapters/*.ipynb) --nbval-sanitize-with tests/sanitize.cfg -q -n 2 \
         --dist loadfile -p no:cacheprovider      # (no cache: two pytests would write it at once)
test-notebooks: $(TESTENV)
	@$(STEP) test-notebooks "Re-running every chapter against its stored outputs (nbval), this CPU's BLAS kernels" --together $(PYTEST_SUMMARY) -- \
	    $(NBVAL) & pid=$$!; \
	$(STEP) test-notebooks-prescott "Re-running every chapter, nbval, with OPENBLAS_CORETYPE=Prescott (other BLAS kernels)" --together \
	    $(PYTEST_SUMMARY) -- env OPENBLAS_CORETYPE=Prescott $(NBVAL); rc=$$?; wait $$pid && exit $$rc

# Every page of both editions in Chromium, over both cores (tests/browser/conftest.py says how)
BROWSER := $(STEP) test-browser "Checking every page of the built book in Chromium (pytest tests/browser)" \
           $(PYTEST_SUMMARY) -- $(BIN)/pytest tests/browser -q -n 2 --dist loadgroup $(NO_NBVAL)
test-browser: $(TESTENV) book-clean
	@$(BROWSER)

# Every chapter in the reader's copy (as `make lab` makes it) in one JupyterLab the test starts and stops (127.0.0.1,
# a token, a free port): MyST rendered, run, each explorable answers, saved state reopens drawn; chapter 1 by
# keyboard and from Python.
test-lab: $(TESTENV)
	@$(STEP) test-lab "Every chapter in JupyterLab (pytest tests/lab/test_lab.py)" $(TOGETHER) $(PYTEST_SUMMARY) -- \
	    $(BIN)/pytest tests/lab/test_lab.py -q $(NO_NBVAL)

# A downloaded chapter set up in a new folder exactly as the README and each chapter's box say: a new venv, the
# pinned packages, then the chapter run headless. Minutes of pip, so not in `make test`; .ci/run runs it after.
test-lone: $(TESTENV)
	@$(STEP) test-lone "A downloaded chapter, set up as the README says, in a new venv (tests/lab/test_lone_notebook.py)" \
	    $(PYTEST_SUMMARY) -- $(BIN)/pytest tests/lab/test_lone_notebook.py -q

# The printed book: pages, bookmarks, contents, explorables, exercise <-> solution links, the Chinese one in
# Chinese. Printing both editions takes a minute or two of both cores, so it is not in `make test` (its budget is
# 5 minutes); .ci/run runs it after `make test`, on the book that make test built (the PDFs are linked into it).
test-pdf: $(TESTENV) pdf
	@$(STEP) test-pdf "Checking the printed book (pytest tests/pdf)" $(PYTEST_SUMMARY) -- \
	    $(BIN)/pytest tests/pdf -q -n 2 --dist loadgroup $(NO_NBVAL)

# After the lint, the package tests, the chapters under nbval (twice), the book's build and the Lab test need
# nothing of each other: they run at once, keeping both cores busy (alone, the package tests and the build keep
# about one busy, the Lab test one and a half); each step's line shows when it ends. Then the browser tests,
# on the book just built, over both cores.
test: prereqs-test test-lint
	@echo "At once (each line shows when its step ends):"
	@$(MAKE) --no-print-directory -j5 TOGETHER=--together test-package test-notebooks book-clean test-lab
	@$(BROWSER)
	@echo
	@echo "All tests passed (logs in _build/logs/)."

# Re-run chapters in place, storing their outputs and their widgets' JavaScript (bundled first). Needed after
# editing a chapter or anything in code/backprop/js: the book shows the JavaScript stored in the notebook.
# One chapter: make notebooks NB=chapters/02_notation.ipynb
NB ?= chapters/*.ipynb
notebooks: $(SETUP) js
	@for nb in $(NB); do \
	    $(STEP) notebooks "Re-running $$nb" -- $(BIN)/jupyter nbconvert --to notebook --execute --inplace $$nb || exit 1; \
	done

figures: $(SETUP)
	@$(STEP) figures "Redrawing imgs/" -- $(BIN)/python -m backprop.figures imgs

# JupyterLab is not in the book's set: reading or building the book needs no server, and it adds about
# 100 MB. `make lab` installs it alone, with jupyterlab-myst (which renders the chapters' MyST), at the versions
# requirements-test.txt pins (the tests drive it too); both come prebuilt: no Node.js. Lab opens the reader's
# own copy of the chapters in lab/ (ignored by git), made on the first run and kept after: reading and editing
# never change chapters/. A chapter added later is copied in; one already there is left as the reader has it.
# `make lab-reset` deletes lab/ (the reader's edits with it); the next `make lab` copies the chapters afresh.
# The figures the chapters show (../imgs/...) are copied beside them; lab/.settings holds Lab's settings,
# starting from tools/lab-settings (the explorables' state saved with the notebook).
LAB := lab
LAB_ENV := JUPYTERLAB_SETTINGS_DIR=$(CURDIR)/$(LAB)/.settings JUPYTERLAB_WORKSPACES_DIR=$(CURDIR)/$(LAB)/.workspaces
$(VENV)/.lab-setup-done: requirements-test.txt $(SETUP)
	@$(STEP) pip-lab "Installing JupyterLab and jupyterlab-myst (pinned in requirements-test.txt)" -- \
	    $(BIN)/pip install -c requirements-test.txt jupyterlab jupyterlab-myst
	@touch $@

lab-copy:
	@mkdir -p $(LAB)/.settings
	@cp -Rn chapters imgs $(LAB)/
	@cp -Rn tools/lab-settings/. $(LAB)/.settings/

lab: $(VENV)/.lab-setup-done lab-copy
	@echo "Your copy of the chapters: $(CURDIR)/$(LAB)/chapters (make lab-reset starts afresh)."
	@echo "JupyterLab opens in your browser; if not, open the address it prints below (http://127.0.0.1:8888/lab/tree/chapters?token=...). Stop it with Ctrl-C twice."
	$(LAB_ENV) $(BIN)/jupyter lab --ip=127.0.0.1 $$([ "$$(id -u)" = 0 ] && echo --allow-root) \
	    --ServerApp.root_dir=$(LAB) --LabApp.default_url=/lab/tree/chapters

lab-reset:
	rm -rf $(LAB)

# backprop against PyTorch and autograd, one thread (about half a minute). Not a test: it writes
# benchmarks/results/gradients.{md,json,png}, which the book's appendix shows; rebuild the book after.
bench: $(SETUP)
	@$(STEP) pip-bench "Installing the benchmark's packages (benchmarks/requirements.txt)" -- \
	    $(BIN)/pip install -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/gradients.py

# Regenerate the pinned files after editing requirements.in, requirements-test.in or the package's
# dependencies in code/pyproject.toml (with the Python the project runs on; pip-tools in its own venv).
# Pins already in the files are kept unless a new requirement needs otherwise; to move every pin to the
# newest release: make pins UPGRADE=--upgrade
PIPTOOLS := _build/pip-tools
COMPILE  := $(PIPTOOLS)/bin/pip-compile --no-emit-index-url --no-emit-find-links --strip-extras $(UPGRADE)
pins:
	@test -x $(PIPTOOLS)/bin/pip-compile || $(STEP) pip-tools "Installing pip-tools into $(PIPTOOLS)" -- \
	    sh -c '$(PY) -m venv $(PIPTOOLS) && $(PIPTOOLS)/bin/pip install pip-tools==7.6.2'
	@$(STEP) pins-book "Compiling requirements.txt" -- $(COMPILE) -o requirements.txt requirements.in code/pyproject.toml
	@$(STEP) pins-test "Compiling requirements-test.txt" -- $(COMPILE) -o requirements-test.txt requirements-test.in

clean:
	rm -rf _build _assets
