# The two commands: `make demo` runs the seed case, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := sqlite:///demo-out/truce.db
AGREEMENT := energy-ceasefire-2025
TRUCE := $(BIN)/truce

.PHONY: demo test lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	rm -rf demo-out
	mkdir -p demo-out
	$(TRUCE) terms import examples/seed-case/terms.yaml --db $(DEMO_DB)
	$(TRUCE) incidents import examples/seed-case/incidents.csv --db $(DEMO_DB)
	COLUMNS=$${COLUMNS:-160} $(TRUCE) rule --agreement $(AGREEMENT) --db $(DEMO_DB)
	$(TRUCE) report --agreement $(AGREEMENT) --db $(DEMO_DB) --out demo-out/report.html

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest -n auto

bench: $(VENV)/.installed
	$(TRUCE) bench rules --json

clean:
	rm -rf demo-out .pytest_cache .mypy_cache .ruff_cache
