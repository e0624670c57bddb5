"""Personen met verward gedrag met een hoog veiligheidsrisico: the Ketenveldnorm levensloopaanpak.

One :class:`Dossier` per person and selection: the selectie-instrument (checklist and outcome), the decision of the
inclusietafel (levensloopaanbieder, gemeentelijke casusregisseur, levensloopplan) and, while the person is in the
approach, the periodic reviews of the levenslooptafel. Nothing ends a dossier by itself ("niet loslaten"): only an
explicit uitstroom decision with a reason does.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from zvh.persons.models import Persoon

from .choices import DossierStatus, Oorzaak, SelectieUitkomst, Titel, UitstroomReden


class Dossier(models.Model):
    persoon = models.ForeignKey(
        Persoon, verbose_name=_("persoon"), on_delete=models.PROTECT, related_name="levensloopdossiers"
    )
    aanmelding = models.ForeignKey(
        "triage.Aanmelding",
        verbose_name=_("aanmelding"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    casus = models.ForeignKey(
        "cases.Casus", verbose_name=_("casus"), on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    # Selectie-instrument
    meerderjarig = models.BooleanField(_("18 jaar of ouder"), default=False)
    gevaarlijk_gedrag = models.BooleanField(_("gevaarlijk gedrag"), default=False)
    oorzaken = models.JSONField(_("oorzaak van het gedrag"), default=list, blank=True)
    justitiecontacten = models.BooleanField(_("contacten met justitie"), default=False)
    langdurig_meervoudig = models.BooleanField(_("langdurige problemen op meerdere leefgebieden"), default=False)
    titel = models.CharField(_("juridische titel"), max_length=20, choices=Titel.choices, blank=True)
    titel_toelichting = models.TextField(_("toelichting op de titel"), blank=True)
    selectie_uitkomst = models.CharField(_("uitkomst selectie"), max_length=16, choices=SelectieUitkomst.choices)
    selectie_motivering = models.TextField(_("motivering selectie"))
    geselecteerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geselecteerd_op = models.DateField(_("selectie op"))
    # Inclusietafel
    status = models.CharField(_("status"), max_length=16, choices=DossierStatus.choices)
    besloten_op = models.DateField(_("besluit inclusietafel op"), null=True, blank=True)
    besluit_motivering = models.TextField(_("motivering besluit"), blank=True)
    levensloopaanbieder = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("levensloopaanbieder"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    casusregisseur_gemeente = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("gemeente van de casusregisseur"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    casusregisseur_naam = models.CharField(_("gemeentelijke casusregisseur"), max_length=200, blank=True)
    levensloopplan = models.TextField(_("levensloopplan"), blank=True)
    volgende_review = models.DateField(_("volgende review"), null=True, blank=True)
    # The first review date set at the inclusietafel: the monitor reconstructs what was due on any past day.
    eerste_review = models.DateField(_("eerste review"), null=True, blank=True)
    # Uitstroom: only by an explicit decision with a reason
    uitstroom_op = models.DateField(_("uitgestroomd op"), null=True, blank=True)
    uitstroom_reden = models.CharField(
        _("reden van uitstroom"), max_length=20, choices=UitstroomReden.choices, blank=True
    )
    uitstroom_toelichting = models.TextField(_("toelichting op de uitstroom"), blank=True)
    # The day the dossier ended (geen inclusie, niet opgenomen, uitgestroomd): the retention term counts from it.
    afgesloten_op = models.DateField(_("afgesloten op"), null=True, blank=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("levensloopdossier")
        verbose_name_plural = _("levensloopdossiers")
        ordering = ["-geselecteerd_op", "-pk"]
        indexes = [
            models.Index(fields=["status", "volgende_review"], name="levensloop_status_review"),
            models.Index(fields=["besloten_op"], name="levensloop_besloten"),
        ]

    def __str__(self) -> str:
        return f"Levensloopdossier {self.pk}"

    @property
    def status_label(self) -> str:
        return DossierStatus(self.status).label

    @property
    def oorzaken_display(self) -> str:
        return ", ".join(str(Oorzaak(v).label) for v in self.oorzaken if v in Oorzaak.values)

    def review_te_laat(self, today) -> bool:
        """Overdue: in the approach and the planned review date has passed."""
        return (
            self.status == DossierStatus.IN_AANPAK and self.volgende_review is not None and self.volgende_review < today
        )


class Review(models.Model):
    """A review at the levenslooptafel: when it was held, its conclusion and the next date."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="reviews")
    gehouden_op = models.DateField(_("gehouden op"))
    conclusie = models.TextField(_("conclusie"))
    volgende_review = models.DateField(_("volgende review"))
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("review levenslooptafel")
        verbose_name_plural = _("reviews levenslooptafel")
        ordering = ["-gehouden_op", "-pk"]
        indexes = [models.Index(fields=["gehouden_op"], name="levensloop_review_gehouden")]

    def __str__(self) -> str:
        return f"Review {self.gehouden_op:%d-%m-%Y}"
