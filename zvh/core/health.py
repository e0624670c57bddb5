"""Reachability checks for /healthz. They report only "ok" or a failure kind: no data, no hostnames."""

from django.conf import settings
from django.db import connection


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        return False


def broker_status() -> str:
    """'ok', 'onbereikbaar', or 'in-process' when Celery runs eagerly without a broker (developer default)."""
    if not settings.REDIS_URL:
        return "in-process"
    from zvh.queue import broker_reachable

    return "ok" if broker_reachable() else "onbereikbaar"
