"""Aggregate case figures for the jaarplan report (reporting.registry). Numbers only, never persons."""

from datetime import datetime

from django.db.models import Count, Q

from reporting.registry import register_breakdown, register_metric

from .choices import Resultaat
from .models import Casus


@register_metric("cases.onder_regie", label="Casussen onder regie", unit="zaken")
def under_regie(start: datetime, end: datetime) -> int:
    """Cases under regie at any moment of the period (incl. radicalisering): opened before the end, and not
    afgeschaald or closed before the start."""
    return (
        Casus.objects.filter(aangemaakt_op__lt=end)
        .filter(Q(afgeschaald_op__isnull=True) | Q(afgeschaald_op__gte=start))
        .filter(Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gte=start))
        .count()
    )


@register_metric("cases.afgesloten", label="Afgesloten casussen", unit="zaken", params=("resultaat",))
def afgesloten(start: datetime, end: datetime, *, resultaat: str) -> int:
    qs = Casus.objects.filter(afgesloten_op__gte=start, afgesloten_op__lt=end)
    if resultaat != "alle":
        if resultaat not in Resultaat.values:
            raise ValueError(f"onbekend resultaat {resultaat!r}")
        qs = qs.filter(resultaat=resultaat)
    return qs.count()


@register_breakdown("cases.afgesloten_per_resultaat", label="Afgesloten casussen per resultaat", unit="zaken")
def afgesloten_per_resultaat(start: datetime, end: datetime) -> dict[str, int]:
    rows = dict(
        Casus.objects.filter(afgesloten_op__gte=start, afgesloten_op__lt=end)
        .values_list("resultaat")
        .annotate(n=Count("pk"))
    )
    return {str(label): rows.get(value, 0) for value, label in Resultaat.choices}
