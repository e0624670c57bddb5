"""ISD (Inrichting Stelselmatige Daders): a measure of at most two years; the ZVH directs aanloop and re-integratie."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import ISDFaseSoort


class ISDTraject(models.Model):
    persoon = models.ForeignKey(
        "persons.Persoon", verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="isd_trajecten"
    )
    gemeente = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="isd_trajecten"
    )
    vonnis_datum = models.DateField(_("datum vonnis"))
    startdatum = models.DateField(_("start maatregel"))
    einddatum = models.DateField(_("einde maatregel"), help_text=_("Ten hoogste twee jaar na de start."))
    inrichting = models.CharField(_("inrichting"), max_length=200)
    fase = models.CharField(
        _("huidige fase"), max_length=16, choices=ISDFaseSoort.choices, default=ISDFaseSoort.AANLOOP
    )
    afgerond = models.BooleanField(_("afgerond"), default=False)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("ISD-traject")
        verbose_name_plural = _("ISD-trajecten")
        ordering = ["einddatum", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(einddatum__gt=models.F("startdatum")), name="isd_einde_na_start"),
            models.CheckConstraint(condition=Q(startdatum__gte=models.F("vonnis_datum")), name="isd_start_na_vonnis"),
        ]

    def __str__(self) -> str:
        return f"{_('ISD-traject')} {self.pk}"

    @property
    def fase_label(self) -> str:
        return ISDFaseSoort(self.fase).label


class ISDFase(models.Model):
    isd = models.ForeignKey(ISDTraject, on_delete=models.CASCADE, related_name="fasen")
    soort = models.CharField(_("fase"), max_length=16, choices=ISDFaseSoort.choices)
    startdatum = models.DateField(_("start"), null=True, blank=True)
    einddatum = models.DateField(_("einde"), null=True, blank=True)
    plan = models.TextField(_("plan"), blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ISD-fase")
        verbose_name_plural = _("ISD-fasen")
        constraints = [models.UniqueConstraint(fields=["isd", "soort"], name="isd_fase_een_per_soort")]

    def __str__(self) -> str:
        return str(ISDFaseSoort(self.soort).label)

    @property
    def order(self) -> int:
        return list(ISDFaseSoort.values).index(self.soort)
