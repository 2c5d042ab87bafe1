# crmwb - the CRM consultant's workbench.  `make` alone lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.crmwb-installed
EXAMPLES := $(patsubst data/examples/%/workbook.xlsx,%,$(wildcard data/examples/*/workbook.xlsx))
JOBS   ?=

.PHONY: help install demo test lab bench lint format template catalogs clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-9s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@# Optional: HarfBuzz's subsetter makes WeasyPrint's PDFs faster (Debian package, best effort).
	@/sbin/ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    apt-get install -y -q libharfbuzz-subset0 >/dev/null 2>&1; } || \
	  echo "note: libharfbuzz-subset0 is not installed; PDFs render a little slower"
	@# Optional: Graphviz's dot lays out the data-flow map best (Debian package, best effort).
	@command -v dot >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    apt-get install -y -q graphviz >/dev/null 2>&1; } || \
	  echo "note: graphviz is not installed; the data-flow map uses a simpler layout"
	@# Tests read the PDF deliverables' text with pdftotext (Debian's poppler-utils, best effort).
	@command -v pdftotext >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    apt-get install -y -q poppler-utils >/dev/null 2>&1; } || \
	  echo "note: poppler-utils is not installed; tests do not read the PDFs' text"
	@# Tests save a workbook with LibreOffice Calc to check it re-runs nothing (Debian's
	@# libreoffice-calc, best effort; the test is skipped without it).
	@command -v soffice >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    apt-get install -y -q --no-install-recommends libreoffice-calc >/dev/null 2>&1; } || \
	  echo "note: LibreOffice is not installed; the test of a workbook it saved is skipped"
	@# The steering-committee deck is converted to PDF by LibreOffice Impress in the tests, to
	@# look at its slides (Debian's libreoffice-impress, best effort; the test is skipped without).
	@{ command -v dpkg >/dev/null && dpkg -s libreoffice-impress >/dev/null 2>&1; } || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    apt-get install -y -q --no-install-recommends libreoffice-impress >/dev/null 2>&1; } || \
	  echo "note: LibreOffice Impress is not installed; the test of the deck as PDF is skipped"
	@# The browser test of the workshops drives Debian's chromium (best effort; the test is
	@# skipped without it).
	@command -v chromium >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1; } || \
	  echo "note: chromium is not installed; the browser test of the workshops is skipped"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP) ## Create the virtual environment and install crmwb (only what is missing)

demo: install ## Copy the example clients into data/clients (if absent) and produce their deliverables
	$(BIN)/crmwb examples
	$(BIN)/crmwb run $(EXAMPLES) $(if $(JOBS),--jobs $(JOBS))

test: install ## Run the whole test suite
	$(BIN)/python -m pytest

lab: install ## Open JupyterLab on the notebooks (widgets enabled)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

bench: install ## Benchmarks: batch runner vs naive CLIs; Monte Carlo; customer-file audit (1M, 5M rows); deduplication on FEBRL and synthetic people; the pack; the re-run loop
	$(BIN)/python bench/batch.py
	$(BIN)/python bench/montecarlo.py
	$(BIN)/python bench/customer_file.py
	$(BIN)/python bench/dedup.py
	$(BIN)/python bench/pack.py
	$(BIN)/python bench/rerun.py

lint: install ## Lint, check formatting and types
	$(BIN)/ruff check crmwb tests bench data
	$(BIN)/ruff format --check crmwb tests bench data
	$(BIN)/mypy crmwb

template: install ## Regenerate the blank client workbooks under templates/
	$(BIN)/crmwb template

catalogs: install ## Merge the English messages into every language's catalog, then check them
	$(BIN)/crmwb catalogs --update

clean: ## Remove generated deliverables (reports/) - client data is kept
	rm -rf reports
