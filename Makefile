# ZVH casusregie — the commands in README.md. Everything runs from a local virtualenv (.venv).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo totp test test-fast fuzz backup restore lint format bench bench-logs loadtest clean

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

## test: the whole test suite in parallel, one worker per core (DATABASE_URL / REDIS_URL honoured when set;
## SQLite and in-process otherwise)
test: install
	$(PY) -m pytest -n auto

## test-fast: everything except the browser tests
test-fast: install
	$(PY) -m pytest -n auto -m "not browser"

## fuzz: Hypothesis, 0 exceptions / HTTP 500 allowed. The fast path binds every form and filter class directly
## (FUZZ_FORM_EXAMPLES per variant, >= 50,000 inputs in minutes); the HTTP path runs a sample through the whole
## stack (FUZZ_EXAMPLES per URL target). Prints the input counts.
FUZZ_FORM_EXAMPLES ?= 900
FUZZ_EXAMPLES ?= 40
fuzz: install
	FUZZ_FORM_EXAMPLES=$(FUZZ_FORM_EXAMPLES) FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest \
		tests/hardening/test_fuzz_forms.py tests/hardening/test_fuzz.py -m fuzz -q -s -p no:randomly -p no:cacheprovider

## backup: pg_dump (custom format) of DATABASE_URL plus a tarball of MEDIA_ROOT, into BACKUP_DIR as
## zvh-<BACKUP_STAMP>.dump and zvh-<BACKUP_STAMP>-media.tar.gz (stamp: the UTC time by default). PG_BIN: where
## pg_dump/pg_restore live when not on PATH. Not tied to `install`: runs on a server with an existing virtualenv.
BACKUP_DIR ?= var/backups
BACKUP_STAMP ?=
backup:
	$(PY) manage.py backup --dir "$(BACKUP_DIR)" $(if $(BACKUP_STAMP),--stamp "$(BACKUP_STAMP)")

## restore: RESTORE_DUMP=<file.dump> [RESTORE_MEDIA=<file-media.tar.gz>] [RESTORE_DATABASE=<name>] into an empty
## database (created when missing; DATABASE_URL's by default) and MEDIA_ROOT. RESTORE_FORCE=1 replaces tables.
RESTORE_DUMP ?=
RESTORE_MEDIA ?=
RESTORE_DATABASE ?=
RESTORE_FORCE ?=
restore:
	@test -n "$(RESTORE_DUMP)" || { echo "Geef RESTORE_DUMP=pad/naar/zvh-<tijdstip>.dump"; exit 2; }
	$(PY) manage.py restore --dump "$(RESTORE_DUMP)" $(if $(RESTORE_MEDIA),--media "$(RESTORE_MEDIA)") \
		$(if $(RESTORE_DATABASE),--database "$(RESTORE_DATABASE)") $(if $(RESTORE_FORCE),--force)

## bench: performance at 10k, 100k and 250k cases on PostgreSQL (a fresh database BENCH_DB, dropped first); cold both
## direct and, when pgbouncer is installed, through a PgBouncer the bench starts (BENCH_ARGS=--zonder-pool: direct only)
BENCH_DB ?= zvh_bench
BENCH_PG ?= postgres://postgres@127.0.0.1:5432
BENCH_ARGS ?=
bench: install
	$(PY) -c "import psycopg2; c = psycopg2.connect('$(BENCH_PG)/postgres'); c.autocommit = True; k = c.cursor(); \
	k.execute('DROP DATABASE IF EXISTS $(BENCH_DB)'); k.execute('CREATE DATABASE $(BENCH_DB)')"
	DEBUG=false REDIS_URL= DATABASE_URL=$(BENCH_PG)/$(BENCH_DB) $(PY) manage.py migrate --noinput -v 0
	DEBUG=false REDIS_URL= DATABASE_URL=$(BENCH_PG)/$(BENCH_DB) $(PY) manage.py bench $(BENCH_ARGS)

## loadtest: Locust against gunicorn + PostgreSQL + Redis + a Celery worker on the bench database (seeded if needed)
LOADTEST_SCALE ?= 250000
LOADTEST_ARGS ?=
LOADTEST_REDIS ?= redis://127.0.0.1:6379/4
LOADTEST_ENV = DJANGO_SETTINGS_MODULE=zvh.settings.production ALLOWED_HOSTS=127.0.0.1 STATIC_ROOT=var/static \
	SECRET_KEY=loadtest-only-not-a-real-secret-key-0123456789abcdefghijklmnop \
	DATABASE_URL=$(BENCH_PG)/$(BENCH_DB) REDIS_URL=$(LOADTEST_REDIS) EMAIL_URL=consolemail://
loadtest: install
	$(PY) -c "import psycopg2; c = psycopg2.connect('$(BENCH_PG)/postgres'); c.autocommit = True; k = c.cursor(); \
	k.execute(\"SELECT 1 FROM pg_database WHERE datname = '$(BENCH_DB)'\"); k.fetchone() or k.execute('CREATE DATABASE $(BENCH_DB)')"
	DEBUG=false REDIS_URL= DATABASE_URL=$(BENCH_PG)/$(BENCH_DB) $(PY) manage.py migrate --noinput -v 0
	DEBUG=false REDIS_URL= DATABASE_URL=$(BENCH_PG)/$(BENCH_DB) $(PY) manage.py seed_demo --quiet
	DEBUG=false REDIS_URL= DATABASE_URL=$(BENCH_PG)/$(BENCH_DB) $(PY) manage.py seed_demo --quiet --scale $(LOADTEST_SCALE)
	$(LOADTEST_ENV) $(PY) manage.py collectstatic --noinput -v 0
	$(LOADTEST_ENV) $(PY) manage.py loadtest $(LOADTEST_ARGS)
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
