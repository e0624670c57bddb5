"""The BIJ-melding, its recorded state transitions, the invitations of partners, and the advice to the burgemeester.

A melding is never deleted (on PostgreSQL a trigger refuses DELETE, see migration 0003); it is closed with a reason.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zvh.persons.models import Persoon

from ..choices import (
    Afsluitreden,
    Bron,
    Categorie,
    JaNeeOnbekend,
    MeldingStatus,
    Soort,
    VerlofSoort,
)

GEMEENTE_FK = {"to": "accounts.Organisation", "on_delete": models.PROTECT, "related_name": "+"}


class Melding(models.Model):
    bron = models.CharField(_("bron"), max_length=16, choices=Bron.choices)
    ontvangen_op = models.DateField(_("ontvangen op"))
    persoon = models.ForeignKey(
        Persoon, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="bij_meldingen"
    )
    categorie = models.CharField(_("delictcategorie"), max_length=16, choices=Categorie.choices)
    soort = models.CharField(_("soort terugkeer"), max_length=16, choices=Soort.choices)
    verlof_soort = models.CharField(_("soort verlof"), max_length=16, choices=VerlofSoort.choices, blank=True)
    inrichting = models.CharField(_("inrichting"), max_length=200)
    verwachte_datum = models.DateField(_("verwachte datum van terugkeer of verlof"))
    brp_gemeente = models.ForeignKey(verbose_name=_("BRP-gemeente"), null=True, blank=True, **GEMEENTE_FK)
    beoogde_verblijfplaats = models.CharField(_("beoogde verblijfplaats"), max_length=200, blank=True)
    slachtoffers_nabij = models.CharField(
        _("slachtoffer(s) in de buurt"), max_length=8, choices=JaNeeOnbekend.choices, default=JaNeeOnbekend.ONBEKEND
    )
    slachtoffers_toelichting = models.TextField(
        _("toelichting slachtofferbelangen"),
        blank=True,
        help_text=_("Geen namen of andere gegevens van slachtoffers."),
    )
    reclasseringsadvies = models.TextField(_("reclasseringsadvies"), blank=True)
    risico_samenvatting = models.TextField(_("samenvatting van het risico"), blank=True)
    casus = models.ForeignKey(
        "cases.Casus",
        verbose_name=_("casus"),
        on_delete=models.PROTECT,
        related_name="bij_meldingen",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MeldingStatus.choices, default=MeldingStatus.ONTVANGEN
    )
    afsluitreden = models.CharField(_("afsluitreden"), max_length=16, choices=Afsluitreden.choices, blank=True)
    mogelijk_dubbel = models.BooleanField(_("mogelijk dubbele melding"), default=False)
    dubbel_van = models.ForeignKey(
        "self", verbose_name=_("eerdere melding"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("BIJ-melding")
        verbose_name_plural = _("BIJ-meldingen")
        ordering = ["verwachte_datum", "pk"]
        indexes = [
            models.Index(fields=["status", "verwachte_datum"], name="bij_melding_status_datum"),
            models.Index(fields=["persoon", "verwachte_datum"], name="bij_melding_persoon_datum"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(soort="verlof") | Q(verlof_soort=""), name="bij_melding_verlofsoort_alleen_bij_verlof"
            ),
        ]

    def __str__(self) -> str:
        return f"BIJ-melding {self.pk}"

    @property
    def nummer(self) -> str:
        return f"BIJ-{self.pk}"


class Overgang(models.Model):
    """One step of the state machine: who, when, why. Added only (a trigger refuses changes on PostgreSQL)."""

    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, related_name="overgangen")
    van = models.CharField(_("van"), max_length=20, choices=MeldingStatus.choices, blank=True)
    naar = models.CharField(_("naar"), max_length=20, choices=MeldingStatus.choices)
    stap = models.CharField(_("stap"), max_length=32)
    reden = models.TextField(_("reden"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.PROTECT, related_name="+"
    )
    op = models.DateTimeField(_("op"))

    class Meta:
        verbose_name = _("statusovergang")
        verbose_name_plural = _("statusovergangen")
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return f"{self.melding} {self.van} → {self.naar}"


class Uitnodiging(models.Model):
    """A partner invited to one melding (need-to-know): a user or a whole organisation, for a while."""

    melding = models.ForeignKey(Melding, on_delete=models.PROTECT, related_name="uitnodigingen")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organisatie = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    doel = models.TextField(_("doel"), help_text=_("Waarvoor heeft deze partner de gegevens nodig?"))
    geldig_van = models.DateTimeField(_("geldig van"))
    geldig_tot = models.DateTimeField(_("geldig tot"), null=True, blank=True)
    verleend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    verleend_op = models.DateTimeField(_("verleend op"), auto_now_add=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-verleend_op"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(organisatie__isnull=True))
                | (Q(user__isnull=True) & Q(organisatie__isnull=False)),
                name="bij_uitnodiging_user_xor_organisatie",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.melding}: {self.ontvanger}"

    @property
    def ontvanger(self) -> str:
        return self.user.display_name if self.user_id else str(self.organisatie)


class Advies(models.Model):
    """The advice to the burgemeester of one gemeente, and the besluit the gemeente's OOV-adviseur records."""

    melding = models.OneToOneField(Melding, on_delete=models.PROTECT, related_name="advies")
    tekst = models.TextField(_("advies aan de burgemeester"))
    datum = models.DateField(_("datum advies"))
    gemeente = models.ForeignKey(verbose_name=_("verzonden aan gemeente"), **GEMEENTE_FK)
    opgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uitgebracht_op = models.DateTimeField(_("uitgebracht op"), null=True, blank=True)
    besluit_datum = models.DateField(_("datum besluit"), null=True, blank=True)
    maatregelen = models.TextField(_("maatregelen"), blank=True)
    besluit_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    besluit_geregistreerd_op = models.DateTimeField(_("besluit geregistreerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("advies aan de burgemeester")
        verbose_name_plural = _("adviezen aan de burgemeester")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["gemeente", "uitgebracht_op"], name="bij_advies_gemeente")]

    def __str__(self) -> str:
        return f"Advies bij {self.melding}"
