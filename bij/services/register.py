"""The art. 18b Pbw register: every exchange of information, recorded by the BIJ team."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..choices import Gegevenscategorie, Partner18b
from ..models import Uitwisseling18b
from .melding import require_bij_team

FIELDS = (
    "richting",
    "partners",
    "reden",
    "gegevenscategorieen",
    "datum",
    "grondslag",
    "grondslag_toelichting",
    "melding",
    "casus",
)


@transaction.atomic
def uitwisseling_create(*, by, data: dict) -> Uitwisseling18b:
    require_bij_team(by)
    uitwisseling = Uitwisseling18b(**{k: v for k, v in data.items() if k in FIELDS}, geregistreerd_door=by)
    errors = {}
    if not uitwisseling.partners or set(uitwisseling.partners) - set(Partner18b.values):
        errors["partners"] = _("Kies de partner(s) met wie gegevens zijn uitgewisseld.")
    if not uitwisseling.gegevenscategorieen or set(uitwisseling.gegevenscategorieen) - set(Gegevenscategorie.values):
        errors["gegevenscategorieen"] = _("Kies welke categorieën gegevens zijn gedeeld.")
    if uitwisseling.melding_id is None and uitwisseling.casus_id is None:
        errors["melding"] = _("Koppel de uitwisseling aan een BIJ-melding of een casus.")
    if errors:
        raise ValidationError(errors)
    uitwisseling.full_clean()
    uitwisseling.save()
    return uitwisseling
