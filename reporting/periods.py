"""Quarters as half-open periods between local midnights (Europe/Amsterdam)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


@dataclass(frozen=True)
class Period:
    start: datetime  # inclusive, local midnight
    end: datetime  # exclusive, local midnight

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        return self.end.date() - timedelta(days=1)


def quarter_start_day(year: int, quarter: int) -> date:
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"kwartaal {quarter} bestaat niet")
    return date(year, 3 * quarter - 2, 1)


def quarter_end_day(year: int, quarter: int) -> date:
    """First day after the quarter (exclusive end)."""
    return date(year + 1, 1, 1) if quarter == 4 else quarter_start_day(year, quarter + 1)


def quarter(year: int, q: int) -> Period:
    return Period(local_midnight(quarter_start_day(year, q)), local_midnight(quarter_end_day(year, q)))


def year_to_date(year: int, q: int) -> Period:
    """From 1 January up to the end of quarter ``q``."""
    return Period(local_midnight(date(year, 1, 1)), local_midnight(quarter_end_day(year, q)))


def last_ended_quarter(today: date) -> tuple[int, int]:
    """(year, quarter) of the most recent quarter that ended before ``today``."""
    current = (today.month - 1) // 3 + 1
    return (today.year - 1, 4) if current == 1 else (today.year, current - 1)
