#!/usr/bin/env bash
# The `make demo` path without its blocking runserver: SQLite, Celery in-process, demo data, one real request.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
cleanup() {
  kill "${server:-0}" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp" 2>/dev/null || true
}
trap cleanup EXIT
export DJANGO_SETTINGS_MODULE=zvh.settings.dev DEBUG=false DATABASE_URL="sqlite:///$tmp/demo.sqlite3"
unset REDIS_URL
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py seed_demo | tee "$tmp/seed.txt"
.venv/bin/python manage.py seed_demo --quiet   # idempotent
grep -q "regisseur" "$tmp/seed.txt"
.venv/bin/python manage.py runserver --noreload 127.0.0.1:8765 >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 40); do curl -fs http://127.0.0.1:8765/healthz >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS http://127.0.0.1:8765/healthz | tee /dev/stderr | grep -q '"broker": "in-process"'
curl -fsS http://127.0.0.1:8765/inloggen/ | grep -q "Inloggen"
curl -fsS -o /dev/null http://127.0.0.1:8765/static/css/zvh.css
echo "embedded default OK"
