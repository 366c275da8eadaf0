# Two commands do all the set-up: `make run` reads the bundled article,
# `make test` runs every check. Both create .venv on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck unit bench screenshot clean

run: $(STAMP)
	$(BIN)/reader

test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check reader tests bench docs
	$(BIN)/ruff format --check reader tests bench docs

typecheck: $(STAMP)
	$(BIN)/mypy --strict reader bench docs

unit: $(STAMP)
	$(BIN)/pytest -q

# Benchmarks (issue 6): minutes, not part of `make test`; writes bench/RESULTS.md.
bench: $(STAMP)
	$(BIN)/python -m bench

# The README's picture, drawn by the app itself.
screenshot: $(STAMP)
	$(BIN)/python docs/screenshot.py

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
