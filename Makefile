# Hromada Partnerships Monitor: `make run` serves the app, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
DB ?= data/warehouse/partnerships.duckdb
PORT ?= 8501
INPUTS := $(shell find data/sample data/reference etl sql warehouse -type f \( -name '*.py' -o -name '*.sql' -o -name '*.csv' -o -name '*.xlsx' -o -name '*.txt' -o -name '*.html' -o -name '*.jsonl' -o -name '*.toml' -o -name '*.geojson' \) 2>/dev/null)

.PHONY: run test bench install warehouse browser clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

$(DB): $(STAMP) $(INPUTS)
	PARTNERSHIPS_DB=$(DB) $(PY) -m etl build

warehouse: $(DB)

run: warehouse
	PARTNERSHIPS_DB=$(DB) $(BIN)/streamlit run dashboard/app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true

browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

test: install browser
	$(PY) -m pytest -n 2 --dist loadgroup

bench: install
	$(PY) -m pytest benchmarks --benchmark-only -p no:xdist

clean:
	rm -rf data/warehouse test-output .pytest_cache
