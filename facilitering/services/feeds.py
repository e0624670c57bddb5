"""The personal iCalendar feed: an unguessable token, stored only as its SHA-256 fingerprint."""

import hashlib
import secrets

from django.db import transaction

from zvh.accounts.models import User

from ..models import CalendarFeed

TOKEN_BYTES = 32  # 256 bits


def token_fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def feed_token_create(*, user: User) -> str:
    """Make a new feed address for the user; an earlier one stops working. Returns the token (shown once)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    CalendarFeed.objects.filter(user=user).delete()
    feed = CalendarFeed(user=user, token_hash=token_fingerprint(token))
    feed.full_clean()
    feed.save()
    return token


@transaction.atomic
def feed_token_revoke(*, user: User) -> bool:
    """Stop the user's feed. Returns whether there was one."""
    deleted = 0
    for feed in CalendarFeed.objects.filter(user=user):
        feed.delete()  # one by one, so the audit log records it
        deleted += 1
    return bool(deleted)
