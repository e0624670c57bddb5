import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import Geslacht

postcode_validator = RegexValidator(
    r"^[1-9][0-9]{3} [A-Z]{2}$", _("Vul de postcode in als 1234 AB (vier cijfers, spatie, twee hoofdletters).")
)


def validate_bsn(value: str) -> None:
    """The BSN 11-proof: 9 digits, sum(d_i * w_i) with weights 9..2 and -1 is divisible by 11."""
    if not re.fullmatch(r"[0-9]{9}", value or ""):
        raise ValidationError(_("Een BSN bestaat uit precies 9 cijfers."), code="bsn_format")
    digits = [int(c) for c in value]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    if total % 11 != 0 or value == "000000000":
        raise ValidationError(_("Dit is geen geldig BSN (de elfproef klopt niet)."), code="bsn_elfproef")


def normalise_name(*parts: str) -> str:
    """Lowercase, accents removed, single spaces: what search compares on."""
    text = " ".join(p for p in parts if p)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", text.lower()).strip()


class Persoon(models.Model):
    bsn = models.CharField(_("BSN"), max_length=9, null=True, blank=True, validators=[validate_bsn])
    voornamen = models.CharField(_("voornamen"), max_length=200)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=Geslacht.choices, blank=True)
    straat = models.CharField(_("straat"), max_length=200, blank=True)
    huisnummer = models.CharField(_("huisnummer"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True, validators=[postcode_validator])
    woonplaats = models.CharField(_("woonplaats"), max_length=100, blank=True)
    brp_gemeente = models.CharField(_("BRP-gemeente"), max_length=100, blank=True)
    zoeknaam = models.CharField(max_length=400, editable=False, db_index=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        # Moved from the cases app without touching the table (migration persons/0001).
        db_table = "cases_persoon"
        ordering = ["achternaam", "voornamen"]
        constraints = [
            models.UniqueConstraint(fields=["bsn"], condition=Q(bsn__isnull=False), name="persoon_bsn_uniek"),
        ]
        indexes = [models.Index(fields=["achternaam", "geboortedatum"], name="persoon_naam_geboorte")]

    def __str__(self) -> str:
        return self.volledige_naam

    def save(self, *args, **kwargs):
        # Derived search key, kept in step with the name fields (not a business rule).
        self.zoeknaam = normalise_name(self.voornamen, self.tussenvoegsel, self.achternaam)
        if self.bsn == "":
            self.bsn = None
        super().save(*args, **kwargs)

    @property
    def volledige_naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)
