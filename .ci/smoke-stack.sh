#!/usr/bin/env bash
# The commands docker-compose.yml runs (migrate, pgbouncer, gunicorn, celery worker, celery beat), here against the
# local PostgreSQL and Redis, since this machine has no Docker engine. As in compose, migrations go straight to
# PostgreSQL and the application through PgBouncer.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp" 2>/dev/null || true
}
trap cleanup EXIT
export DJANGO_SETTINGS_MODULE=zvh.settings.production
export SECRET_KEY="ci-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-not-a-real-secret-key-0123456789"
export ALLOWED_HOSTS=127.0.0.1,localhost DATABASE_URL=postgres://postgres@127.0.0.1:5432/zvh_stack
export REDIS_URL=redis://127.0.0.1:6379/3 STATIC_ROOT="$tmp/static" MEDIA_ROOT="$tmp/media" EMAIL_URL=consolemail://
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='zvh_stack'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE zvh_stack" >/dev/null
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py collectstatic --noinput -v 0
.venv/bin/python manage.py check --deploy --fail-level WARNING
.venv/bin/python manage.py pgbouncer --port 6433 >"$tmp/pgbouncer.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 40); do (exec 3<>/dev/tcp/127.0.0.1/6433) 2>/dev/null && break; sleep 0.25; done
export DATABASE_URL=postgres://postgres@127.0.0.1:6433/zvh_stack DB_POOLER=pgbouncer
.venv/bin/gunicorn zvh.wsgi:application -c gunicorn.conf.py --bind 127.0.0.1:8766 --workers 2 --timeout 30 >"$tmp/gunicorn.log" 2>&1 &
pids+=($!)
.venv/bin/celery -A zvh worker --loglevel WARNING --concurrency 1 >"$tmp/worker.log" 2>&1 &
pids+=($!)
.venv/bin/celery -A zvh beat --loglevel WARNING --schedule "$tmp/beat-schedule" >"$tmp/beat.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 40); do curl -fs http://127.0.0.1:8766/healthz >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS http://127.0.0.1:8766/healthz | tee /dev/stderr | grep -q '"broker": "ok"'
curl -fsS -H "X-Forwarded-Proto: https" http://127.0.0.1:8766/inloggen/ | grep -q "Inloggen"
curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" http://127.0.0.1:8766/static/css/zvh.css
for _ in $(seq 1 40); do .venv/bin/celery -A zvh inspect ping --timeout 1 >/dev/null 2>&1 && break; sleep 0.5; done
.venv/bin/celery -A zvh inspect ping --timeout 2
kill -0 "${pids[3]}"   # beat still running
psql -h 127.0.0.1 -p 6433 -U postgres zvh_stack -Atc "SHOW jit" | grep -qx off   # through the pool: the database's default
echo "production stack commands OK"
