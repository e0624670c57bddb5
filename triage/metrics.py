"""Aggregate triage figures for the jaarplan report (reporting.registry). Numbers only, never persons."""

from datetime import datetime

from django.db.models import Count
from django.utils import timezone

from cases.choices import Thema
from reporting.registry import register_breakdown, register_metric

from .choices import AanmeldingStatus, AdviesAanleiding, BordSoort, Uitkomst
from .models import Aanmelding, Advies, Weging


@register_metric(
    "triage.besluiten",
    label="Triagebesluiten",
    unit="zaken",
    params=("bord",),
    definition=(
        "Wegingen met een besluit (opschalen, doorgeleiden, advies, niet ontvankelijk) in de periode, aan dit "
        "triagebord."
    ),
)
def triage_decisions(start: datetime, end: datetime, *, bord: str) -> int:
    if bord not in BordSoort.values:
        raise ValueError(f"onbekend triagebord {bord!r}")
    return Weging.objects.filter(sessie__bord__soort=bord, besloten_op__gte=start, besloten_op__lt=end).count()


@register_metric("triage.aanmeldingen", label="Aanmeldingen", unit="aanmeldingen")
def aanmeldingen(start: datetime, end: datetime) -> int:
    """Ingediende aanmeldingen (geen concepten) met een indiendatum in de periode."""
    return _submitted(start, end).count()


def _advice(start: datetime, end: datetime):
    # Advice is registered per day; the period's local dates decide.
    return Advies.objects.filter(datum__gte=timezone.localdate(start), datum__lt=timezone.localdate(end))


@register_metric(
    "triage.adviezen",
    label="Adviezen (alle thema's)",
    unit="adviezen",
    definition="Geregistreerde adviezen, gevraagd en ongevraagd, van alle thema's, met een datum in de periode.",
)
def adviezen(start: datetime, end: datetime) -> int:
    return _advice(start, end).count()


@register_metric(
    "triage.adviezen_thema",
    label="Adviezen per thema",
    unit="adviezen",
    params=("themas",),
    definition=(
        "Geregistreerde adviezen (gevraagd en ongevraagd) met een datum in de periode en een van de genoemde thema's."
    ),
)
def adviezen_thema(start: datetime, end: datetime, *, themas: str) -> int:
    """``themas``: thema codes separated by commas, e.g. ``complex,radicalisering``."""
    codes = [code.strip() for code in themas.split(",") if code.strip()]
    unknown = set(codes) - set(Thema.values)
    if unknown or not codes:
        raise ValueError(f"onbekende thema's {sorted(unknown)}")
    return _advice(start, end).filter(thema__in=codes).count()


@register_breakdown(
    "triage.adviezen_per_thema",
    label="Adviezen per thema, gevraagd en ongevraagd",
    unit="adviezen",
    definition="Geregistreerde adviezen met een datum in de periode, per thema en naar gevraagd of ongevraagd.",
)
def adviezen_per_thema(start: datetime, end: datetime) -> dict[str, int]:
    rows = {(t, a): n for t, a, n in _advice(start, end).values_list("thema", "aanleiding").annotate(n=Count("pk"))}
    themes, reasons = dict(Thema.choices), dict(AdviesAanleiding.choices)
    return {f"{themes.get(t, t)}, {reasons.get(a, a)}": n for (t, a), n in sorted(rows.items())}


def _submitted(start: datetime, end: datetime):
    return Aanmelding.objects.exclude(status=AanmeldingStatus.CONCEPT).filter(
        ingediend_op__gte=start, ingediend_op__lt=end
    )


@register_breakdown(
    "triage.aanmeldingen_per_partner", label="Aanmeldingen per aanbrengende partner", unit="aanmeldingen"
)
def aanmeldingen_per_partner(start: datetime, end: datetime) -> dict[str, int]:
    """Ingediende aanmeldingen in de periode, per aanbrengende partner."""
    rows = _submitted(start, end).values_list("aanbrengende_partner__name").annotate(n=Count("pk"))
    return dict(sorted(rows, key=lambda row: (-row[1], row[0])))


@register_breakdown("triage.aanmeldingen_per_gemeente", label="Aanmeldingen per gemeente", unit="aanmeldingen")
def aanmeldingen_per_gemeente(start: datetime, end: datetime) -> dict[str, int]:
    """Ingediende aanmeldingen in de periode, per gemeente."""
    rows = _submitted(start, end).values_list("gemeente__name").annotate(n=Count("pk"))
    return dict(sorted(((name or "onbekend", n) for name, n in rows), key=lambda row: (-row[1], row[0])))


# Kept under its original key: the jaarplan binds its activity rows to it.
@register_metric("cases.opschalingen", label="Opschalingen", unit="zaken")
def opschalingen(start: datetime, end: datetime) -> int:
    """Triagebesluiten ‘opschalen’ in de periode, aan alle borden."""
    return Weging.objects.filter(uitkomst=Uitkomst.OPSCHALEN, besloten_op__gte=start, besloten_op__lt=end).count()
