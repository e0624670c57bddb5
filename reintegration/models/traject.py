"""A detentiemelding and the re-integratie traject around one detention, with its basisvoorwaarden."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import (
    OPEN_VOORWAARDE,
    SETTLED_VOORWAARDE,
    Bron,
    Toestemming,
    TrajectStatus,
    VoorwaardeSoort,
    VoorwaardeStatus,
)


class Traject(models.Model):
    """One detention of one person: the melding from DJI (or entered by hand) and the work around release."""

    persoon = models.ForeignKey(
        "persons.Persoon", verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="reintegratie_trajecten"
    )
    gemeente = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="reintegratie_trajecten",
        help_text=_("De gemeente waar de persoon woont (BRP)."),
    )
    gemeld_op = models.DateField(
        _("datum melding"), default=timezone.localdate, help_text=_("Vanaf deze dag loopt de coördinatie.")
    )
    begin_detentie = models.DateField(_("begin detentie"))
    verwachte_vrijlating = models.DateField(_("verwachte vrijlating"))
    werkelijke_vrijlating = models.DateField(_("werkelijke vrijlating"), null=True, blank=True)
    zelfde_dag = models.BooleanField(
        _("vrijgelaten op de dag van de melding"),
        default=False,
        help_text=_("De melding kwam pas op de dag van vrijlating: geen voorbereiding mogelijk."),
    )
    inrichting = models.CharField(_("penitentiaire inrichting"), max_length=200)
    dji_casemanager = models.CharField(_("casemanager DJI"), max_length=200, blank=True)
    dji_contact = models.CharField(_("contact casemanager DJI"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=TrajectStatus.choices, default=TrajectStatus.GEMELD, db_index=True
    )
    casus = models.ForeignKey(
        "cases.Casus",
        verbose_name=_("casus"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reintegratie_trajecten",
    )
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    bron = models.CharField(_("bron"), max_length=16, choices=Bron.choices, default=Bron.HANDMATIG)
    aangemaakt_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("re-integratietraject")
        verbose_name_plural = _("re-integratietrajecten")
        ordering = ["verwachte_vrijlating", "pk"]
        constraints = [
            # One traject per detention: what makes a re-import add nothing.
            models.UniqueConstraint(fields=["persoon", "begin_detentie"], name="traject_een_per_detentie"),
            models.CheckConstraint(
                condition=Q(verwachte_vrijlating__gte=models.F("begin_detentie")),
                name="traject_vrijlating_na_begin",
            ),
        ]
        indexes = [
            models.Index(fields=["gemeente", "status"], name="traject_gemeente_status"),
            models.Index(fields=["gemeld_op", "afgerond_op"], name="traject_looptijd"),
        ]

    def __str__(self) -> str:
        return f"{_('Traject')} {self.pk}"

    @property
    def status_label(self) -> str:
        return TrajectStatus(self.status).label


class TrajectStap(models.Model):
    """A status change: who, when, why (append-only in practice: services only add rows)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="stappen")
    van = models.CharField(_("van"), max_length=16, choices=TrajectStatus.choices, blank=True)
    naar = models.CharField(_("naar"), max_length=16, choices=TrajectStatus.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(_("op"), auto_now_add=True)
    reden = models.TextField(_("reden"), blank=True)

    class Meta:
        verbose_name = _("statuswijziging")
        verbose_name_plural = _("statuswijzigingen")
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return f"{self.van or '-'} → {self.naar}"


class Basisvoorwaarde(models.Model):
    """One line of the checklist. A partner sees it only while the person's consent for it holds."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="voorwaarden")
    soort = models.CharField(_("voorwaarde"), max_length=24, choices=VoorwaardeSoort.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=VoorwaardeStatus.choices, default=VoorwaardeStatus.ONBEKEND
    )
    organisatie = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("uitvoerende organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reintegratie_voorwaarden",
    )
    notitie = models.CharField(_("korte notitie"), max_length=300, blank=True)
    toestemming = models.CharField(
        _("toestemming"), max_length=12, choices=Toestemming.choices, default=Toestemming.ONBEKEND
    )
    toestemming_datum = models.DateField(_("datum toestemming"), null=True, blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("basisvoorwaarde")
        verbose_name_plural = _("basisvoorwaarden")
        constraints = [models.UniqueConstraint(fields=["traject", "soort"], name="voorwaarde_een_per_soort")]
        # The signals ask "has this traject an open voorwaarde / an onderdak not settled?" (reintegration.selectors.
        # signals) for every active traject at once: PostgreSQL hashes the answer from these small indexes instead of
        # reading the whole checklist table twice per query.
        indexes = [
            models.Index(fields=["traject"], condition=Q(status__in=OPEN_VOORWAARDE), name="voorwaarde_open"),
            models.Index(
                fields=["traject"],
                condition=Q(soort=VoorwaardeSoort.ONDERDAK) & ~Q(status__in=SETTLED_VOORWAARDE),
                name="voorwaarde_onderdak_open",
            ),
        ]

    def __str__(self) -> str:
        return str(VoorwaardeSoort(self.soort).label)

    @property
    def toestemming_geldt(self) -> bool:
        return self.toestemming == Toestemming.GEGEVEN

    @property
    def is_open(self) -> bool:
        from ..choices import OPEN_VOORWAARDE

        return self.status in OPEN_VOORWAARDE


class TrajectToegang(models.Model):
    """Access for a partner organisation to one traject (e.g. reclassering), with a purpose and validity."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="toegangen")
    organisatie = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    doel = models.CharField(_("doel"), max_length=300)
    geldig_van = models.DateTimeField(_("geldig van"))
    geldig_tot = models.DateTimeField(_("geldig tot"), null=True, blank=True)
    verleend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("toegang tot traject")
        verbose_name_plural = _("toegangen tot trajecten")
        indexes = [models.Index(fields=["traject", "organisatie"], name="trajecttoegang_org")]

    def __str__(self) -> str:
        return str(self.organisatie)


class SignaalMail(models.Model):
    """That the daily signal e-mail went to a user on a day: makes the beat task idempotent."""

    ontvanger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    datum = models.DateField()
    verzonden_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ontvanger", "datum"], name="signaalmail_een_per_dag")]

    def __str__(self) -> str:
        return f"{self.ontvanger_id} {self.datum}"
