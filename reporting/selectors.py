"""Reads of the reporting app. Jaarplannen and reports hold no personal data; access is decided by role in views."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Activiteit, Jaarplan, Report
from .periods import last_ended_quarter, quarter_start_day


def jaarplan_list() -> QuerySet[Jaarplan]:
    return Jaarplan.objects.all()


def jaarplan_get(*, jaar: int) -> Jaarplan:
    return get_object_or_404(Jaarplan, jaar=jaar)


def jaarplan_with_activities(*, jaar: int) -> Jaarplan:
    return get_object_or_404(
        Jaarplan.objects.prefetch_related("ontwikkellijnen__themas__activiteiten__realisaties"), jaar=jaar
    )


def activiteit_get(*, pk: int) -> Activiteit:
    return get_object_or_404(Activiteit.objects.select_related("thema__ontwikkellijn__jaarplan"), pk=pk)


def report_list() -> QuerySet[Report]:
    return Report.objects.select_related("jaarplan", "requested_by")


def report_get(*, pk: int) -> Report:
    return get_object_or_404(report_list(), pk=pk)


def default_period() -> tuple[int, int] | None:
    """The most recent ended quarter that has a jaarplan, else the 4th quarter of the latest jaarplan."""
    today = timezone.localdate()
    year, quarter = last_ended_quarter(today)
    if Jaarplan.objects.filter(jaar=year).exists():
        return year, quarter
    latest = Jaarplan.objects.filter(jaar__lte=today.year).order_by("-jaar").first() or Jaarplan.objects.first()
    if latest is None:
        return None
    started = [q for q in (4, 3, 2, 1) if quarter_start_day(latest.jaar, q) <= today]
    return latest.jaar, started[0] if started else 1
