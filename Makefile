# The commands of the README: `make run`, `make test` and `make bench`. Everything else is set up on the way.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
BENCH_SIZES ?= 10000,100000,1000000
BENCH_POSTGRES ?=

.PHONY: run test lint bench demo clean-db

run: $(VENV)/.installed
	$(PY) -m kutorejo_data migrate
	$(PY) -m kutorejo_data demo --if-empty
	$(VENV)/bin/streamlit run serve.py --server.port $(PORT)

# The house rules first (fast, and a broken layer is worth knowing before 4 minutes of tests); then the unit,
# data-layer and AppTest suites on both cores; then the browser suite on its own (one app server).
test: lint
	$(PY) -m pytest -n 2 --ignore=tests/e2e --ignore=tests/test_architecture.py --ignore=tests/test_docs.py $(PYTEST_ARGS)
	$(PY) -m pytest tests/e2e $(PYTEST_ARGS)

# Import contracts (layers, only ui imports streamlit, no cycles), formatting, lint, types, and the architecture
# and documentation checks; see docs/ARCHITECTURE.md.
lint: $(VENV)/.installed-dev
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(PY) -m pytest -q tests/test_architecture.py tests/test_docs.py

# Demo databases of each size (SQLite; PostgreSQL too with BENCH_POSTGRES=postgresql://user@host/postgres).
bench: $(VENV)/.installed-dev
	$(PY) -m benchmarks.run --sizes $(BENCH_SIZES) $(if $(BENCH_POSTGRES),--postgres $(BENCH_POSTGRES))

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@
