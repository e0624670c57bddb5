"""seed_demo: the jaarplan agreements, rooms, contacts and a realistic year of bookings; twice changes nothing."""

from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from facilitering import demo
from facilitering.choices import BookingStatus
from facilitering.models import Agreement, Booking, Room, Series
from facilitering.periods import quarter_bounds
from facilitering.selectors.budget import partner_period
from zvh.accounts import demo as accounts_demo
from zvh.accounts.choices import Role
from zvh.accounts.models import User

pytestmark = pytest.mark.django_db


def seed_all() -> None:
    """The accounts the facilitering demo builds on, then the facilitering demo (seed_demo runs them in this order)."""
    accounts_demo.seed()
    demo.seed()


def counts() -> tuple:
    return tuple(m.objects.count() for m in (Room, Agreement, Series, Booking, User, LogEntry))


def test_seed_is_idempotent_and_has_the_jaarplan_agreements():
    seed_all()
    first = counts()
    seed_all()
    assert counts() == first
    budgets = {a.organisation.name: a.hours_per_week for a in Agreement.objects.select_related("organisation")}
    assert budgets == {"MaSS": 8, "Veilig Thuis West-Brabant": 32, "KR8-kollektief": 11}
    assert Room.objects.filter(active=True).count() == 4
    for username, organisation in (("mass", "MaSS"), ("kr8", "KR8-kollektief")):
        user = User.objects.get(username=username)
        assert user.role == Role.KETENPARTNER and user.organisation.name == organisation
        assert Agreement.objects.get(organisation=user.organisation).contact == user


def test_seed_has_realised_cancelled_over_budget_and_coming_bookings():
    seed_all()
    in_2022 = Booking.objects.filter(date__year=2022)
    assert in_2022.filter(status=BookingStatus.UITGEVOERD).count() > 200
    assert in_2022.filter(status=BookingStatus.GEANNULEERD).exclude(cancel_reason="").count() >= 10
    assert in_2022.exclude(over_budget_reason="").exists()
    coming = Booking.objects.filter(date__gt=in_2022.latest("date").date)
    assert coming.filter(status=BookingStatus.AANGEVRAAGD).exists()
    assert coming.filter(status=BookingStatus.BEVESTIGD).exists()
    assert not Booking.objects.filter(end_time__gt="16:00").exists()  # the late afternoon stays free for tests
    vt = Agreement.objects.get(organisation__name="Veilig Thuis West-Brabant").organisation
    q1 = partner_period(vt, *quarter_bounds(2022, 1))
    assert Decimal(20) < q1.realised_per_week < Decimal(35)
    assert any(week.over_booked for week in q1.weeks)


def test_demo_contacts_log_in_like_the_other_demo_accounts():
    seed_all()
    user = User.objects.get(username="kr8")
    assert user.check_password("demo-wachtwoord-2022") and user.totpdevice_set.get().confirmed
    assert {u.username for u in demo.USERS} == {"mass", "kr8", "secretariaat2"}
