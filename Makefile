# ZVH casusregie — the commands in README.md. Everything runs from a local virtualenv (.venv).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo totp test test-fast lint format bench bench-logs clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

## demo: run the application at http://127.0.0.1:8000 on SQLite with Celery in-process and demo data
demo: install
	DEBUG=false $(PY) manage.py migrate --noinput
	DEBUG=false $(PY) manage.py seed_demo
	@echo ""
	@echo "De applicatie start op http://$(HOST):$(PORT)/  (stoppen: Ctrl+C)"
	@echo "Verificatiecode voor de demo-accounts: make totp (in een tweede terminal)"
	DEBUG=false $(PY) manage.py runserver --noreload $(HOST):$(PORT)

## totp: print the current verification code of the demo accounts
totp: install
	@$(PY) manage.py demo_totp

## test: the whole test suite (DATABASE_URL / REDIS_URL honoured when set; SQLite and in-process otherwise)
test: install
	$(PY) -m pytest

## test-fast: everything except the browser tests
test-fast: install
	$(PY) -m pytest -m "not browser"

## bench: performance at 10k, 100k and 250k cases on PostgreSQL (a fresh database BENCH_DB, dropped first)
BENCH_DB ?= zvh_bench
BENCH_PG ?= postgres://postgres@127.0.0.1:5432
BENCH_ARGS ?=
bench: install
	$(PY) -c "import psycopg2; c = psycopg2.connect('$(BENCH_PG)/postgres'); c.autocommit = True; k = c.cursor(); \
	k.execute('DROP DATABASE IF EXISTS $(BENCH_DB)'); k.execute('CREATE DATABASE $(BENCH_DB)')"
	DEBUG=false REDIS_URL= DATABASE_URL=$(BENCH_PG)/$(BENCH_DB) $(PY) manage.py migrate --noinput -v 0
	DEBUG=false REDIS_URL= DATABASE_URL=$(BENCH_PG)/$(BENCH_DB) $(PY) manage.py bench $(BENCH_ARGS)

## bench-logs: generate LOG_ROWS access-log rows in a fresh database BENCH_LOGS_DB, seal them and verify the hash chain
BENCH_LOGS_DB ?= zvh_bench_logs
LOG_ROWS ?= 10000000
bench-logs: install
	$(PY) -c "import psycopg2; c = psycopg2.connect('$(BENCH_PG)/postgres'); c.autocommit = True; k = c.cursor(); \
	k.execute('DROP DATABASE IF EXISTS $(BENCH_LOGS_DB)'); k.execute('CREATE DATABASE $(BENCH_LOGS_DB)')"
	DEBUG=false REDIS_URL= DATABASE_URL=$(BENCH_PG)/$(BENCH_LOGS_DB) $(PY) manage.py migrate --noinput -v 0
	DEBUG=false REDIS_URL= DATABASE_URL=$(BENCH_PG)/$(BENCH_LOGS_DB) $(PY) manage.py logs_bench --rows $(LOG_ROWS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var/db.sqlite3 .pytest_cache .ruff_cache
