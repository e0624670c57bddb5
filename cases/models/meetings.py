from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import OverlegSoort
from .casus import Casus

DEFAULT_DUUR = timedelta(hours=2)


class Casusoverleg(models.Model):
    """A meeting with an agenda of several cases. Who may see an item follows from that case's grants."""

    datum_tijd = models.DateTimeField(_("datum en tijd"))
    # Filled by overleg_create (default two hours); empty only on rows made outside the service (scale data).
    eindigt_op = models.DateTimeField(_("eindigt om"), null=True, blank=True)
    locatie = models.CharField(_("locatie"), max_length=200)
    # A ZVH room is booked in the same room calendar as facilitering: no casusoverleg and booking in one room at once.
    zaal = models.ForeignKey(
        "facilitering.Room",
        verbose_name=_("zaal van het ZVH"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="casusoverleggen",
    )
    soort = models.CharField(_("soort"), max_length=20, choices=OverlegSoort.choices, default=OverlegSoort.CASUSOVERLEG)
    voorzitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("voorzitter"), on_delete=models.PROTECT, related_name="+"
    )
    ondersteuning = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ondersteuning (secretariaat)"),
        related_name="ondersteunde_overleggen",
        blank=True,
    )
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("casusoverleg")
        verbose_name_plural = _("casusoverleggen")
        ordering = ["-datum_tijd"]
        indexes = [models.Index(fields=["datum_tijd"], name="overleg_datum")]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {timezone.localtime(self.datum_tijd):%d-%m-%Y %H:%M}"

    @property
    def einde(self):
        return self.eindigt_op or self.datum_tijd + DEFAULT_DUUR


class Agendapunt(models.Model):
    overleg = models.ForeignKey(Casusoverleg, on_delete=models.CASCADE, related_name="agendapunten")
    casus = models.ForeignKey(Casus, on_delete=models.PROTECT, related_name="agendapunten")
    volgorde = models.PositiveIntegerField(_("volgorde"), default=0)
    verslag = models.TextField(_("verslag"), blank=True)
    besluiten = models.TextField(_("besluiten"), blank=True)

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["volgorde", "pk"]
        constraints = [models.UniqueConstraint(fields=["overleg", "casus"], name="agendapunt_uniek")]

    def __str__(self) -> str:
        return f"{self.overleg} #{self.volgorde}"


class Deelnemer(models.Model):
    """Someone at the table. Incidental participants (no grant of their own) sign a confidentiality statement."""

    overleg = models.ForeignKey(Casusoverleg, on_delete=models.CASCADE, related_name="deelnemers")
    naam = models.CharField(_("naam"), max_length=200)
    organisatie = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    incidenteel = models.BooleanField(_("incidentele deelnemer"), default=False)
    geheimhouding_geaccepteerd_op = models.DateTimeField(_("geheimhoudingsverklaring geaccepteerd op"), null=True)
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.organisatie})"
