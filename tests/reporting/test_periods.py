"""Quarters are half-open periods between local midnights in Europe/Amsterdam, across daylight saving time."""

from datetime import date, timedelta

import pytest

from reporting.formatting import nl_date, nl_number, nl_percent
from reporting.periods import last_ended_quarter, quarter, year_to_date

from .conftest import local


def test_quarter_boundaries_are_local_midnights():
    q1, q2, q4 = quarter(2022, 1), quarter(2022, 2), quarter(2022, 4)
    assert q1.start == local(2022, 1, 1) and q1.start.utcoffset() == timedelta(hours=1)
    assert q1.end == q2.start == local(2022, 4, 1)
    assert q2.start.utcoffset() == timedelta(hours=2)  # summer time
    assert q4.end == local(2023, 1, 1) and q4.end.utcoffset() == timedelta(hours=1)
    assert (q4.first_day, q4.last_day) == (date(2022, 10, 1), date(2022, 12, 31))


def test_year_to_date():
    ytd = year_to_date(2022, 3)
    assert (ytd.start, ytd.end) == (local(2022, 1, 1), local(2022, 10, 1))


@pytest.mark.parametrize(
    ("today", "expected"),
    [(date(2023, 1, 1), (2022, 4)), (date(2022, 4, 1), (2022, 1)), (date(2022, 12, 31), (2022, 3))],
)
def test_last_ended_quarter(today, expected):
    assert last_ended_quarter(today) == expected


def test_dutch_formatting():
    assert nl_number(1234.5) == "1.234,5"
    assert nl_number(1234567) == "1.234.567"
    assert nl_number(None) == "—"
    assert nl_number(8.25, 1) == "8,3"
    assert nl_percent(97.33) == "97%"
    assert nl_date(date(2022, 12, 31)) == "31 dec. 2022"
