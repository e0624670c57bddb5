"""booking_request / booking_update: field rules, agreements, conflicts, budget, series, permissions."""

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from facilitering import services
from facilitering.choices import BookingStatus, Frequency, OverlegType, SupportKind
from facilitering.models import Booking, Series

from . import factories
from .factories import book

pytestmark = pytest.mark.django_db


def errors_of(exc_info) -> dict:
    return exc_info.value.message_dict


def test_secretariaat_books_without_medewerker_as_request_with_local_times(sec, mass):
    [booking] = book(sec, mass)
    assert booking.status == BookingStatus.AANGEVRAAGD
    # 12 September 2022 is summer time: 10:00 in Breda is 08:00 UTC.
    assert booking.starts_at == datetime(2022, 9, 12, 8, 0, tzinfo=UTC)
    assert booking.ends_at == datetime(2022, 9, 12, 10, 0, tzinfo=UTC)
    assert booking.planned_hours == Decimal("2.00")
    assert booking.series is None


def test_winter_booking_is_one_hour_from_utc(sec, mass):
    [booking] = book(sec, mass, date=date(2022, 1, 10))
    assert booking.starts_at == datetime(2022, 1, 10, 9, 0, tzinfo=UTC)


def test_booking_with_medewerker_is_confirmed_at_once(sec, sec2, mass):
    [booking] = book(sec, mass, medewerker=sec2)
    assert booking.status == BookingStatus.BEVESTIGD
    assert booking.confirmed_by == sec and booking.confirmed_at is not None


def test_planned_hours_can_differ_from_the_meeting(sec, mass):
    [booking] = book(sec, mass, planned_hours=Decimal("3.5"))
    assert booking.planned_hours == Decimal("3.5")


@time_machine.travel(datetime(2022, 9, 1, 12, tzinfo=UTC))
def test_partner_contact_requests_for_own_organisation(mass):
    contact = factories.partner_user(mass)
    [booking] = book(contact, mass)
    assert booking.status == BookingStatus.AANGEVRAAGD
    assert booking.requested_by == contact and booking.medewerker is None


@time_machine.travel(datetime(2022, 9, 1, 12, tzinfo=UTC))
def test_partner_may_not_request_for_another_organisation(mass):
    other = factories.partner_user(factories.organisation("Politie"), "agent")
    with pytest.raises(PermissionDenied):
        book(other, mass)
    assert not Booking.objects.exists()


@time_machine.travel(datetime(2022, 9, 1, 12, tzinfo=UTC))
def test_partner_may_not_assign_a_medewerker(sec, mass):
    with pytest.raises(PermissionDenied):
        book(factories.partner_user(mass), mass, medewerker=sec)


@time_machine.travel(datetime(2022, 9, 20, 12, tzinfo=UTC))
def test_partner_may_not_request_in_the_past_but_secretariaat_may_register_it(sec, mass):
    with pytest.raises(ValidationError) as exc:
        book(factories.partner_user(mass), mass)
    assert "verleden" in errors_of(exc)["date"][0]
    assert book(sec, mass)


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"end_time": time(9)}, "end_time", "eindtijd ligt na de begintijd"),
        ({"end_time": time(10)}, "end_time", "eindtijd ligt na de begintijd"),
        ({"support_kinds": []}, "support_kinds", "minstens één"),
        ({"room": None}, "room", "zaalreservering hoort een zaal"),
        ({"participants": 13}, "participants", "Zaal Mark heeft plaats voor 12 personen; u verwacht er 13"),
        ({"title": "  "}, "title", "titel"),
        ({"title": "Overleg over 999990007"}, "title", "BSN"),
        ({"notes": "Betreft BSN 999990019, graag notuleren"}, "notes", "BSN"),
        ({"planned_hours": Decimal("30")}, "planned_hours", "tussen 0,25 en 24"),
        ({"date": date(2022, 3, 27), "start_time": time(2, 30), "end_time": time(4)}, "start_time", "zomertijd"),
        ({"overleg_type": OverlegType.TRAJECTBERAAD}, "overleg_type", "geen ondersteuning voor Trajectberaad"),
        ({"date": date(2021, 12, 20)}, "date", "geen faciliteringsafspraak"),
    ],
)
def test_bad_input_gets_a_dutch_message_on_the_field(sec, mass, overrides, field, fragment):
    with pytest.raises(ValidationError) as exc:
        book(sec, mass, **overrides)
    assert fragment in " ".join(errors_of(exc)[field])
    assert not Booking.objects.exists()


def test_a_nine_digit_number_that_is_no_bsn_is_fine(sec, mass):
    assert book(sec, mass, notes="Telefoon 123456789 van de receptie")


def test_inactive_room_cannot_be_booked(sec, mass, mark):
    mark.active = False
    mark.save()
    with pytest.raises(ValidationError) as exc:
        book(sec, mass, room=mark)
    assert "niet meer in gebruik" in errors_of(exc)["room"][0]


def test_medewerker_must_be_secretariaat(sec, mass):
    with pytest.raises(ValidationError) as exc:
        book(sec, mass, medewerker=factories.partner_user(mass))
    assert "secretariaat" in errors_of(exc)["medewerker"][0]


def test_room_double_booking_is_refused_with_a_message_naming_the_conflict(sec, mass):
    book(sec, mass, title="MaSS casusoverleg Breda")
    with pytest.raises(ValidationError) as exc:
        book(sec, mass, title="Ander overleg", start_time=time(11), end_time=time(13), room=factories.room())
    message = errors_of(exc)["room"][0]
    assert message == (
        "Dubbele boeking: Zaal Mark is op maandag 12 sep. 2022 van 10:00 tot 12:00 al geboekt voor "
        "‘MaSS casusoverleg Breda’ (MaSS)"
    )


@time_machine.travel(datetime(2022, 9, 1, 12, tzinfo=UTC))
def test_a_partner_hears_of_the_conflict_without_the_other_partners_details(sec):
    vt = factories.organisation("Veilig Thuis")
    factories.agreement(vt, types=[OverlegType.VT_ACTIEOVERLEG], hours=32)
    mass = factories.organisation()
    factories.agreement(mass)
    book(sec, vt, overleg_type=OverlegType.VT_ACTIEOVERLEG, title="VT Actieoverleg")
    with pytest.raises(ValidationError) as exc:
        book(factories.partner_user(mass), mass)
    message = errors_of(exc)["room"][0]
    assert "Zaal Mark is op maandag 12 sep. 2022 van 10:00 tot 12:00 al bezet" in message
    assert "VT Actieoverleg" not in message and "Veilig Thuis" not in message


def test_medewerker_double_booking_is_refused(sec, sec2, mass):
    book(sec, mass, medewerker=sec2)
    other_room = factories.room("Spreekkamer", 4)
    with pytest.raises(ValidationError) as exc:
        book(sec, mass, room=other_room, medewerker=sec2, start_time=time(9), end_time=time(10, 30))
    assert (
        "Sanne Smits sec2 is op maandag 12 sep. 2022 van 10:00 tot 12:00 al geboekt"
        in (errors_of(exc)["medewerker"][0])
    )


def test_back_to_back_bookings_and_cancelled_ones_do_not_conflict(sec, mass):
    [first] = book(sec, mass)
    book(sec, mass, start_time=time(12), end_time=time(13))
    services.booking_cancel(actor=sec, booking=first, reason="Vervalt")
    assert book(sec, mass, start_time=time(9), end_time=time(11))


def test_going_over_the_weekly_budget_needs_a_reason(sec, mass):
    book(sec, mass, planned_hours=Decimal(6))  # Monday of ISO week 37
    with pytest.raises(ValidationError) as exc:
        book(sec, mass, date=date(2022, 9, 18), planned_hours=Decimal(3))  # Sunday of the same week
    message = errors_of(exc)["over_budget_reason"][0]
    assert "week 37 van 2022: 9,0 uur geboekt, budget 8,0 uur" in message
    [booking] = book(sec, mass, date=date(2022, 9, 18), planned_hours=Decimal(3), over_budget_reason="Extra overleg")
    assert booking.over_budget_reason == "Extra overleg"


def test_within_budget_no_reason_is_stored(sec, mass):
    [booking] = book(sec, mass, over_budget_reason="niet nodig")
    assert booking.over_budget_reason == ""


def test_next_iso_week_has_its_own_budget_and_cancelled_bookings_do_not_count(sec, mass):
    [big] = book(sec, mass, planned_hours=Decimal(8))
    assert book(sec, mass, date=date(2022, 9, 19), planned_hours=Decimal(8))  # Monday of week 38
    services.booking_cancel(actor=sec, booking=big, reason="Vervalt")
    assert book(sec, mass, date=date(2022, 9, 13), planned_hours=Decimal(8))


def test_weekly_series_until_a_date(sec, mass):
    bookings = book(sec, mass, frequency=Frequency.WEEKLY, until=date(2022, 10, 10))
    assert [b.date for b in bookings] == [date(2022, 9, 12) + timedelta(weeks=i) for i in range(5)]
    series = Series.objects.get()
    assert all(b.series == series for b in bookings)
    assert series.until_date == date(2022, 10, 10) and series.frequency == Frequency.WEEKLY


def test_series_every_two_weeks_keeps_local_time_across_dst(sec, mass):
    bookings = book(sec, mass, frequency=Frequency.BIWEEKLY, until=date(2022, 11, 7))
    assert [b.date for b in bookings] == [date(2022, 9, 12) + timedelta(weeks=2 * i) for i in range(5)]
    # 10:00 local every time: 08:00 UTC in summer time, 09:00 UTC after 30 October (7 November).
    assert [b.starts_at.astimezone(UTC).hour for b in bookings] == [8, 8, 8, 8, 9]


@pytest.mark.parametrize(
    ("frequency", "until", "field", "fragment"),
    [
        (Frequency.WEEKLY, None, "until", "tot en met welke datum"),
        ("", date(2022, 10, 1), "frequency", "hoe vaak"),
        (Frequency.WEEKLY, date(2022, 9, 1), "until", "na de eerste datum"),
        (Frequency.WEEKLY, date(2023, 9, 30), "until", "hoogstens een jaar"),
    ],
)
def test_series_rule_errors(sec, mass, frequency, until, field, fragment):
    with pytest.raises(ValidationError) as exc:
        book(sec, mass, frequency=frequency, until=until)
    assert fragment in errors_of(exc)[field][0]


def test_series_with_one_conflicting_date_is_refused_naming_that_date(sec, mass):
    book(sec, mass, date=date(2022, 9, 26), title="Bestaand overleg")
    with pytest.raises(ValidationError) as exc:
        book(sec, mass, frequency=Frequency.WEEKLY, until=date(2022, 10, 10), title="Nieuwe reeks")
    message = errors_of(exc)["room"][0]
    assert "maandag 26 sep. 2022" in message and "Bestaand overleg" in message
    assert Booking.objects.count() == 1 and not Series.objects.exists()


def test_series_over_budget_marks_only_the_weeks_over_budget(sec, mass):
    book(sec, mass, date=date(2022, 9, 27), planned_hours=Decimal(7), room=None, support_kinds=[SupportKind.NOTULEREN])
    with pytest.raises(ValidationError) as exc:
        book(sec, mass, frequency=Frequency.WEEKLY, until=date(2022, 10, 3))
    assert "week 39 van 2022: 9,0 uur geboekt" in errors_of(exc)["over_budget_reason"][0]
    bookings = book(sec, mass, frequency=Frequency.WEEKLY, until=date(2022, 10, 3), over_budget_reason="Piek")
    assert [b.over_budget_reason for b in bookings] == ["", "", "Piek", ""]


def test_update_one_occurrence_deviates_from_the_series(sec, sec2, mass):
    bookings = book(sec, mass, frequency=Frequency.WEEKLY, until=date(2022, 9, 26), medewerker=sec2)
    second = bookings[1]
    changed = services.booking_update(
        actor=sec,
        booking=second,
        overleg_type=second.overleg_type,
        title=second.title,
        date=second.date,
        start_time=time(11),  # overlaps its own old slot: that is no conflict
        end_time=time(13),
        support_kinds=second.support_kinds,
        room=second.room,
        medewerker=sec2,
    )
    assert changed.deviates_from_series and changed.sequence == 1
    assert changed.starts_at.astimezone(UTC).hour == 9  # 11:00 CEST
    assert not Booking.objects.get(pk=bookings[0].pk).deviates_from_series


def _update_kwargs(booking, **changes):
    values = {
        "overleg_type": booking.overleg_type,
        "title": booking.title,
        "date": booking.date,
        "start_time": booking.start_time,
        "end_time": booking.end_time,
        "support_kinds": booking.support_kinds,
        "room": booking.room,
        "medewerker": booking.medewerker,
        "planned_hours": booking.planned_hours,
    }
    return values | changes


def test_update_checks_conflicts_with_other_bookings(sec, mass):
    book(sec, mass, title="Eerste")
    [second] = book(sec, mass, start_time=time(13), end_time=time(14), title="Tweede")
    with pytest.raises(ValidationError) as exc:
        services.booking_update(actor=sec, booking=second, **_update_kwargs(second, start_time=time(11)))
    assert "Eerste" in errors_of(exc)["room"][0]


def test_confirmed_booking_keeps_a_medewerker(sec, sec2, mass):
    [booking] = book(sec, mass, medewerker=sec2)
    with pytest.raises(ValidationError) as exc:
        services.booking_update(actor=sec, booking=booking, **_update_kwargs(booking, medewerker=None))
    assert "medewerker" in errors_of(exc)


def test_only_secretariaat_updates(mass, sec):
    [booking] = book(sec, mass)
    with pytest.raises(PermissionDenied):
        services.booking_update(actor=factories.partner_user(mass), booking=booking, **_update_kwargs(booking))
