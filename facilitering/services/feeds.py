"""The personal iCalendar feed: an unguessable token, stored only as its SHA-256 fingerprint.

The token is derived as HMAC-SHA256(SECRET_KEY, salt) with a random salt per feed, so the owner's settings page
can show the address again, while a copy of the database (salt and fingerprint) is not enough to use the feed.
"""

import hashlib
import secrets
from base64 import urlsafe_b64encode

from django.db import transaction
from django.utils.crypto import salted_hmac

from zvh.accounts.models import User

from ..models import CalendarFeed

SALT_BYTES = 32  # 256 bits
HMAC_PURPOSE = "zvh.facilitering.feed"


def token_fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _token_for_salt(salt: str) -> str:
    digest = salted_hmac(HMAC_PURPOSE, salt, algorithm="sha256").digest()
    return urlsafe_b64encode(digest).rstrip(b"=").decode()


def feed_token(feed: CalendarFeed) -> str | None:
    """The feed's token again, or None when it cannot be rebuilt (made before salts, or SECRET_KEY changed)."""
    if not feed.token_salt:
        return None
    token = _token_for_salt(feed.token_salt)
    return token if token_fingerprint(token) == feed.token_hash else None


@transaction.atomic
def feed_token_create(*, user: User) -> str:
    """Make a new feed address for the user; an earlier one stops working. Returns the token."""
    salt = secrets.token_hex(SALT_BYTES)
    token = _token_for_salt(salt)
    CalendarFeed.objects.filter(user=user).delete()
    feed = CalendarFeed(user=user, token_hash=token_fingerprint(token), token_salt=salt)
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
