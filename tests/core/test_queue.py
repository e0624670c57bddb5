"""Celery and the broker: a Redis that is down or hangs never hangs a web request (fails within 2 s)."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from zvh.core.tasks import clear_expired_sessions

from ..helpers import clean_env

ROOT = Path(__file__).resolve().parents[2]
LIMIT_SECONDS = 2.0


@pytest.fixture
def dead_port():
    """A port on which nothing listens: connections are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def hanging_port():
    """A 'Redis' that accepts connections and then never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(50)
    accepted = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                break

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in accepted:
        conn.close()
    server.close()


PROBE = """
import json, time, django
django.setup()
from django.test import Client
from zvh.core.tasks import clear_expired_sessions
from zvh.queue import BrokerUnavailable, enqueue
out = {}
start = time.monotonic()
try:
    enqueue(clear_expired_sessions)
    out["enqueue"] = "published"
except BrokerUnavailable as exc:
    out["enqueue"] = str(exc)
out["enqueue_seconds"] = time.monotonic() - start
start = time.monotonic()
response = Client().get("/healthz", secure=True)
out["healthz_seconds"] = time.monotonic() - start
out["healthz_status"] = response.status_code
out["healthz"] = json.loads(response.content)
print(json.dumps(out))
"""


def probe(redis_url: str) -> dict:
    env = clean_env(
        **{
            "DJANGO_SETTINGS_MODULE": "zvh.settings.production",
            "SECRET_KEY": "s" * 60,
            "ALLOWED_HOSTS": "testserver",
            "DATABASE_URL": "sqlite:////tmp/zvh-queue-probe.sqlite3",
            "REDIS_URL": redis_url,
            "LOG_LEVEL": "CRITICAL",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("kind", ["dead_port", "hanging_port"])
def test_unreachable_broker_fails_fast_with_a_clear_dutch_message(kind, request):
    port = request.getfixturevalue(kind)
    out = probe(f"redis://127.0.0.1:{port}/0")
    assert "niet bereikbaar" in out["enqueue"]
    assert out["enqueue_seconds"] < LIMIT_SECONDS, out
    assert out["healthz_status"] == 503
    assert out["healthz"] == {"status": "storing", "database": "ok", "broker": "onbereikbaar"}
    assert out["healthz_seconds"] < LIMIT_SECONDS, out


@pytest.mark.django_db
def test_healthz_reports_without_personal_data():
    response = Client().get(reverse("core:healthz"))
    assert response.status_code == 200
    body = json.loads(response.content)
    assert set(body) == {"status", "database", "broker"}
    assert body["database"] == "ok"


@pytest.mark.django_db
def test_task_is_idempotent():
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    Session.objects.create(session_key="oud", session_data="", expire_date=timezone.now() - timedelta(days=1))
    assert clear_expired_sessions.delay().get() == 1
    assert clear_expired_sessions.delay().get() == 0


def test_tasks_have_time_limits():
    from zvh.celery import app

    app.loader.import_default_modules()
    own = [name for name in app.tasks if not name.startswith("celery.")]
    assert own, "no project tasks registered"
    for name in own:
        task = app.tasks[name]
        assert task.time_limit or app.conf.task_time_limit, name
        assert task.soft_time_limit or app.conf.task_soft_time_limit, name


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set: no real broker to test against")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps migration data for later tests
def test_round_trip_through_the_real_broker():
    from datetime import timedelta

    from celery.contrib.testing.worker import start_worker
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from zvh.celery import app

    Session.objects.create(session_key="verlopen", session_data="", expire_date=timezone.now() - timedelta(days=1))
    app.conf.task_always_eager = False
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            clear_expired_sessions.delay()
            deadline = time.monotonic() + 20
            while Session.objects.filter(session_key="verlopen").exists() and time.monotonic() < deadline:
                time.sleep(0.2)
        assert not Session.objects.filter(session_key="verlopen").exists()
    finally:
        app.conf.task_always_eager = True


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set")
def test_reachable_broker_is_reported_ok():
    out = probe(os.environ["REDIS_URL"])
    assert out["healthz"]["broker"] == "ok"
    assert out["enqueue"] == "published"
    assert out["healthz_seconds"] < LIMIT_SECONDS
