from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

CODE_VALIDATOR = RegexValidator(r"^[a-z0-9_]+$", _("Alleen kleine letters, cijfers en liggende streepjes."))


class Grondslag(models.Model):
    """A legal basis a case or aanmelding can rest on. The FG maintains the list; the code never changes, so every
    aanmelding and case that refers to it keeps working when the name or the explanation is improved."""

    code = models.CharField(_("code"), max_length=32, unique=True, validators=[CODE_VALIDATOR])
    naam = models.CharField(_("naam"), max_length=200, unique=True)
    toelichting = models.TextField(_("toelichting"), help_text=_("Wanneer deze grondslag van toepassing is."))
    actief = models.BooleanField(
        _("in gebruik"), default=True, help_text=_("Niet meer in gebruik: niet te kiezen bij nieuwe aanmeldingen.")
    )
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    gewijzigd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("grondslag")
        verbose_name_plural = _("grondslagen")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam


def validate_grondslag(code: str) -> None:
    """A stored grondslag refers to a row of the FG's list (active or not: old dossiers keep theirs)."""
    if code and not Grondslag.objects.filter(code=code).exists():
        raise ValidationError(_("Kies een grondslag uit de lijst."), code="onbekende_grondslag")


def grondslag_label(code: str) -> str:
    return Grondslag.objects.filter(code=code).values_list("naam", flat=True).first() or code
