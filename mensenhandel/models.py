"""Mensenhandel zorgcoördinatie: signalen, the care trajectory per victim, its procedures, and the shelter address.

The shelter address lives in its own table (:class:`Opvangadres`) so that no list, select_related, search, export,
print or e-mail can reach it by accident: only ``services.opvangadres_reveal`` reads it, and that is logged.
"""

import calendar
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from zvh.persons.models import Persoon

from .choices import (
    BEDENKTIJD_MAANDEN,
    BEDENKTIJD_SIGNAAL_DAGEN,
    OPEN_STATUSES,
    OpvangSoort,
    ProcedureSoort,
    ProcedureStatus,
    SignaalUitkomst,
    SignalerendeOrganisatie,
    TrajectStatus,
    VormUitbuiting,
)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Signaal(models.Model):
    """A signal of possible human trafficking from a signalling organisation. The person is optional."""

    ontvangen_op = models.DateField(_("ontvangen op"))
    signalerende_organisatie = models.CharField(
        _("signalerende organisatie"), max_length=20, choices=SignalerendeOrganisatie.choices
    )
    vorm = models.CharField(_("vorm van uitbuiting"), max_length=16, choices=VormUitbuiting.choices)
    minderjarig = models.BooleanField(_("minderjarig"), default=False)
    nationaliteit = models.CharField(_("nationaliteit"), max_length=100, blank=True)
    gemeente = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    persoon = models.ForeignKey(
        Persoon,
        verbose_name=_("persoon"),
        on_delete=models.PROTECT,
        related_name="mensenhandel_signalen",
        null=True,
        blank=True,
    )
    uitkomst = models.CharField(_("uitkomst"), max_length=20, choices=SignaalUitkomst.choices, blank=True)
    uitkomst_reden = models.TextField(_("reden van de uitkomst"), blank=True)
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("signaal mensenhandel")
        verbose_name_plural = _("signalen mensenhandel")
        ordering = ["-ontvangen_op", "-pk"]
        indexes = [models.Index(fields=["ontvangen_op"], name="mh_signaal_ontvangen")]

    def __str__(self) -> str:
        return f"Signaal {self.pk} ({self.ontvangen_op:%d-%m-%Y})"

    def clean(self) -> None:
        if self.uitkomst and not (self.uitkomst_reden or "").strip():
            raise ValidationError({"uitkomst_reden": _("Geef de reden van de uitkomst.")})


class Traject(models.Model):
    """Zorgcoördinatie for one victim. The linked case (thema mensenhandel) carries grants and casusoverleg."""

    persoon = models.ForeignKey(
        Persoon, verbose_name=_("slachtoffer"), on_delete=models.PROTECT, related_name="mensenhandel_trajecten"
    )
    signaal = models.OneToOneField(
        Signaal, verbose_name=_("signaal"), on_delete=models.PROTECT, related_name="traject", null=True, blank=True
    )
    casus = models.OneToOneField(
        "cases.Casus", verbose_name=_("casus"), on_delete=models.PROTECT, related_name="mensenhandel_traject"
    )
    zorgcoordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("zorgcoördinator"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("status"), max_length=16, choices=TrajectStatus.choices, default=TrajectStatus.ACTIEF)
    opvang_soort = models.CharField(
        _("soort opvang"), max_length=20, choices=OpvangSoort.choices, default=OpvangSoort.GEEN
    )
    gestart_op = models.DateField(_("gestart op"))
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("zorgcoördinatietraject")
        verbose_name_plural = _("zorgcoördinatietrajecten")
        ordering = ["-gestart_op", "-pk"]

    def __str__(self) -> str:
        return f"Traject {self.pk}"


class Opvangadres(models.Model):
    """The shelter address, shielded: shown only on request with a reason (logged as REVEAL)."""

    traject = models.OneToOneField(Traject, on_delete=models.CASCADE, related_name="+", primary_key=True)
    adres = models.CharField(_("opvangadres"), max_length=300)
    gewijzigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("opvangadres")
        verbose_name_plural = _("opvangadressen")

    def __str__(self) -> str:
        return str(_("Opvangadres (afgeschermd)"))


class Procedure(models.Model):
    """One procedure a victim depends on, one row per kind per trajectory."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="procedures")
    soort = models.CharField(_("procedure"), max_length=20, choices=ProcedureSoort.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=ProcedureStatus.choices, default=ProcedureStatus.NIET_GESTART
    )
    datum = models.DateField(_("datum"), null=True, blank=True, help_text=_("Bij de bedenktijd: de startdatum."))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True, help_text=_("Alleen bij de bedenktijd."))
    referentie = models.CharField(
        _("referentie"), max_length=40, blank=True, help_text=_("Alleen bij de CoMensha-melding: het kenmerk.")
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")
        ordering = ["traject", "pk"]
        constraints = [models.UniqueConstraint(fields=["traject", "soort"], name="mh_procedure_uniek")]
        indexes = [models.Index(fields=["soort", "einddatum"], name="mh_procedure_einde")]

    def __str__(self) -> str:
        return str(ProcedureSoort(self.soort).label)

    @property
    def soort_label(self) -> str:
        return ProcedureSoort(self.soort).label

    @property
    def status_label(self) -> str:
        return ProcedureStatus(self.status).label

    def clean(self) -> None:
        if self.soort == ProcedureSoort.BEDENKTIJD:
            self._clean_bedenktijd()
        elif self.einddatum:
            raise ValidationError({"einddatum": _("Een einddatum hoort alleen bij de bedenktijd.")})
        if self.referentie and self.soort != ProcedureSoort.COMENSHA:
            raise ValidationError({"referentie": _("Een referentie hoort alleen bij de CoMensha-melding.")})
        if self.status != ProcedureStatus.NIET_GESTART and self.status != ProcedureStatus.NVT and not self.datum:
            raise ValidationError({"datum": _("Vul de datum in.")})

    def _clean_bedenktijd(self) -> None:
        if self.einddatum and not self.datum:
            raise ValidationError({"datum": _("Vul de startdatum van de bedenktijd in.")})
        if self.datum and self.einddatum:
            if self.einddatum <= self.datum:
                raise ValidationError({"einddatum": _("De bedenktijd eindigt na de startdatum.")})
            if self.einddatum > add_months(self.datum, BEDENKTIJD_MAANDEN):
                raise ValidationError({"einddatum": _("De bedenktijd duurt ten hoogste drie maanden.")})

    def bedenktijd_signaal(self, today: date) -> bool:
        """Flagged from 14 days before the end of a running bedenktijd (and after it, while still open)."""
        return (
            self.soort == ProcedureSoort.BEDENKTIJD
            and self.status in OPEN_STATUSES
            and self.einddatum is not None
            and self.einddatum - today <= timedelta(days=BEDENKTIJD_SIGNAAL_DAGEN)
        )


class AdresInzage(models.Model):
    """Why someone asked to see a shelter address (the access log holds the REVEAL itself)."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="+")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reden = models.TextField(_("reden"))
    op = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("inzage opvangadres")
        verbose_name_plural = _("inzagen opvangadres")
        ordering = ["-op"]

    def __str__(self) -> str:
        return f"Inzage opvangadres traject {self.traject_id}"
