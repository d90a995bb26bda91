# The two commands: `make demo` runs the seed case, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_DB := sqlite:///demo-out/truce.db
AGREEMENT := energy-ceasefire-2025
TRUCE := $(BIN)/truce
ACCOUNTS := examples/seed-case/accounts/whitehouse-2025-03-18.md examples/seed-case/accounts/kremlin-2025-03-18.md

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
	COLUMNS=$${COLUMNS:-160} $(TRUCE) merge examples/seed-case/reports-to-merge.csv
	COLUMNS=$${COLUMNS:-160} $(TRUCE) compare $(ACCOUNTS) --html demo-out/compare.html --store --agreement $(AGREEMENT) --db $(DEMO_DB)
	$(TRUCE) terms draft examples/seed-case/accounts/whitehouse-2025-03-18.md --according-to US --agreement $(AGREEMENT)
	$(TRUCE) terms draft examples/seed-case/accounts/kremlin-2025-03-18.md --according-to RU --agreement $(AGREEMENT)
	$(TRUCE) commitments extract $(ACCOUNTS) --store --db $(DEMO_DB) --json > demo-out/commitments.json
	COLUMNS=$${COLUMNS:-160} $(TRUCE) commitments extract $(ACCOUNTS)
	$(TRUCE) reports import examples/seed-case/later-reports.jsonl --db $(DEMO_DB)
	COLUMNS=$${COLUMNS:-160} $(TRUCE) commitments check demo-out/commitments.json --evidence examples/seed-case/later-reports.jsonl --as-of 2025-04-30
	$(TRUCE) export --format geojson --out demo-out/incidents.geojson --db $(DEMO_DB)
	$(TRUCE) export --format csv --out demo-out/incidents.csv --db $(DEMO_DB)
	$(TRUCE) report --agreement $(AGREEMENT) --db $(DEMO_DB) --out demo-out/report.html
	# The real case: the 2025 energy moratorium (examples/moratorium-2025/README.md).
	examples/moratorium-2025/run.sh $(TRUCE) demo-out/moratorium
	COLUMNS=$${COLUMNS:-160} $(TRUCE) rule --agreement energy-moratorium-2025 --db sqlite:///demo-out/moratorium/truce.db --limit 12

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest -n auto

bench: $(VENV)/.installed
	$(TRUCE) bench rules --json
	$(TRUCE) bench extract --json

clean:
	rm -rf demo-out .pytest_cache .mypy_cache .ruff_cache
