"""Retention as data: a term per dossier type (set by the FG), legal holds, and the vernietigingsregister."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Wijze


class Bewaartermijn(models.Model):
    """The term of one dossier type (an AVG registry key such as "cases.casus", or a log: "log.toegang")."""

    soort = models.CharField(_("soort dossier"), max_length=64, unique=True)
    maanden = models.PositiveIntegerField(_("bewaartermijn (maanden)"))
    wijze = models.CharField(_("wijze"), max_length=16, choices=Wijze.choices, default=Wijze.VERNIETIGEN)
    verwerking = models.ForeignKey(
        "privacy.Verwerking",
        verbose_name=_("verwerking (art. 30)"),
        on_delete=models.PROTECT,
        related_name="bewaartermijnen",
        null=True,
        blank=True,
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("bewaartermijn")
        verbose_name_plural = _("bewaartermijnen")
        ordering = ["soort"]

    def __str__(self) -> str:
        return f"{self.soort}: {self.maanden} mnd"


class LegalHold(models.Model):
    """A dossier that must not be destroyed (e.g. a pending complaint or court case), with the reason."""

    soort = models.CharField(_("soort dossier"), max_length=64)
    dossier_id = models.BigIntegerField(_("dossier"))
    reden = models.TextField(_("reden"))
    geplaatst_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geplaatst_op = models.DateTimeField(_("geplaatst op"), auto_now_add=True)
    opgeheven_op = models.DateTimeField(_("opgeheven op"), null=True, blank=True)
    opgeheven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        verbose_name = _("bewaarplicht (legal hold)")
        verbose_name_plural = _("bewaarplichten (legal hold)")
        ordering = ["-geplaatst_op"]
        constraints = [
            models.UniqueConstraint(
                fields=["soort", "dossier_id"], condition=models.Q(opgeheven_op__isnull=True), name="legalhold_actief"
            )
        ]

    def __str__(self) -> str:
        return f"{self.soort} {self.dossier_id}"


class Vernietigingsregel(models.Model):
    """One row per run of the retention job and per dossier type: what went, without personal data."""

    run = models.UUIDField(_("run"))
    uitgevoerd_op = models.DateTimeField(_("uitgevoerd op"))
    soort = models.CharField(_("soort dossier"), max_length=64)
    wijze = models.CharField(_("wijze"), max_length=16, choices=Wijze.choices)
    maanden = models.PositiveIntegerField(_("toegepaste termijn (maanden)"))
    peildatum = models.DateTimeField(_("vernietigd wat vóór dit moment verliep"))
    dossiernummers = models.JSONField(_("dossiernummers"), default=list)
    aantal_dossiers = models.PositiveIntegerField(_("aantal dossiers"), default=0)
    aantal_personen = models.PositiveIntegerField(_("aantal verwijderde personen"), default=0)
    aantallen = models.JSONField(_("aantallen per gegevenssoort"), default=dict)
    # Dossiers the run could not handle (number and a reason without personal data); the next run tries again.
    aantal_mislukt = models.PositiveIntegerField(_("aantal mislukt"), default=0)
    mislukt = models.JSONField(_("mislukt (nummer en reden)"), default=list)
    uitgevoerd_door = models.CharField(_("uitgevoerd door"), max_length=150, default="automatisch")

    class Meta:
        verbose_name = _("vernietigingsregel")
        verbose_name_plural = _("vernietigingsregister")
        ordering = ["-uitgevoerd_op", "soort"]

    def __str__(self) -> str:
        return f"{self.uitgevoerd_op:%d-%m-%Y} {self.soort}: {self.aantal_dossiers}"


class GeanonimiseerdDossier(models.Model):
    """A dossier that was anonymised (its skeleton stays for the statistics): the job does not pick it again."""

    soort = models.CharField(max_length=64)
    dossier_id = models.BigIntegerField()
    op = models.DateTimeField()

    class Meta:
        verbose_name = _("geanonimiseerd dossier")
        verbose_name_plural = _("geanonimiseerde dossiers")
        constraints = [models.UniqueConstraint(fields=["soort", "dossier_id"], name="geanonimiseerd_uniek")]

    def __str__(self) -> str:
        return f"{self.soort} {self.dossier_id}"


class Pseudoniem(models.Model):
    """The anonymous stand-in (a Persoon without name, BSN or birth date) that the anonymised dossiers of one person
    point at, so that figures counting *distinct* persons (bij.personen, reintegratie.personen) stay the same.

    The row links the stand-in to the real person only while that person is still in the register (another dossier
    still holds them): a later anonymisation of the same person then reuses the stand-in. When the person is
    removed, this row goes with them (services.retention._remove_orphans) and nothing links the stand-in to anyone.
    Plain ids, no foreign keys: the row is no link to a person in the AVG registry sense and never blocks a delete.
    """

    persoon_id = models.BigIntegerField(unique=True)
    anoniem_id = models.BigIntegerField(unique=True)

    class Meta:
        verbose_name = _("pseudoniem")
        verbose_name_plural = _("pseudoniemen")

    def __str__(self) -> str:
        return f"pseudoniem {self.anoniem_id}"
