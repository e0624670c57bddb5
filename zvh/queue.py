"""Queueing Celery tasks from web requests without ever hanging them.

Redis that is down refuses within the connect timeout; Redis that hangs is cut off by the socket timeout
(REDIS_SOCKET_TIMEOUT, 1 s by default). Publishing is tried once (no retry loop while a user waits).
"""

from collections.abc import Callable
from typing import Any

import redis
from celery import Task
from celery.result import AsyncResult
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from kombu.exceptions import KombuError, OperationalError

BROKER_ERRORS = (
    OperationalError,
    KombuError,
    redis.exceptions.RedisError,
    ConnectionError,
    TimeoutError,
    OSError,
)


class BrokerUnavailable(Exception):
    """The task queue (Redis) cannot be reached. ``message`` is safe to show to a user."""

    message = _(
        "De achtergrondverwerking is op dit moment niet bereikbaar. Probeer het over enkele minuten opnieuw. "
        "Blijft dit gebeuren, meld het dan bij de functioneel beheerder."
    )

    def __str__(self) -> str:
        return str(self.message)


def broker_reachable() -> bool:
    if settings.CELERY_TASK_ALWAYS_EAGER and not settings.REDIS_URL:
        return True
    client = redis.Redis.from_url(
        settings.CELERY_BROKER_URL,
        socket_timeout=settings.REDIS_SOCKET_TIMEOUT,
        socket_connect_timeout=settings.REDIS_SOCKET_TIMEOUT,
        retry_on_timeout=False,
    )
    try:
        return bool(client.ping())
    except BROKER_ERRORS:
        return False
    finally:
        client.close()


def ensure_broker_available() -> None:
    """Raise BrokerUnavailable (fast) before a request creates records that need a task to finish them."""
    if not broker_reachable():
        raise BrokerUnavailable


def enqueue(task: Task, *args: Any, **kwargs: Any) -> AsyncResult:
    """Publish a task now; raise BrokerUnavailable within about two seconds if the broker cannot take it."""
    try:
        return task.apply_async(args=args, kwargs=kwargs, retry=False)
    except BROKER_ERRORS as exc:
        raise BrokerUnavailable from exc


def enqueue_on_commit(
    task: Task, *args: Any, on_error: Callable[[BrokerUnavailable], None] | None = None, **kwargs: Any
) -> None:
    """Queue the task once the surrounding transaction commits (never before: the worker must see the rows)."""

    def publish() -> None:
        try:
            enqueue(task, *args, **kwargs)
        except BrokerUnavailable as exc:
            if on_error is None:
                raise
            on_error(exc)

    transaction.on_commit(publish)
