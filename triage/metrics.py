"""Aggregate triage figures for the jaarplan report (reporting.registry). Numbers only, never persons."""

from datetime import datetime

from django.db.models import Count
from django.utils import timezone

from reporting.registry import register_breakdown, register_metric

from .choices import AanmeldingStatus, BordSoort, Uitkomst
from .models import Aanmelding, Advies, Weging


@register_metric("triage.besluiten", label="Triagebesluiten", unit="zaken", params=("bord",))
def triage_decisions(start: datetime, end: datetime, *, bord: str) -> int:
    if bord not in BordSoort.values:
        raise ValueError(f"onbekend triagebord {bord!r}")
    return Weging.objects.filter(sessie__bord__soort=bord, besloten_op__gte=start, besloten_op__lt=end).count()


@register_metric("triage.aanmeldingen", label="Aanmeldingen", unit="aanmeldingen")
def aanmeldingen(start: datetime, end: datetime) -> int:
    return _submitted(start, end).count()


@register_metric("triage.adviezen", label="Adviezen op verzoek", unit="adviezen")
def adviezen(start: datetime, end: datetime) -> int:
    # Advice is registered per day; the period's local dates decide.
    return Advies.objects.filter(datum__gte=timezone.localdate(start), datum__lt=timezone.localdate(end)).count()


def _submitted(start: datetime, end: datetime):
    return Aanmelding.objects.exclude(status=AanmeldingStatus.CONCEPT).filter(
        ingediend_op__gte=start, ingediend_op__lt=end
    )


@register_breakdown(
    "triage.aanmeldingen_per_partner", label="Aanmeldingen per aanbrengende partner", unit="aanmeldingen"
)
def aanmeldingen_per_partner(start: datetime, end: datetime) -> dict[str, int]:
    rows = _submitted(start, end).values_list("aanbrengende_partner__name").annotate(n=Count("pk"))
    return dict(sorted(rows, key=lambda row: (-row[1], row[0])))


@register_breakdown("triage.aanmeldingen_per_gemeente", label="Aanmeldingen per gemeente", unit="aanmeldingen")
def aanmeldingen_per_gemeente(start: datetime, end: datetime) -> dict[str, int]:
    rows = _submitted(start, end).values_list("gemeente__name").annotate(n=Count("pk"))
    return dict(sorted(((name or "onbekend", n) for name, n in rows), key=lambda row: (-row[1], row[0])))


# Kept under its original key: the jaarplan binds its activity rows to it.
@register_metric("cases.opschalingen", label="Opschalingen", unit="zaken")
def opschalingen(start: datetime, end: datetime) -> int:
    return Weging.objects.filter(uitkomst=Uitkomst.OPSCHALEN, besloten_op__gte=start, besloten_op__lt=end).count()
