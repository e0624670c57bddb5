from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import NotificationKind


class Notification(models.Model):
    """One event for one recipient: the outbox row. ``key`` names the event (e.g. "toegang:12"); the pair
    (recipient, key) is unique, so an event is recorded once however often it is reported, and ``sent_at`` makes
    sending idempotent. Holds no personal data: the e-mail is built from the kind and a link."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ontvanger"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("soort"), max_length=16, choices=NotificationKind.choices)
    key = models.CharField(_("gebeurtenis"), max_length=64)
    # What the link points at: the case (toegang, afspraak) or the meeting (uitnodiging); empty for a reminder.
    object_id = models.PositiveBigIntegerField(_("object"), null=True, blank=True)
    aantal = models.PositiveIntegerField(_("aantal"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verzonden op"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mailmelding")
        verbose_name_plural = _("e-mailmeldingen")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="notification_once_per_event")]
        indexes = [
            models.Index(
                fields=["recipient", "created_at"], condition=models.Q(sent_at__isnull=True), name="notification_unsent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient_id}"
