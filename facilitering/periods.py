"""Dates and times in the ZVH's time zone: local wall-clock times, ISO weeks and quarters."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone


def local_tz():
    return timezone.get_default_timezone()


def aware(day: date, at: time) -> datetime:
    """The moment ``at`` on ``day`` in Europe/Amsterdam (daylight saving time included)."""
    return datetime.combine(day, at, tzinfo=local_tz())


def local_midnight(day: date) -> datetime:
    return aware(day, time(0, 0))


def local_time_exists(day: date, at: time) -> bool:
    """False for the hour skipped when summer time starts (e.g. 02:30 on the last Sunday of March)."""
    moment = aware(day, at)
    back = moment.astimezone(UTC).astimezone(local_tz())
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def local_date(moment: datetime) -> date:
    return timezone.localtime(moment, local_tz()).date()


def week_start(day: date) -> date:
    """Monday of the ISO week of ``day``."""
    return day - timedelta(days=day.weekday())


def week_days(monday: date) -> list[date]:
    return [monday + timedelta(days=i) for i in range(7)]


def iso_week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """First day of the quarter and first day after it (half-open)."""
    start = date(year, 3 * (quarter - 1) + 1, 1)
    end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return start, end


def month_bounds(day: date) -> tuple[date, date]:
    start = day.replace(day=1)
    end = date(start.year + 1, 1, 1) if start.month == 12 else date(start.year, start.month + 1, 1)
    return start, end


def weeks_in(start: date, end: date) -> Decimal:
    """Length of the half-open period [start, end) in weeks, counted in calendar days (DST-proof)."""
    return Decimal((end - start).days) / Decimal(7)


def hours_between(start: datetime, end: datetime) -> Decimal:
    """Real elapsed hours (an overleg across a DST change lasts what the clock on the wall does not say)."""
    seconds = Decimal(int((end - start).total_seconds()))
    return (seconds / Decimal(3600)).quantize(Decimal("0.01"))
