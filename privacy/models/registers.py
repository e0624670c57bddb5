"""Registers the FG keeps: verwerkingen (art. 30), DPIA's and privacy protocols, datalekken."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import DatalekStatus, DocumentSoort, DocumentStatus

AP_TERMIJN = timedelta(hours=72)


class Verwerking(models.Model):
    """One processing activity of the verwerkingsregister (AVG art. 30)."""

    naam = models.CharField(_("naam"), max_length=200, unique=True)
    doel = models.TextField(_("doel"))
    grondslag = models.TextField(_("grondslag"))
    categorieen_betrokkenen = models.TextField(_("categorieën betrokkenen"))
    categorieen_gegevens = models.TextField(_("categorieën persoonsgegevens"))
    ontvangers = models.TextField(_("ontvangers"))
    bewaartermijn = models.CharField(_("bewaartermijn"), max_length=300)
    beveiliging = models.TextField(_("beveiligingsmaatregelen"))
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("verwerking")
        verbose_name_plural = _("verwerkingsregister")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class PrivacyDocument(models.Model):
    """A DPIA or privacy protocol, one row per version. Setting a version to 'vastgesteld' reports the jaarplan
    milestone it is linked to."""

    soort = models.CharField(_("soort"), max_length=12, choices=DocumentSoort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    versie = models.CharField(_("versie"), max_length=20)
    status = models.CharField(
        _("status"), max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.CONCEPT
    )
    gestart_op = models.DateField(_("gestart op"))
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    herzien_voor = models.DateField(_("herzien vóór"), null=True, blank=True)
    mijlpaal = models.ForeignKey(
        "reporting.Activiteit",
        verbose_name=_("mijlpaal in het jaarplan"),
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
    )
    opmerking = models.TextField(_("opmerking"), blank=True)

    class Meta:
        verbose_name = _("DPIA of privacyprotocol")
        verbose_name_plural = _("DPIA's en privacyprotocollen")
        ordering = ["soort", "titel", "-gestart_op"]
        constraints = [models.UniqueConstraint(fields=["soort", "titel", "versie"], name="privacydocument_versie")]

    def __str__(self) -> str:
        return f"{self.titel} v{self.versie}"


class Datalek(models.Model):
    """A personal data breach: found at, the 72-hour term to the Autoriteit Persoonsgegevens, the decision."""

    omschrijving = models.TextField(_("omschrijving (zonder persoonsgegevens)"))
    ontdekt_op = models.DateTimeField(_("ontdekt op"))
    status = models.CharField(_("status"), max_length=8, choices=DatalekStatus.choices, default=DatalekStatus.OPEN)
    gemeld_bij_ap = models.BooleanField(_("gemeld bij de AP"), null=True, blank=True)
    gemeld_op = models.DateTimeField(_("gemeld op"), null=True, blank=True)
    meldingsreden = models.TextField(_("reden (wel of niet melden)"), blank=True)
    aantal_betrokkenen = models.PositiveIntegerField(_("aantal betrokkenen"), null=True, blank=True)
    betrokkenen_geinformeerd = models.BooleanField(_("betrokkenen geïnformeerd"), null=True, blank=True)
    maatregelen = models.TextField(_("maatregelen"), blank=True)
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("datalek")
        verbose_name_plural = _("datalekken")
        ordering = ["-ontdekt_op"]

    def __str__(self) -> str:
        return f"Datalek {self.pk} ({self.ontdekt_op:%d-%m-%Y})"

    @property
    def ap_deadline(self):
        return self.ontdekt_op + AP_TERMIJN

    def resterend(self, now=None) -> timedelta:
        return self.ap_deadline - (now or timezone.now())

    @property
    def besloten(self) -> bool:
        return self.gemeld_bij_ap is not None
