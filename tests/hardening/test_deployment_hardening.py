"""Finding 8 (deployment part): no feed token in any log line, no Server header, SQLite that survives concurrency."""

import logging
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from ..helpers import clean_env

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "GeheimFeedToken0123456789abcdefXYZ"
FEED_PATH = f"/facilitering/feed/{TOKEN}.ics"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_django_log_records_never_carry_the_feed_token():
    from logging.config import dictConfig

    assert "redact_secrets" in settings.LOGGING["handlers"]["console"]["filters"]
    filter_class = settings.LOGGING["filters"]["redact_secrets"]["()"]
    from django.utils.module_loading import import_string

    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", (FEED_PATH,), None
    )
    assert import_string(filter_class)().filter(record)
    assert TOKEN not in record.getMessage() and "/facilitering/feed/[token].ics" in record.getMessage()
    assert dictConfig  # the same dict is what Django configures


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps migration data for later tests
def test_gunicorn_sends_no_server_header_and_logs_no_feed_token(tmp_path):
    port = free_port()
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        pytest.skip("needs the PostgreSQL test database to be reachable from another process")
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = clean_env(
        DJANGO_SETTINGS_MODULE="zvh.settings.dev",  # production's logging and middleware, without collectstatic
        DEBUG="false",
        DATABASE_URL=url,
        REDIS_URL="",
        LOG_LEVEL="INFO",
    )
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "zvh.wsgi:application",
             "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        response = None
        for _ in range(100):
            try:
                response = urllib.request.urlopen(f"http://127.0.0.1:{port}{FEED_PATH}", timeout=5)
            except urllib.error.HTTPError as exc:
                response = exc
            except OSError:
                time.sleep(0.1)
                continue
            break
        assert response is not None, log.read_text()
        assert response.status == 404, log.read_text()
        assert response.headers.get("Server") is None
        time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(10)
    text = log.read_text()
    assert "/facilitering/feed/[token].ics" in text  # the access line is there ...
    assert TOKEN not in text  # ... without the token


def test_embedded_sqlite_uses_wal_an_immediate_lock_and_a_busy_timeout(tmp_path):
    script = (
        "import django; django.setup();"
        "from django.db import connection; c = connection.cursor();"
        "print(c.execute('PRAGMA journal_mode').fetchone()[0]);"
        "print(c.execute('PRAGMA busy_timeout').fetchone()[0]);"
        "print(connection.settings_dict['OPTIONS']['transaction_mode'])"
    )
    env = clean_env(DJANGO_SETTINGS_MODULE="zvh.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    journal, busy, mode = out.stdout.split()
    assert (journal, int(busy), mode) == ("wal", 20000, "IMMEDIATE")
