"""E-mail notifications: an outbox of events per recipient, sent at once or as a daily digest. No personal data."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "zvh.notifications"
    label = "notifications"
    verbose_name = _("E-mailmeldingen")
