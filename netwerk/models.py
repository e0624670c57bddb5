"""The activities register: what the ZVH organised or attended to share knowledge, and whom it reached.

No personal data: participants are counted per organisation. A person who took part twice in a year (two sessions
of the same training) is counted once: each participation records how many of its participants were already
counted this year (``eerder_geteld``), so the jaarplan's person targets add only new persons.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import Maat, Soort, Training


class Netwerkactiviteit(models.Model):
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    training = models.CharField(
        _("training"), max_length=20, choices=Training.choices, blank=True, help_text=_("Alleen bij een training.")
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    omschrijving = models.TextField(_("omschrijving"), blank=True, max_length=2000)
    geregistreerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geregistreerd_op = models.DateTimeField(_("geregistreerd op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("netwerkactiviteit")
        verbose_name_plural = _("netwerkactiviteiten")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["soort", "datum"], name="netwerkactiviteit_soort_datum")]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(soort="training") & ~models.Q(training=""))
                | (~models.Q(soort="training") & models.Q(training="")),
                name="netwerkactiviteit_training_bij_soort",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}: {self.onderwerp}"


class Deelname(models.Model):
    """Participants of one organisation in one activity, with the measure and how many were new this year."""

    activiteit = models.ForeignKey(Netwerkactiviteit, on_delete=models.CASCADE, related_name="deelnames")
    organisatie = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    maat = models.CharField(_("maat"), max_length=10, choices=Maat.choices)
    aantal = models.PositiveIntegerField(_("aantal"), validators=[MinValueValidator(1), MaxValueValidator(10000)])
    eerder_geteld = models.PositiveIntegerField(
        _("waarvan dit jaar al eerder geteld"),
        default=0,
        validators=[MaxValueValidator(10000)],
        help_text=_("Deelnemers die dit jaar al aan dezelfde training of hetzelfde soort activiteit deelnamen."),
    )

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        ordering = ["activiteit", "organisatie__name", "maat"]
        constraints = [
            models.UniqueConstraint(fields=["activiteit", "organisatie", "maat"], name="deelname_uniek"),
            models.CheckConstraint(condition=models.Q(eerder_geteld__lte=models.F("aantal")), name="deelname_eerder"),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie}: {self.aantal} {self.get_maat_display()}"

    @property
    def nieuw(self) -> int:
        return self.aantal - self.eerder_geteld
