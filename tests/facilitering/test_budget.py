"""Budget per ISO week and per quarter, and the quarterly metrics in the reporting registry."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.urls import reverse

from facilitering import services
from facilitering.choices import OverlegType
from facilitering.periods import local_midnight, quarter_bounds
from facilitering.selectors.budget import budget_overview, partner_period, week_budget
from reporting.registry import get_metric
from zvh.accounts.choices import Role

from . import factories
from .factories import book

pytestmark = pytest.mark.django_db


def done(sec, sec2, org, day, hours, **kwargs):
    [booking] = book(sec, org, date=day, medewerker=sec2, **kwargs)
    return services.booking_realise(actor=sec, booking=booking, realised_hours=Decimal(hours))


def test_week_budget_follows_the_agreement_that_started_last():
    org = factories.organisation()
    factories.agreement(org, hours=8, until=date(2022, 6, 28))
    factories.agreement(org, hours=12, start=date(2022, 6, 29))  # a Wednesday
    agreements = list(org.facilitering_agreements.order_by("valid_from"))
    assert week_budget(agreements, date(2022, 6, 20)) == 8
    assert week_budget(agreements, date(2022, 6, 27)) == 12  # the week in which the new agreement starts
    assert week_budget(agreements, date(2021, 12, 20)) == 0


def test_partner_quarter_totals_and_weeks(sec, sec2, mass):
    done(sec, sec2, mass, date(2022, 7, 4), "2.5")
    done(sec, sec2, mass, date(2022, 7, 6), "7")  # week 27: 9,5 realised > 8
    [planned] = book(sec, mass, date=date(2022, 9, 26), planned_hours=Decimal(3))
    [cancelled] = book(sec, mass, date=date(2022, 9, 27))
    services.booking_cancel(actor=sec, booking=cancelled, reason="Vervalt")
    start, end = quarter_bounds(2022, 3)
    figures = partner_period(mass, start, end)
    assert figures.booked == Decimal(7)  # 2 + 2 + 3 planned, the cancelled one not
    assert figures.realised == Decimal("9.5")
    assert figures.budget_per_week == Decimal(8)
    assert figures.week_count == Decimal(92) / 7
    assert figures.budget_total == Decimal("105.14")
    assert figures.realised_per_week == Decimal("0.72")  # 9.5 / (92 / 7)
    weeks = {w.week_number: w for w in figures.weeks}
    assert weeks[26].partial and weeks[39].partial and not weeks[38].partial and weeks[39].monday == date(2022, 9, 26)
    assert weeks[27].realised == Decimal("9.5") and weeks[27].over_realised and not weeks[27].over_booked
    assert weeks[39].booked == Decimal(3)
    assert figures.weeks_over_budget == 1
    assert planned.status == "aangevraagd"


def test_overview_lists_partners_with_an_agreement_in_the_quarter():
    mass = factories.organisation()
    factories.agreement(mass)
    later = factories.organisation("KR8-kollektief")
    factories.agreement(later, hours=11, types=[OverlegType.KR8_OVERLEG], start=date(2022, 10, 1))
    start, end = quarter_bounds(2022, 3)
    assert [p.organisation.name for p in budget_overview(start, end)] == ["MaSS"]
    assert [p.organisation.name for p in budget_overview(*quarter_bounds(2022, 4))] == ["KR8-kollektief", "MaSS"]


def quarter(year, q):
    start, end = quarter_bounds(year, q)
    return local_midnight(start), local_midnight(end)


def test_metrics_are_registered_with_the_partner_parameter():
    metric = get_metric("facilitering.uren_per_week")
    assert metric.params == ("partner",) and metric.unit == "uur per week"
    assert get_metric("facilitering.budget_uren_per_week").params == ("partner",)


def test_realised_hours_per_week_in_a_quarter_against_the_budget(sec, sec2, mass):
    for week in range(27, 40):  # every ISO week of Q3 2022 on its Monday
        done(sec, sec2, mass, date.fromisocalendar(2022, week, 1), "6.5")
    realised = get_metric("facilitering.uren_per_week").compute(*quarter(2022, 3), partner="mass")
    assert realised == Decimal("6.43")  # 13 × 6.5 = 84.5 hours over 92 days = 13.14 weeks
    assert get_metric("facilitering.budget_uren_per_week").compute(*quarter(2022, 3), partner="mass") == 8


def test_quarter_boundaries_are_local_midnight_across_daylight_saving_time(sec, sec2, mass):
    # Q1 2022 contains the start of summer time (27 March); Q4 the end (30 October).
    night = {"start_time": time(0, 15), "end_time": time(1, 15), "room": None, "support_kinds": ["notuleren"]}
    done(sec, sec2, mass, date(2022, 3, 31), "1", **night)  # 22:15 UTC on 30 March: Q1
    done(sec, sec2, mass, date(2022, 4, 1), "2", **night)  # 22:15 UTC on 31 March, yet Q2 in Breda
    done(
        sec,
        sec2,
        mass,
        date(2022, 9, 30),
        "4",
        start_time=time(23),
        end_time=time(23, 45),
        room=None,
        support_kinds=["notuleren"],
    )  # 21:00 UTC: Q3
    done(sec, sec2, mass, date(2022, 10, 1), "8", **night)  # 22:15 UTC on 30 September, yet Q4 in Breda
    metric = get_metric("facilitering.uren_per_week")
    q1, q2, q3, q4 = (metric.compute(*quarter(2022, q), partner="mass") for q in (1, 2, 3, 4))
    assert q1 == (Decimal(1) / (Decimal(90) / 7)).quantize(Decimal("0.01"))
    assert q2 == (Decimal(2) / (Decimal(91) / 7)).quantize(Decimal("0.01"))
    assert q3 == (Decimal(4) / (Decimal(92) / 7)).quantize(Decimal("0.01"))
    assert q4 == (Decimal(8) / (Decimal(92) / 7)).quantize(Decimal("0.01"))
    # A whole year: 15 hours over 365 days.
    year = metric.compute(local_midnight(date(2022, 1, 1)), local_midnight(date(2023, 1, 1)), partner="mass")
    assert year == Decimal("0.29")


def test_budget_metric_averages_over_the_days_of_the_period():
    org = factories.organisation()
    factories.agreement(org, hours=8, until=date(2022, 8, 14))
    factories.agreement(org, hours=12, start=date(2022, 8, 15))
    # Q3 2022: 45 days at 8, 47 days at 12 → (45×8 + 47×12) / 92 = 10.04
    assert get_metric("facilitering.budget_uren_per_week").compute(*quarter(2022, 3), partner="mass") == Decimal(
        "10.04"
    )
    assert get_metric("facilitering.budget_uren_per_week").compute(*quarter(2021, 4), partner="mass") == 0


def test_metric_for_an_unknown_partner_is_an_error():
    with pytest.raises(ValueError, match="onbekende partner"):
        get_metric("facilitering.uren_per_week").compute(*quarter(2022, 3), partner="bestaat-niet")


def test_budget_page_shows_the_quarter_totals(client_for, sec, sec2, mass):
    done(sec, sec2, mass, date(2022, 7, 4), "2.5")
    book(sec, mass, date=date(2022, 7, 5), planned_hours=Decimal(7), over_budget_reason="Extra overleg")
    client, _ = client_for(Role.MANAGER)
    page = client.get(reverse("facilitering:budget_overview"), {"jaar": 2022, "kwartaal": 3}).content.decode()
    assert "Kwartaal 3 van 2022 (1 jul. t/m 30 sep. 2022)" in page
    row = page.split('<a href="#partner-')[1].split("</tr>")[0]
    cells = [c.split("<")[0].strip() for c in row.split('<td class="num">')[1:]]
    assert cells == ["8,0", "105,1", "9,0", "2,5", "0,2", "1"]
    assert "geboekt boven budget" in page


def test_budget_page_with_bad_input_keeps_the_default_quarter_and_says_why(client_for):
    client, _ = client_for(Role.SECRETARIAAT)
    response = client.get(reverse("facilitering:budget_overview"), {"jaar": "twintig", "kwartaal": "9"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Voer een geheel getal in" in page and "Selecteer een geldige keuze" in page


def test_budget_page_query_count_does_not_grow_with_bookings(
    client_for, sec, sec2, mass, django_assert_max_num_queries
):
    for week in range(27, 35):
        done(sec, sec2, mass, date.fromisocalendar(2022, week, 1), "2")
    client, _ = client_for(Role.MANAGER)
    with django_assert_max_num_queries(15):
        assert client.get(reverse("facilitering:budget_overview"), {"jaar": 2022, "kwartaal": 3}).status_code == 200


def test_local_midnight_is_aware():
    assert local_midnight(date(2022, 7, 1)).utcoffset().total_seconds() == 7200
    assert local_midnight(date(2022, 1, 1)).utcoffset().total_seconds() == 3600
    assert isinstance(local_midnight(date(2022, 1, 1)), datetime)
