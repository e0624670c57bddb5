"""The jaarplan as data (ontwikkellijnen → thema's → activiteiten), manual realisation per quarter, and reports.

Nothing here holds personal data: activities are targets, realisations are aggregate numbers and explanations.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import EENHEDEN, KWARTALEN, ReportStatus, Soort, Spreiding

KWARTAAL_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


class Jaarplan(models.Model):
    jaar = models.PositiveSmallIntegerField(
        _("jaar"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    titel = models.CharField(_("titel"), max_length=200)
    vastgesteld_op = models.DateField(_("vastgesteld op"), null=True, blank=True)
    gekopieerd_van = models.ForeignKey(
        "self", verbose_name=_("gekopieerd van"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("jaarplan")
        verbose_name_plural = _("jaarplannen")
        ordering = ["-jaar"]

    def __str__(self) -> str:
        return self.titel


class Ontwikkellijn(models.Model):
    jaarplan = models.ForeignKey(Jaarplan, on_delete=models.CASCADE, related_name="ontwikkellijnen")
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    titel = models.CharField(_("titel"), max_length=200)

    class Meta:
        verbose_name = _("ontwikkellijn")
        verbose_name_plural = _("ontwikkellijnen")
        ordering = ["jaarplan", "nummer"]
        constraints = [models.UniqueConstraint(fields=["jaarplan", "nummer"], name="ontwikkellijn_uniek_nummer")]

    def __str__(self) -> str:
        return f"{self.nummer}. {self.titel}"


class Thema(models.Model):
    ontwikkellijn = models.ForeignKey(Ontwikkellijn, on_delete=models.CASCADE, related_name="themas")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    titel = models.CharField(_("titel"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["ontwikkellijn", "volgorde"]
        constraints = [models.UniqueConstraint(fields=["ontwikkellijn", "volgorde"], name="thema_uniek_volgorde")]

    def __str__(self) -> str:
        return self.titel


class Activiteit(models.Model):
    """One row of an activity table: an indicator with its prognose and where its realisation comes from.

    The three columns of the jaarplan (prognose this year, prognose previous year, resultaat two years back) are
    kept as a number where the document gives one, and as the document's own words where it does not ("Meerdere
    per dag", "Voorbereiding", "n.v.t.") or where the words add something ("60 professionals getraind").
    """

    thema = models.ForeignKey(Thema, on_delete=models.CASCADE, related_name="activiteiten")
    volgorde = models.PositiveSmallIntegerField(_("volgorde"))
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    soort = models.CharField(_("soort"), max_length=16, choices=Soort.choices)
    spreiding = models.CharField(
        _("spreiding"),
        max_length=12,
        choices=Spreiding.choices,
        default=Spreiding.PRO_RATA,
        help_text=_("Naar rato: na elk kwartaal wordt een kwart van de prognose verwacht. Eenmalig: pas in Q4."),
    )
    prognose = models.DecimalField(_("prognose"), max_digits=9, decimal_places=1, null=True, blank=True)
    prognose_tekst = models.CharField(_("prognose (tekst)"), max_length=200, blank=True)
    mijlpaal_kwartaal = models.PositiveSmallIntegerField(
        _("gepland in kwartaal"), choices=KWARTALEN, null=True, blank=True, validators=KWARTAAL_VALIDATORS
    )
    prognose_vorig_jaar = models.DecimalField(
        _("prognose vorig jaar"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    prognose_vorig_jaar_tekst = models.CharField(_("prognose vorig jaar (tekst)"), max_length=200, blank=True)
    resultaat_eerder = models.DecimalField(
        _("resultaat twee jaar eerder"), max_digits=9, decimal_places=1, null=True, blank=True
    )
    resultaat_eerder_tekst = models.CharField(_("resultaat twee jaar eerder (tekst)"), max_length=200, blank=True)
    metric_key = models.CharField(
        _("meting"),
        max_length=100,
        blank=True,
        help_text=_("Naam van een geregistreerde meting. Leeg: de realisatie wordt per kwartaal ingevoerd."),
    )
    metric_params = models.JSONField(_("parameters van de meting"), default=dict, blank=True)
    bron_opmerking = models.TextField(
        _("opmerking bij de bron"), blank=True, help_text=_("Hoe de tekst van het jaarplan is gelezen.")
    )

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["thema", "volgorde"]
        constraints = [models.UniqueConstraint(fields=["thema", "volgorde"], name="activiteit_uniek_volgorde")]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def eenheid(self) -> str:
        return str(EENHEDEN.get(self.soort, ""))


class Realisatie(models.Model):
    """Manual realisation of one activity in one quarter, with an explanation. Audited (django-auditlog).

    For activities measured from the registration only the explanation is used; the value is ignored.
    """

    activiteit = models.ForeignKey(Activiteit, on_delete=models.CASCADE, related_name="realisaties")
    kwartaal = models.PositiveSmallIntegerField(_("kwartaal"), choices=KWARTALEN, validators=KWARTAAL_VALIDATORS)
    waarde = models.DecimalField(_("waarde"), max_digits=9, decimal_places=1, null=True, blank=True)
    gereed = models.BooleanField(_("mijlpaal gereed in dit kwartaal"), default=False)
    toelichting = models.TextField(_("toelichting"), blank=True)
    ingevoerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ingevoerd door"), on_delete=models.PROTECT, related_name="+"
    )
    bijgewerkt_op = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        verbose_name = _("realisatie")
        verbose_name_plural = _("realisaties")
        ordering = ["activiteit", "kwartaal"]
        constraints = [
            models.UniqueConstraint(fields=["activiteit", "kwartaal"], name="realisatie_uniek_kwartaal"),
            models.CheckConstraint(condition=models.Q(kwartaal__gte=1, kwartaal__lte=4), name="realisatie_kwartaal"),
        ]

    def __str__(self) -> str:
        return f"{self.activiteit} — Q{self.kwartaal}"


def report_upload_to(instance: "Report", filename: str) -> str:
    # Deterministic per request: a re-delivered task overwrites, never adds a second file.
    return f"rapportages/jaarplan-{instance.jaarplan.jaar}-k{instance.kwartaal}-{instance.pk}.pdf"


class Report(models.Model):
    """One request for a quarterly report, and its outcome. The PDF is served only through a checked view."""

    jaarplan = models.ForeignKey(Jaarplan, verbose_name=_("jaarplan"), on_delete=models.PROTECT, related_name="+")
    kwartaal = models.PositiveSmallIntegerField(_("kwartaal"), choices=KWARTALEN, validators=KWARTAAL_VALIDATORS)
    status = models.CharField(_("status"), max_length=8, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    task_id = models.CharField(_("taak-id"), max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opgevraagd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg: automatisch samengesteld na afloop van het kwartaal."),
    )
    automatic = models.BooleanField(_("automatisch"), default=False)
    created_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    # When the compilation was last put in the queue (the request, or the sweeper after a lost job).
    queued_at = models.DateTimeField(_("in de wachtrij gezet op"), default=timezone.now)
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    file = models.FileField(_("bestand"), upload_to=report_upload_to, blank=True)
    page_count = models.PositiveIntegerField(_("aantal pagina's"), null=True, blank=True)
    error = models.TextField(_("foutmelding"), blank=True)

    class Meta:
        verbose_name = _("kwartaalrapportage")
        verbose_name_plural = _("kwartaalrapportages")
        ordering = ["-created_at", "-id"]
        constraints = [
            # Celery beat makes at most one automatic report per jaarplan and quarter.
            models.UniqueConstraint(
                fields=["jaarplan", "kwartaal"], condition=models.Q(automatic=True), name="report_een_automatisch"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jaarplan} — Q{self.kwartaal} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ReportStatus.DONE, ReportStatus.FAILED)

    @property
    def filename(self) -> str:
        return f"kwartaalrapportage-jaarplan-{self.jaarplan.jaar}-Q{self.kwartaal}.pdf"


class Meetwaarde(models.Model):
    """A registered metric's value for one period, as last computed: the dashboard and the CSV read these instead of
    counting the registration on every request (reporting.figures.StoredMetricReader). Aggregates only: a number, or
    for a breakdown ``{label: number}`` with labels of organisations, gemeenten or code-list values.

    A value older than REPORTING_FIGURES_MAX_AGE is still shown, and a task computes it again; the quarterly PDF
    always computes afresh and writes its values here too.
    """

    metric = models.CharField(_("meting"), max_length=100)
    params = models.CharField(_("parameters"), max_length=500, blank=True)  # canonical JSON, sorted keys
    start = models.DateTimeField(_("begin"))
    end = models.DateTimeField(_("einde"))
    waarde = models.JSONField(_("waarde"))
    berekend_op = models.DateTimeField(_("berekend op"))

    class Meta:
        verbose_name = _("meetwaarde")
        verbose_name_plural = _("meetwaarden")
        constraints = [
            models.UniqueConstraint(fields=["metric", "params", "start", "end"], name="meetwaarde_uniek_per_periode")
        ]
        indexes = [models.Index(fields=["start", "end"], name="meetwaarde_periode")]

    def __str__(self) -> str:
        return f"{self.metric} {self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"
