"""A contextverzoek: a ZSM partner asks, the same day, whether a suspect is known at the ZVH.

The requester's own words about the suspect are kept on the request (what they typed, never the register's data);
the link to the person register is for the ZVH only (``zsm.access``: the requester never sees the person).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import MAX_CONTEXT, ZsmPartner


def age_on(born, day) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class Contextverzoek(models.Model):
    partner = models.CharField(_("ZSM-partner"), max_length=16, choices=ZsmPartner.choices)
    partner_organisatie = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("verzoekende organisatie"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Aan haar gaat het antwoord; zij staat als ontvanger in de toegangsregistratie."),
    )
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ingevoerd door"), on_delete=models.PROTECT, related_name="+"
    )
    kenmerk = models.CharField(_("kenmerk van ZSM"), max_length=50, blank=True)
    vraag = models.TextField(_("waarvoor is de context nodig"), blank=True)
    # The suspect as the requester named them.
    voornamen = models.CharField(_("voornamen"), max_length=200)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True)
    minderjarig = models.BooleanField(_("minderjarig"))
    persoon = models.ForeignKey(
        "persons.Persoon",
        verbose_name=_("persoon in het register"),
        on_delete=models.PROTECT,
        related_name="zsm_contextverzoeken",
        null=True,
        blank=True,
    )
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"))
    # The answer: None while open.
    bekend = models.BooleanField(_("bekend bij het ZVH"), null=True, blank=True)
    context = models.TextField(_("context"), blank=True)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beantwoord door"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("contextverzoek")
        verbose_name_plural = _("contextverzoeken")
        ordering = ["-ontvangen_op", "-pk"]
        indexes = [
            models.Index(fields=["beantwoord_op", "deadline"], name="zsm_verzoek_open_deadline"),
            models.Index(fields=["partner_organisatie", "ontvangen_op"], name="zsm_verzoek_partner"),
            models.Index(fields=["ontvangen_op"], name="zsm_verzoek_ontvangen"),
        ]

    def __str__(self) -> str:
        return f"Contextverzoek {self.pk}"

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    @property
    def is_open(self) -> bool:
        return self.beantwoord_op is None

    @property
    def te_laat(self) -> bool:
        """Open past its deadline."""
        return self.is_open and timezone.now() > self.deadline

    @property
    def binnen_termijn(self) -> bool | None:
        return None if self.is_open else self.beantwoord_op <= self.deadline

    def clean(self) -> None:
        errors: dict[str, str] = {}
        received = timezone.localtime(self.ontvangen_op)
        if self.deadline:
            deadline = timezone.localtime(self.deadline)
            if deadline.date() != received.date():
                errors["deadline"] = _("De deadline valt op de dag van ontvangst.")
            elif deadline <= received:
                errors["deadline"] = _("De deadline ligt na het moment van ontvangst.")
        if self.geboortedatum:
            if self.geboortedatum > received.date():
                errors["geboortedatum"] = _("De geboortedatum ligt in de toekomst.")
            elif (age_on(self.geboortedatum, received.date()) < 18) != self.minderjarig:
                errors["minderjarig"] = _("Minderjarig of meerderjarig past niet bij de geboortedatum.")
        if self.is_open:
            if self.bekend is not None or self.context:
                errors["bekend"] = _("Een open verzoek heeft nog geen antwoord.")
        elif self.bekend is None:
            errors["bekend"] = _("Geef aan of de verdachte bekend is bij het ZVH.")
        elif self.bekend and not self.context.strip():
            errors["context"] = _("Geef de minimale context die ZSM mag ontvangen.")
        elif not self.bekend and self.context.strip():
            errors["context"] = _("Bij ‘niet bekend’ hoort geen context: laat het tekstvak leeg.")
        if len(self.context) > MAX_CONTEXT:
            errors["context"] = _("Houd de context kort: ten hoogste %(n)s tekens.") % {"n": MAX_CONTEXT}
        if errors:
            raise ValidationError(errors)
