from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zvh.persons.models import Persoon

from ..choices import (
    Afsluitreden,
    AfspraakStatus,
    CasusStatus,
    LogboekSoort,
    Relatie,
    Resultaat,
    Thema,
    leefgebieden_labels,
)
from .grondslagen import grondslag_label, validate_grondslag


class CasusNummerReeks(models.Model):
    """The last case number handed out per year; locked while a new number is taken."""

    jaar = models.PositiveIntegerField(primary_key=True)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("casusnummerreeks")
        verbose_name_plural = _("casusnummerreeksen")

    def __str__(self) -> str:
        return f"{self.jaar}: {self.laatste}"


class Casus(models.Model):
    nummer = models.CharField(_("casusnummer"), max_length=16, unique=True, editable=False)
    jaar = models.PositiveIntegerField(editable=False)
    volgnummer = models.PositiveIntegerField(editable=False)
    thema = models.CharField(_("thema"), max_length=32, choices=Thema.choices)
    hoofdpersoon = models.ForeignKey(
        Persoon, verbose_name=_("hoofdpersoon"), on_delete=models.PROTECT, related_name="casussen_als_hoofdpersoon"
    )
    aanbrengende_partner = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("aanbrengende partner"), on_delete=models.PROTECT, related_name="+"
    )
    grondslag = models.CharField(_("grondslag"), max_length=32, validators=[validate_grondslag])
    grondslag_toelichting = models.TextField(_("toelichting op de grondslag"))
    procesregisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("procesregisseur"), on_delete=models.PROTECT, related_name="+"
    )
    casusregisseur_organisatie = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("casusregisseur (organisatie)"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    casusregisseur_persoon = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("casusregisseur (persoon)"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    leefgebieden = models.JSONField(_("leefgebieden"), default=list)
    gemeente = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    aanmelding = models.OneToOneField(
        "triage.Aanmelding",
        verbose_name=_("aanmelding"),
        on_delete=models.PROTECT,
        related_name="casus",
        null=True,
        blank=True,
    )
    status = models.CharField(_("status"), max_length=20, choices=CasusStatus.choices, default=CasusStatus.AANGEMAAKT)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"))
    afgeschaald_op = models.DateTimeField(_("afgeschaald op"), null=True, blank=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    afsluitreden = models.CharField(_("afsluitreden"), max_length=32, choices=Afsluitreden.choices, blank=True)
    resultaat = models.CharField(_("resultaat"), max_length=16, choices=Resultaat.choices, blank=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-jaar", "-volgnummer"]
        constraints = [models.UniqueConstraint(fields=["jaar", "volgnummer"], name="casus_jaar_volgnummer")]
        indexes = [
            models.Index(fields=["status", "-aangemaakt_op"], name="casus_status_aangemaakt"),
            # Mijn werk counts a procesregisseur's cases per status (restricted theme excluded) from this index
            # alone: an index-only scan, however many cases they have directed over the years.
            models.Index(fields=["procesregisseur", "status", "thema"], name="casus_regisseur_status_thema"),
            # Mijn werk: a procesregisseur's most recently changed open cases.
            models.Index(fields=["procesregisseur", "-gewijzigd_op"], name="casus_regisseur_gewijzigd"),
            models.Index(fields=["thema"], name="casus_thema"),
            # The case list filtered on status (and theme), newest first, without sorting all matches.
            models.Index(fields=["status", "thema", "-jaar", "-volgnummer"], name="casus_lijst_status_thema"),
        ]
        permissions = [("view_alle_casussen", _("Kan alle casussen van het ZVH zien (procesregie)"))]

    def __str__(self) -> str:
        return self.nummer

    # Labels without Django's get_FOO_display(), which rebuilds a dict of all choices on every call: that showed
    # up as the largest cost of the case list.
    @property
    def status_label(self) -> str:
        return CasusStatus(self.status).label

    @property
    def thema_label(self) -> str:
        return Thema(self.thema).label

    @property
    def leefgebieden_display(self) -> str:
        return leefgebieden_labels(self.leefgebieden)

    @property
    def grondslag_label(self) -> str:
        return grondslag_label(self.grondslag)


class Betrokkene(models.Model):
    """A person in a case, with their relation to the main person."""

    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="betrokkenen")
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="betrokkenheden")
    relatie = models.CharField(_("relatie"), max_length=16, choices=Relatie.choices)

    class Meta:
        verbose_name = _("betrokkene")
        verbose_name_plural = _("betrokkenen")
        constraints = [models.UniqueConstraint(fields=["casus", "persoon"], name="betrokkene_uniek")]
        # A person's cases from the index alone (the access layer's probe per person).
        indexes = [models.Index(fields=["persoon", "casus"], name="betrokkene_persoon_casus")]

    def __str__(self) -> str:
        return f"{self.persoon} ({self.get_relatie_display()})"


class StatusWijziging(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="statuswijzigingen")
    van = models.CharField(_("van"), max_length=20, choices=CasusStatus.choices, blank=True)
    naar = models.CharField(_("naar"), max_length=20, choices=CasusStatus.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(_("op"))
    reden = models.TextField(_("reden"), blank=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["op", "pk"]
        indexes = [models.Index(fields=["naar", "op"], name="statuswijziging_naar_op")]

    def __str__(self) -> str:
        return f"{self.casus}: {self.van} → {self.naar}"


class PlanVanAanpak(models.Model):
    casus = models.OneToOneField(Casus, on_delete=models.CASCADE, related_name="plan")
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan van aanpak")
        verbose_name_plural = _("plannen van aanpak")

    def __str__(self) -> str:
        return f"Plan van aanpak {self.casus}"


class Doel(models.Model):
    plan = models.ForeignKey(PlanVanAanpak, on_delete=models.CASCADE, related_name="doelen")
    omschrijving = models.CharField(_("doel"), max_length=500)
    volgorde = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        ordering = ["volgorde", "pk"]

    def __str__(self) -> str:
        return self.omschrijving


class Afspraak(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="afspraken")
    agendapunt = models.ForeignKey(
        "cases.Agendapunt", on_delete=models.SET_NULL, null=True, blank=True, related_name="afspraken"
    )
    actie = models.CharField(_("actie"), max_length=500)
    eigenaar_organisatie = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("eigenaar (organisatie)"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    eigenaar_persoon = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar (persoon)"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=10, choices=AfspraakStatus.choices, default=AfspraakStatus.OPEN)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gereed_op = models.DateTimeField(_("gereed op"), null=True, blank=True)

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["status", "deadline"], name="afspraak_status_deadline"),
            # A partner's open afspraken by deadline (Mijn werk): only their own rows, already in order.
            models.Index(fields=["eigenaar_organisatie", "status", "deadline"], name="afspraak_org_status_deadline"),
        ]

    def __str__(self) -> str:
        return self.actie

    @property
    def status_label(self) -> str:
        return AfspraakStatus(self.status).label

    @property
    def eigenaar(self) -> str:
        parts = [
            str(p)
            for p in (self.eigenaar_persoon and self.eigenaar_persoon.display_name, self.eigenaar_organisatie)
            if p
        ]
        return " — ".join(parts) or "—"


class LogboekEntry(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="logboek")
    datum = models.DateTimeField(_("datum"))
    soort = models.CharField(_("soort"), max_length=24, choices=LogboekSoort.choices)
    tekst = models.TextField(_("tekst"))
    bron = models.CharField(_("bron"), max_length=200, blank=True, help_text=_("Van welke partner de informatie komt."))
    alleen_procesregie = models.BooleanField(
        _("alleen procesregie"), default=False, help_text=_("Intern voor het ZVH; ketenpartners zien dit niet.")
    )
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboek")
        ordering = ["-datum", "-pk"]

    def __str__(self) -> str:
        return f"{self.casus} {self.datum:%d-%m-%Y}"
