from zvh.accounts.models import User

from ..models import CalendarFeed
from ..services.feeds import token_fingerprint


def feed_user_for_token(token: str) -> User | None:
    """The active user whose feed token this is, or None (unknown, revoked or deactivated)."""
    feed = CalendarFeed.objects.select_related("user").filter(token_hash=token_fingerprint(token)).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user
