"""The BIJ-overleg: a casusoverleg (cases app) marked as BIJ, with agenda items of meldingen and minutes per item."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from cases.choices import OverlegSoort
from cases.services import overleg_create

from ..choices import GESLOTEN
from ..models import BijAgendapunt, BijOverleg, Melding
from .melding import _transition, require_bij_team


@transaction.atomic
def bij_overleg_create(*, by, datum_tijd: datetime, locatie: str, voorzitter, ondersteuning=()) -> BijOverleg:
    require_bij_team(by)
    overleg = overleg_create(
        by=by,
        datum_tijd=datum_tijd,
        locatie=locatie,
        soort=OverlegSoort.CASUSOVERLEG,
        voorzitter=voorzitter,
        ondersteuning=ondersteuning,
    )
    return BijOverleg.objects.create(overleg=overleg)


@transaction.atomic
def bij_agendapunt_add(*, bij_overleg: BijOverleg, melding: Melding, by, at=None) -> BijAgendapunt:
    """Put a melding on the agenda; a melding not yet advised on moves to 'geagendeerd'."""
    require_bij_team(by)
    melding = Melding.objects.select_for_update().get(pk=melding.pk)
    if melding.status in GESLOTEN:
        raise ValidationError(_("Een afgeronde melding kan niet op de agenda. Heropen de melding eerst."))
    if BijAgendapunt.objects.filter(bij_overleg=bij_overleg, melding=melding).exists():
        raise ValidationError(_("Deze melding staat al op de agenda van dit overleg."))
    volgorde = (BijAgendapunt.objects.filter(bij_overleg=bij_overleg).aggregate(m=Max("volgorde"))["m"] or 0) + 1
    punt = BijAgendapunt.objects.create(bij_overleg=bij_overleg, melding=melding, volgorde=volgorde)
    if melding.status in ("ontvangen", "in_onderzoek"):
        _transition(melding, name="agenderen", by=by, reden=_("Op de agenda van %s") % bij_overleg, at=at)
    return punt


@transaction.atomic
def bij_agendapunt_verslag(*, punt: BijAgendapunt, by, verslag: str, afspraken: str) -> BijAgendapunt:
    require_bij_team(by)
    punt.verslag, punt.afspraken = verslag, afspraken
    punt.full_clean()
    punt.save(update_fields=["verslag", "afspraken"])
    return punt
