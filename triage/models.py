from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.choices import Geslacht, Relatie, Thema, leefgebieden_labels
from cases.models.grondslagen import grondslag_label, validate_grondslag

from .choices import AanmeldingBron, AanmeldingStatus, AdviesAanleiding, BordSoort, Uitkomst, Vervolg


class Aanmelding(models.Model):
    """A request from a partner professional to take a case up at the ZVH. Can be saved as a draft."""

    status = models.CharField(
        _("status"), max_length=16, choices=AanmeldingStatus.choices, default=AanmeldingStatus.CONCEPT
    )
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ingevoerd door"), on_delete=models.PROTECT, related_name="+"
    )
    aanbrengende_partner = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("aanbrengende partner"), on_delete=models.PROTECT, related_name="+"
    )
    bron = models.CharField(_("bron"), max_length=16, choices=AanmeldingBron.choices, default=AanmeldingBron.PARTNER)
    aanleiding = models.TextField(_("aanleiding"), blank=True)
    doel = models.TextField(_("doel / hulpvraag"), blank=True)
    leefgebieden = models.JSONField(_("leefgebieden"), default=list, blank=True)
    thema = models.CharField(_("thema"), max_length=32, choices=Thema.choices, blank=True)
    gemeente = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    voorgestelde_partners = models.ManyToManyField(
        "accounts.Organisation", verbose_name=_("voorgestelde partners"), related_name="+", blank=True
    )
    spoed = models.BooleanField(_("spoed"), default=False)
    betrokkene_geinformeerd = models.BooleanField(_("betrokkene is geïnformeerd"), null=True, blank=True)
    reden_niet_geinformeerd = models.TextField(_("reden dat de betrokkene niet is geïnformeerd"), blank=True)
    grondslag = models.CharField(_("grondslag"), max_length=32, blank=True, validators=[validate_grondslag])
    grondslag_toelichting = models.TextField(_("toelichting op de grondslag"), blank=True)
    sessie = models.ForeignKey(
        "triage.TriageSessie",
        verbose_name=_("triagemoment"),
        on_delete=models.PROTECT,
        related_name="aanmeldingen",
        null=True,
        blank=True,
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    ingediend_op = models.DateTimeField(_("ingediend op"), null=True, blank=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["-ingediend_op", "-aangemaakt_op"]
        indexes = [
            models.Index(fields=["status", "ingediend_op"], name="aanmelding_status_ingediend"),
            models.Index(fields=["aanbrengende_partner", "ingediend_op"], name="aanmelding_partner_ingediend"),
            # Mijn werk of a melder: their newest ten, without sorting every aanmelding they ever submitted.
            models.Index(fields=["ingediend_door", "-aangemaakt_op"], name="aanmelding_melder_aangemaakt"),
            # PostgreSQL also has "aanmelding_toegang" (id INCLUDE the partner rule's columns): migration 0009.
            # The list page, newest first, without and with a status tab: a page reads 51 rows, never sorts all.
            models.Index(fields=["-aangemaakt_op", "-id"], name="aanmelding_aangemaakt"),
            models.Index(fields=["status", "-aangemaakt_op", "-id"], name="aanmelding_status_aangemaakt"),
            # A triage moment's page in its order (spoed first, then the oldest): a busy moment holds hundreds.
            models.Index(fields=["sessie", "-spoed", "ingediend_op", "id"], name="aanmelding_sessie_volgorde"),
        ]

    def __str__(self) -> str:
        return f"Aanmelding {self.pk}"

    @property
    def status_label(self) -> str:
        return AanmeldingStatus(self.status).label

    @property
    def thema_label(self) -> str:
        """``get_thema_display()`` at a tenth of the cost (it hashes every lazy label on each call): lists call it
        per row. A draft may have no theme yet."""
        return Thema(self.thema).label if self.thema else ""

    @property
    def leefgebieden_display(self) -> str:
        return leefgebieden_labels(self.leefgebieden)

    @property
    def grondslag_label(self) -> str:
        return grondslag_label(self.grondslag) if self.grondslag else ""

    @property
    def hoofdpersoon(self):
        return next((b for b in self.personen() if b.relatie == Relatie.HOOFDPERSOON), None)

    def personen(self) -> list["AanmeldingBetrokkene"]:
        """The betrokkenen: the plain list a list page prefetched (``selectors.personen()``) or ``betrokkenen.all()``.

        A plain list because Django gives every aanmelding its own filtered queryset for an ordinary prefetch,
        which cost more than the query itself on a page of 25 to 50 aanmeldingen."""
        gelezen = self.__dict__.get("betrokkenen_gelezen")
        return gelezen if gelezen is not None else list(self.betrokkenen.all())


class Aanvulling(models.Model):
    """Screening: the ZVH asks the melder a question before weging; the answer sends it back to screening."""

    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, related_name="aanvullingen")
    vraag = models.TextField(_("vraag aan de melder"))
    gevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gevraagd_op = models.DateTimeField(_("gevraagd op"))
    antwoord = models.TextField(_("antwoord of aanvulling"), blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanvulling")
        verbose_name_plural = _("aanvullingen")
        ordering = ["gevraagd_op", "pk"]

    def __str__(self) -> str:
        return f"Aanvulling {self.pk} bij aanmelding {self.aanmelding_id}"


class AanmeldingBetrokkene(models.Model):
    """A person as the melder typed them in. Linked to a Persoon when the aanmelding is submitted."""

    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, related_name="betrokkenen")
    relatie = models.CharField(_("relatie tot de hoofdpersoon"), max_length=16, choices=Relatie.choices)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    voornamen = models.CharField(_("voornamen"), max_length=200, blank=True)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200, blank=True)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=Geslacht.choices, blank=True)
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    brp_gemeente = models.CharField(_("BRP-gemeente"), max_length=100, blank=True)
    persoon = models.ForeignKey("persons.Persoon", on_delete=models.PROTECT, related_name="+", null=True, blank=True)

    class Meta:
        verbose_name = _("betrokkene bij aanmelding")
        verbose_name_plural = _("betrokkenen bij aanmelding")
        ordering = ["pk"]
        # A person's aanmeldingen from the index alone (the access layer's probe per person).
        indexes = [models.Index(fields=["persoon", "aanmelding"], name="aanmbetrokkene_persoon")]

    def __str__(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    @property
    def volledige_naam(self) -> str:
        return str(self)


class TriageBord(models.Model):
    naam = models.CharField(_("naam"), max_length=200)
    soort = models.CharField(_("soort"), max_length=16, choices=BordSoort.choices, unique=True)
    frequentie = models.CharField(_("frequentie"), max_length=50)
    team = models.ForeignKey(
        "access.Team",
        verbose_name=_("alleen voor leden van"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("triagebord")
        verbose_name_plural = _("triageborden")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class TriageSessie(models.Model):
    bord = models.ForeignKey(TriageBord, on_delete=models.PROTECT, related_name="sessies")
    datum = models.DateField(_("datum"))

    class Meta:
        verbose_name = _("triagemoment")
        verbose_name_plural = _("triagemomenten")
        ordering = ["-datum"]
        constraints = [models.UniqueConstraint(fields=["bord", "datum"], name="sessie_bord_datum")]

    def __str__(self) -> str:
        return f"{self.bord} {self.datum:%d-%m-%Y}"


class Weging(models.Model):
    """The triage decision on one aanmelding: the four national criteria, the outcome and why."""

    aanmelding = models.OneToOneField(Aanmelding, on_delete=models.PROTECT, related_name="weging")
    sessie = models.ForeignKey(TriageSessie, on_delete=models.PROTECT, related_name="wegingen")
    criterium_1 = models.BooleanField(_("criterium 1"), default=False)
    criterium_2 = models.BooleanField(_("criterium 2"), default=False)
    criterium_3 = models.BooleanField(_("criterium 3"), default=False)
    criterium_4 = models.BooleanField(_("criterium 4"), default=False)
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=Uitkomst.choices)
    doorgeleid_naar = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("doorgeleid naar"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    motivering = models.TextField(_("motivering"))
    afwijking_reden = models.TextField(_("reden om af te wijken van de criteria"), blank=True)
    besloten_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    besloten_op = models.DateTimeField(_("besloten op"))
    melder_gemaild_op = models.DateTimeField(_("melder gemaild op"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("weging")
        verbose_name_plural = _("wegingen")
        indexes = [models.Index(fields=["besloten_op"], name="weging_besloten_op")]

    def __str__(self) -> str:
        return f"Weging {self.aanmelding_id}: {self.get_uitkomst_display()}"

    @property
    def uitkomst_label(self) -> str:
        """``get_uitkomst_display()`` without hashing every lazy label on each call (lists show it per row)."""
        return Uitkomst(self.uitkomst).label

    @property
    def voldoet_aan_criteria(self) -> bool:
        return self.criterium_1 and self.criterium_2 and (self.criterium_3 or self.criterium_4)


class Advies(models.Model):
    """Advice on request: registered in under a minute. No BSN; a name only if it concerns a person."""

    datum = models.DateField(_("datum"))
    organisatie = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("vragende organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    # Empty for unsolicited advice (aanleiding "ongevraagd"): nobody asked. Required for asked advice (services).
    vrager = models.CharField(
        _("vraagsteller"), max_length=200, blank=True, help_text=_("Naam van de professional die om advies vroeg.")
    )
    thema = models.CharField(_("thema"), max_length=32, choices=Thema.choices)
    vraag = models.TextField(_("vraag (kort)"))
    advies = models.TextField(_("advies (kort)"))
    tijd_minuten = models.PositiveIntegerField(_("bestede tijd (minuten)"))
    vervolg = models.CharField(_("vervolg"), max_length=16, choices=Vervolg.choices, default=Vervolg.GEEN)
    # Mensenhandel records advice given unasked too (jaarplan: "advies gevraagd en ongevraagd").
    aanleiding = models.CharField(
        _("gevraagd of ongevraagd"), max_length=12, choices=AdviesAanleiding.choices, default=AdviesAanleiding.GEVRAAGD
    )
    betreft_persoon = models.CharField(
        _("betreft persoon (naam)"),
        max_length=200,
        blank=True,
        help_text=_("Alleen invullen als het advies over een persoon gaat. Geen BSN."),
    )
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("advies op verzoek")
        verbose_name_plural = _("adviezen op verzoek")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["datum"], name="advies_datum")]

    def __str__(self) -> str:
        return f"Advies {self.datum:%d-%m-%Y} {self.organisatie}"
