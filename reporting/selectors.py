"""Reads of the reporting app. Jaarplannen and reports hold no personal data; access is decided by role in views."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .choices import ReportStatus
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


RECENT_FOR_ESTIMATE = 10


def report_duration_estimate() -> timedelta | None:
    """How long a request takes from queueing to its PDF: the median of the last finished reports (None without)."""
    rows = (
        Report.objects.filter(status=ReportStatus.DONE, finished_at__isnull=False)
        .order_by("-finished_at")
        .values_list("queued_at", "finished_at")[:RECENT_FOR_ESTIMATE]
    )
    durations = sorted(finished - queued for queued, finished in rows if finished >= queued)
    return durations[len(durations) // 2] if durations else None


@dataclass(frozen=True)
class Progress:
    """What the report page says about when a pending report will be ready."""

    expected_at: datetime | None  # None: no history yet, or it takes longer than usual
    seconds_left: int | None
    overdue: bool


def report_progress(report: Report, *, now: datetime | None = None) -> Progress | None:
    if report.is_finished:
        return None
    estimate = report_duration_estimate()
    if estimate is None:
        return Progress(None, None, overdue=False)
    now = now or timezone.now()
    expected = report.queued_at + estimate
    left = int((expected - now).total_seconds())
    if left < 0:
        return Progress(None, None, overdue=True)
    return Progress(expected, left, overdue=False)
