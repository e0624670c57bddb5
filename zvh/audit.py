"""Audit helpers: who did it, also inside Celery tasks where there is no request."""

import contextlib
from collections.abc import Iterator

from auditlog.context import set_actor
from django.contrib.auth import get_user_model


@contextlib.contextmanager
def task_actor(user_id: int | None) -> Iterator[None]:
    """Attribute every audited write inside the block to the user who asked for the task."""
    actor = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if actor is None:
        yield
        return
    with set_actor(actor):
        yield
