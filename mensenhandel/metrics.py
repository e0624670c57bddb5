"""Jaarplan figures for "Partners tegen mensenhandel", counted live. Numbers only, never persons."""

from datetime import datetime

from django.utils import timezone

from cases.models import Casusoverleg
from reporting.registry import register_metric
from triage.models import Advies

from .choices import TEAM
from .models import Signaal


@register_metric("mensenhandel.signalen", label="Signalen mensenhandel", unit="zaken")
def signalen(start: datetime, end: datetime) -> int:
    """Signalen van mensenhandel die in de periode zijn ontvangen (ontvangstdatum)."""
    # Signals are registered per day; the period's local dates decide.
    return Signaal.objects.filter(
        ontvangen_op__gte=timezone.localdate(start), ontvangen_op__lt=timezone.localdate(end)
    ).count()


@register_metric("mensenhandel.casusoverleggen", label="Casusoverleggen mensenhandel", unit="zaken")
def casusoverleggen(start: datetime, end: datetime) -> int:
    """Casusoverleggen in de periode met ten minste één casus met thema mensenhandel op de agenda."""
    return (
        Casusoverleg.objects.filter(datum_tijd__gte=start, datum_tijd__lt=end, agendapunten__casus__thema=TEAM)
        .distinct()
        .count()
    )


@register_metric("mensenhandel.adviezen", label="Adviezen mensenhandel (gevraagd en ongevraagd)", unit="adviezen")
def adviezen(start: datetime, end: datetime) -> int:
    """Adviezen met thema mensenhandel, gevraagd en ongevraagd, met een datum in de periode."""
    return Advies.objects.filter(
        thema=TEAM, datum__gte=timezone.localdate(start), datum__lt=timezone.localdate(end)
    ).count()
