"""Jaarplan figure "Coördineren van re-integratie ex-gedetineerden": numbers only, never persons."""

from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from privacy.services.retention import person_key
from reporting.registry import register_metric

from .models import Traject


def active_between(start: datetime, end: datetime):
    """Trajecten active in the period: reported before its end and not closed before its start."""
    first, last = timezone.localdate(start), timezone.localdate(end)
    return Traject.objects.filter(Q(gemeld_op__lt=last) & (Q(afgerond_op__isnull=True) | Q(afgerond_op__gte=first)))


@register_metric(
    "reintegratie.personen",
    label="Personen met een re-integratietraject",
    unit="personen",
    definition=(
        "Verschillende personen met een re-integratietraject dat in de periode liep (gemeld vóór het einde, niet "
        "afgerond vóór het begin); twee detenties van één persoon in een jaar tellen één keer."
    ),
    stock=True,
)
def personen(start: datetime, end: datetime) -> int:
    """Distinct persons: two detentions of one person in a year count once (also when one of them was anonymised,
    see privacy.services.retention.person_key)."""
    return active_between(start, end).annotate(sleutel=person_key()).values("sleutel").distinct().count()
