"""Figures for the jaarplan section "ZSM", counted live. Numbers only, never persons.

The section's rows are milestones (contextinformatie minderjarigen / volwassenen, scenario's ZVH/ZSM); these
metrics show that the agreements are carried out and can be bound to a row by the manager.
"""

from datetime import datetime

from django.db.models import F

from reporting.registry import register_metric
from triage.choices import AanmeldingBron
from triage.models import Aanmelding

from .models import Contextverzoek


def _received(start: datetime, end: datetime):
    return Contextverzoek.objects.filter(ontvangen_op__gte=start, ontvangen_op__lt=end)


@register_metric(
    "zsm.contextverzoeken",
    label="Contextverzoeken van ZSM",
    unit="verzoeken",
    definition="Contextverzoeken van een ZSM-partner, ontvangen in de periode.",
)
def contextverzoeken(start: datetime, end: datetime) -> int:
    return _received(start, end).count()


@register_metric(
    "zsm.contextverzoeken_minderjarigen",
    label="Contextverzoeken van ZSM over minderjarigen",
    unit="verzoeken",
    definition="Contextverzoeken van ZSM over een minderjarige verdachte, ontvangen in de periode.",
)
def contextverzoeken_minderjarigen(start: datetime, end: datetime) -> int:
    return _received(start, end).filter(minderjarig=True).count()


@register_metric(
    "zsm.contextverzoeken_volwassenen",
    label="Contextverzoeken van ZSM over volwassenen",
    unit="verzoeken",
    definition="Contextverzoeken van ZSM over een meerderjarige verdachte, ontvangen in de periode.",
)
def contextverzoeken_volwassenen(start: datetime, end: datetime) -> int:
    return _received(start, end).filter(minderjarig=False).count()


@register_metric(
    "zsm.binnen_deadline",
    label="Contextverzoeken van ZSM beantwoord binnen de deadline",
    unit="verzoeken",
    definition="Contextverzoeken ontvangen in de periode en beantwoord op of vóór de deadline van dezelfde dag.",
)
def binnen_deadline(start: datetime, end: datetime) -> int:
    return _received(start, end).filter(beantwoord_op__isnull=False, beantwoord_op__lte=F("deadline")).count()


@register_metric(
    "zsm.buikpijnmeldingen",
    label="Buikpijnmeldingen van ZSM",
    unit="aanmeldingen",
    definition="Aanmeldingen met bron ZSM (buikpijnmeldingen), ingediend in de periode.",
)
def buikpijnmeldingen(start: datetime, end: datetime) -> int:
    return Aanmelding.objects.filter(bron=AanmeldingBron.ZSM, ingediend_op__gte=start, ingediend_op__lt=end).count()
