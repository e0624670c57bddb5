"""The register of AVG requests (inzage, rectificatie, verwijdering, beperking, bezwaar)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import Besluit, ExportStatus, VerzoekSoort, VerzoekStatus


def export_upload_to(instance: "AvgVerzoek", filename: str) -> str:
    # No personal data in the file name: the request's number only.
    return f"avg/verzoek-{instance.pk}/{filename}"


class AvgVerzoek(models.Model):
    soort = models.CharField(_("soort verzoek"), max_length=16, choices=VerzoekSoort.choices)
    persoon = models.ForeignKey(
        "persons.Persoon",
        verbose_name=_("betrokkene"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    ontvangen_op = models.DateField(_("ontvangen op"))
    termijn = models.DateField(_("uiterste datum"), editable=False)
    verlengd_tot = models.DateField(_("verlengd tot"), null=True, blank=True, editable=False)
    verlenging_reden = models.TextField(_("reden van de verlenging"), blank=True)
    omschrijving = models.TextField(_("omschrijving van het verzoek"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=VerzoekStatus.choices, default=VerzoekStatus.ONTVANGEN
    )
    besluit = models.CharField(_("besluit"), max_length=12, choices=Besluit.choices, blank=True)
    motivering = models.TextField(_("motivering van het besluit"), blank=True)
    afgehandeld_op = models.DateField(_("afgehandeld op"), null=True, blank=True)
    behandelaar = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("behandeld door"), on_delete=models.PROTECT, related_name="+"
    )
    export_pdf = models.FileField(_("inzage-export (PDF)"), upload_to=export_upload_to, blank=True)
    export_json = models.FileField(_("inzage-export (JSON)"), upload_to=export_upload_to, blank=True)
    export_gemaakt_op = models.DateTimeField(_("export gemaakt op"), null=True, blank=True)
    # The export is made by a Celery task (tasks.make_inzage_export); the files are removed after download or expiry.
    export_status = models.CharField(
        _("status van de export"), max_length=12, choices=ExportStatus.choices, default=ExportStatus.GEEN
    )
    export_aangevraagd_op = models.DateTimeField(_("export aangevraagd op"), null=True, blank=True)
    export_pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    export_fout = models.TextField(_("foutmelding van de export"), blank=True)
    export_verloopt_op = models.DateTimeField(_("export verloopt op"), null=True, blank=True)
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("AVG-verzoek")
        verbose_name_plural = _("AVG-verzoeken")
        ordering = ["-ontvangen_op", "-pk"]
        indexes = [models.Index(fields=["status", "termijn"], name="avgverzoek_status_termijn")]

    def __str__(self) -> str:
        return f"AVG-{self.pk} {self.get_soort_display()}"

    @property
    def deadline(self):
        return self.verlengd_tot or self.termijn

    @property
    def te_laat(self) -> bool:
        if self.status == VerzoekStatus.AFGEHANDELD:
            return bool(self.afgehandeld_op and self.afgehandeld_op > self.deadline)
        return timezone.localdate() > self.deadline
