"""Aggregate case figures for the jaarplan report (reporting.registry). Numbers only, never persons."""

from datetime import datetime

from django.db.models import Count, Q

from reporting.registry import register_breakdown, register_metric

from .choices import Resultaat, Thema
from .models import Casus

# Themes with jaarplan rows of their own (mensenhandel: zorgcoördinatie; ex-gedetineerden: re-integratie and BIJ;
# verward gedrag: levensloop) are not "complexe casuïstiek" and are not counted in cases.onder_regie.
COMPLEXE_CASUISTIEK = (
    Thema.COMPLEX,
    Thema.RADICALISERING,
    Thema.HUISELIJK_GEWELD,
    Thema.JEUGD,
    Thema.OVERIG,
)


def _under_regie(start: datetime, end: datetime):
    return (
        Casus.objects.filter(aangemaakt_op__lt=end)
        .filter(Q(afgeschaald_op__isnull=True) | Q(afgeschaald_op__gte=start))
        .filter(Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gte=start))
    )


@register_metric(
    "cases.onder_regie",
    label="Casussen complexe casuïstiek onder regie",
    unit="zaken",
    definition=(
        "Casussen die op enig moment in de periode onder regie van het ZVH stonden (geopend vóór het einde van de "
        "periode, niet afgeschaald of afgesloten vóór het begin) met thema complexe casuïstiek, radicalisering, "
        "huiselijk geweld, jeugd of overig. Mensenhandel, ex-gedetineerden en verward gedrag hebben eigen regels "
        "in het jaarplan en tellen hier niet mee."
    ),
    stock=True,
)
def under_regie(start: datetime, end: datetime) -> int:
    return _under_regie(start, end).filter(thema__in=COMPLEXE_CASUISTIEK).count()


@register_breakdown("cases.onder_regie_per_thema", label="Casussen onder regie per thema", unit="zaken")
def under_regie_per_thema(start: datetime, end: datetime) -> dict[str, int]:
    """Casussen die op enig moment in de periode onder regie stonden, per thema (alle thema's)."""
    rows = dict(_under_regie(start, end).values_list("thema").annotate(n=Count("pk")))
    return {str(label): rows.get(value, 0) for value, label in Thema.choices}


@register_metric("cases.afgesloten", label="Afgesloten casussen", unit="zaken", params=("resultaat",))
def afgesloten(start: datetime, end: datetime, *, resultaat: str) -> int:
    """Casussen die in de periode zijn afgesloten, alle thema's (of met dit resultaat)."""
    qs = Casus.objects.filter(afgesloten_op__gte=start, afgesloten_op__lt=end)
    if resultaat != "alle":
        if resultaat not in Resultaat.values:
            raise ValueError(f"onbekend resultaat {resultaat!r}")
        qs = qs.filter(resultaat=resultaat)
    return qs.count()


@register_breakdown("cases.afgesloten_per_resultaat", label="Afgesloten casussen per resultaat", unit="zaken")
def afgesloten_per_resultaat(start: datetime, end: datetime) -> dict[str, int]:
    """Casussen die in de periode zijn afgesloten, per resultaat."""
    rows = dict(
        Casus.objects.filter(afgesloten_op__gte=start, afgesloten_op__lt=end)
        .values_list("resultaat")
        .annotate(n=Count("pk"))
    )
    return {str(label): rows.get(value, 0) for value, label in Resultaat.choices}
