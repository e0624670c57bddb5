"""Demo: one partner reads e-mail notifications as a daily digest, the others get them at once (the default)."""

from zvh.accounts.choices import NotificationFrequency
from zvh.accounts.models import User

DIGEST_USERS = ("veiligthuis",)


def seed(stdout=None, **options) -> None:
    User.objects.filter(username__in=DIGEST_USERS).update(notification_frequency=NotificationFrequency.DAGELIJKS)
