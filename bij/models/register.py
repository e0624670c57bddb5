"""The art. 18b Pbw register (every exchange of information, read by the FG as a disclosure register), and the
record of the daily late-melding e-mail (one a day)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import REDEN_18B, Gegevenscategorie, Grondslag18b, Partner18b, Richting, labels


class Uitwisseling18b(models.Model):
    richting = models.CharField(_("richting"), max_length=12, choices=Richting.choices)
    partners = models.JSONField(_("partners"), default=list)
    reden = models.TextField(_("reden"), default=REDEN_18B)
    gegevenscategorieen = models.JSONField(_("categorieën van gegevens"), default=list)
    datum = models.DateField(_("datum"))
    grondslag = models.CharField(_("grondslag"), max_length=16, choices=Grondslag18b.choices)
    grondslag_toelichting = models.TextField(_("toelichting op de grondslag"), blank=True)
    melding = models.ForeignKey(
        "bij.Melding",
        verbose_name=_("BIJ-melding"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uitwisselingen",
    )
    casus = models.ForeignKey(
        "cases.Casus", verbose_name=_("casus"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("uitwisseling art. 18b Pbw")
        verbose_name_plural = _("register art. 18b Pbw")
        ordering = ["-datum", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(melding__isnull=False) | Q(casus__isnull=False), name="bij_18b_gekoppeld"
            ),
        ]

    def __str__(self) -> str:
        return f"18b {self.get_richting_display()} {self.datum:%d-%m-%Y}"

    @property
    def partners_display(self) -> str:
        return labels(Partner18b, self.partners)

    @property
    def categorieen_display(self) -> str:
        return labels(Gegevenscategorie, self.gegevenscategorieen)


class Dagmelding(models.Model):
    """That the BIJ team was e-mailed about late meldingen on this day (the unique date makes the task idempotent)."""

    datum = models.DateField(_("datum"), unique=True)
    aantal = models.PositiveIntegerField(_("aantal te late meldingen"))
    verzonden_op = models.DateTimeField(_("verzonden op"), auto_now_add=True)

    class Meta:
        verbose_name = _("dagmelding BIJ")
        verbose_name_plural = _("dagmeldingen BIJ")
        ordering = ["-datum"]

    def __str__(self) -> str:
        return f"{self.datum}: {self.aantal}"
