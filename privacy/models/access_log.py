"""The access log: who saw or touched which personal data, when, from where, in which role (NEN 7513 by analogy).

Append-only. The application cannot update or delete rows: the queryset refuses, ``save()`` refuses an existing
row, the admin is read-only, and on PostgreSQL a trigger refuses UPDATE and DELETE as well.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import AccessAction, AccessResult


class AppendOnlyError(Exception):
    pass


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("De toegangsregistratie kan niet worden gewijzigd.")

    def delete(self):
        raise AppendOnlyError("De toegangsregistratie kan niet worden verwijderd.")

    update_or_create = update  # type: ignore[assignment]


class AppendOnlyModel(models.Model):
    """A row that can be added, never changed or removed through the application."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True
        base_manager_name = "objects"  # no plain manager that could update or delete behind the append-only one

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("De toegangsregistratie kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("De toegangsregistratie kan niet worden verwijderd.")


class AccessLogEntry(AppendOnlyModel):
    timestamp = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.PROTECT, related_name="+", null=True
    )
    username = models.CharField(_("gebruikersnaam"), max_length=150)
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+", null=True
    )
    role = models.CharField(_("rol"), max_length=32, blank=True)
    on_behalf_of = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("namens (aanbrengende partner)"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    action = models.CharField(_("actie"), max_length=16, choices=AccessAction.choices)
    object_type = models.CharField(_("soort object"), max_length=64)
    object_ids = models.JSONField(_("object-id's"), default=list)
    result = models.CharField(_("resultaat"), max_length=8, choices=AccessResult.choices)
    ip_address = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    correlation_id = models.CharField(_("correlatie-id"), max_length=64, blank=True)
    view_name = models.CharField(_("scherm"), max_length=128, blank=True)

    class Meta(AppendOnlyModel.Meta):
        verbose_name = _("toegangsregistratie")
        verbose_name_plural = _("toegangsregistraties")
        ordering = ["-timestamp", "-id"]
        indexes = [models.Index(fields=["user", "-timestamp"], name="accesslog_user_time")]

    def __str__(self) -> str:
        return f"{self.timestamp:%d-%m-%Y %H:%M:%S} {self.username} {self.action} {self.object_type}"


class AccessLogPerson(AppendOnlyModel):
    """One row per person concerned by an entry, so 'who saw this person' is an index lookup."""

    entry = models.ForeignKey(AccessLogEntry, on_delete=models.PROTECT, related_name="persons")
    person_id = models.BigIntegerField(_("persoon"))
    timestamp = models.DateTimeField(_("tijdstip"))  # copied from the entry: the per-person view sorts on it

    class Meta(AppendOnlyModel.Meta):
        verbose_name = _("betrokken persoon")
        verbose_name_plural = _("betrokken personen")
        indexes = [models.Index(fields=["person_id", "-timestamp"], name="accesslog_person_time")]

    def __str__(self) -> str:
        return f"persoon {self.person_id} in {self.entry_id}"
