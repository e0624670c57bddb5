"""Status changes: aangevraagd → bevestigd → uitgevoerd (with hours), or geannuleerd (with a reason)."""

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from facilitering import services
from facilitering.choices import BookingStatus, Frequency
from facilitering.models import Booking

from . import factories
from .factories import book

pytestmark = pytest.mark.django_db


def test_confirm_assigns_a_medewerker(sec, sec2, mass):
    [booking] = book(sec, mass)
    confirmed = services.booking_confirm(actor=sec, booking=booking, medewerker=sec2)
    assert confirmed.status == BookingStatus.BEVESTIGD and confirmed.medewerker == sec2
    assert confirmed.confirmed_by == sec and confirmed.sequence == 1


def test_confirm_needs_a_free_secretariaat_medewerker(sec, sec2, mass):
    [booking] = book(sec, mass)
    with pytest.raises(ValidationError) as exc:
        services.booking_confirm(actor=sec, booking=booking, medewerker=None)
    assert "Kies de medewerker" in exc.value.message_dict["medewerker"][0]
    book(sec, mass, room=factories.room("Spreekkamer", 4), medewerker=sec2, title="Ander overleg")
    with pytest.raises(ValidationError) as exc:
        services.booking_confirm(actor=sec, booking=booking, medewerker=sec2)
    assert "al geboekt voor ‘Ander overleg’" in exc.value.message_dict["medewerker"][0]
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.AANGEVRAAGD


def test_only_requests_are_confirmed_and_only_by_secretariaat(sec, sec2, mass):
    [booking] = book(sec, mass, medewerker=sec2)
    with pytest.raises(ValidationError, match="Alleen een aangevraagde boeking"):
        services.booking_confirm(actor=sec, booking=booking, medewerker=sec2)
    with pytest.raises(PermissionDenied):
        services.booking_confirm(actor=factories.partner_user(mass), booking=booking, medewerker=sec2)


@time_machine.travel(datetime(2022, 9, 12, 15, tzinfo=UTC))
def test_realise_records_actual_hours_on_the_day_itself(sec, sec2, mass):
    [booking] = book(sec, mass, medewerker=sec2)
    done = services.booking_realise(actor=sec, booking=booking, realised_hours=Decimal("2.75"))
    assert done.status == BookingStatus.UITGEVOERD and done.realised_hours == Decimal("2.75")
    corrected = services.booking_realise(actor=sec, booking=done, realised_hours=Decimal("3"))
    assert corrected.realised_hours == Decimal("3")


@time_machine.travel(datetime(2022, 9, 11, 15, tzinfo=UTC))
def test_future_booking_cannot_be_realised(sec, sec2, mass):
    [booking] = book(sec, mass, medewerker=sec2)
    with pytest.raises(ValidationError) as exc:
        services.booking_realise(actor=sec, booking=booking, realised_hours=Decimal(2))
    assert "toekomst" in exc.value.message_dict["realised_hours"][0]


@pytest.mark.parametrize("hours", [None, Decimal("0"), Decimal("0.1"), Decimal("25")])
def test_realised_hours_must_be_sensible(sec, sec2, mass, hours):
    [booking] = book(sec, mass, medewerker=sec2)
    with pytest.raises(ValidationError) as exc:
        services.booking_realise(actor=sec, booking=booking, realised_hours=hours)
    assert "tussen 0,25 en 24" in exc.value.message_dict["realised_hours"][0]


def test_a_request_cannot_be_realised_before_it_is_confirmed(sec, mass):
    [booking] = book(sec, mass)
    with pytest.raises(ValidationError, match="Alleen een bevestigde boeking"):
        services.booking_realise(actor=sec, booking=booking, realised_hours=Decimal(2))


def test_cancel_needs_a_reason_and_frees_the_room(sec, mass):
    [booking] = book(sec, mass)
    with pytest.raises(ValidationError) as exc:
        services.booking_cancel(actor=sec, booking=booking, reason="  ")
    assert exc.value.message_dict["reason"] == ["Vul de reden van de annulering in."]
    cancelled = services.booking_cancel(actor=sec, booking=booking, reason="Partner zegt af")
    assert cancelled.status == BookingStatus.GEANNULEERD and cancelled.cancel_reason == "Partner zegt af"
    assert book(sec, mass)  # the room is free again


def test_carried_out_booking_cannot_be_cancelled(sec, sec2, mass):
    [booking] = book(sec, mass, medewerker=sec2)
    services.booking_realise(actor=sec, booking=booking, realised_hours=Decimal(2))
    with pytest.raises(ValidationError, match="al uitgevoerd of geannuleerd"):
        services.booking_cancel(actor=sec, booking=booking, reason="Te laat")


def test_partner_cancels_own_organisations_booking_only(sec, mass):
    [booking] = book(sec, mass)
    with pytest.raises(PermissionDenied):
        services.booking_cancel(
            actor=factories.partner_user(factories.organisation("Politie"), "agent"), booking=booking, reason="x"
        )
    services.booking_cancel(actor=factories.partner_user(mass), booking=booking, reason="Vervalt")
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.GEANNULEERD


def test_series_confirm_confirms_every_request_with_one_medewerker(sec, sec2, mass):
    bookings = book(sec, mass, frequency=Frequency.WEEKLY, until=date(2022, 10, 3))
    services.booking_cancel(actor=sec, booking=bookings[1], reason="Vervalt")
    confirmed = services.series_confirm(actor=sec, series=bookings[0].series, medewerker=sec2)
    assert len(confirmed) == 3
    statuses = list(Booking.objects.order_by("date").values_list("status", "medewerker"))
    assert statuses[1] == (BookingStatus.GEANNULEERD, None)
    assert all(s == (BookingStatus.BEVESTIGD, sec2.pk) for i, s in enumerate(statuses) if i != 1)


def test_series_confirm_refuses_when_the_medewerker_is_busy_on_one_date(sec, sec2, mass):
    bookings = book(sec, mass, frequency=Frequency.WEEKLY, until=date(2022, 10, 3))
    book(
        sec,
        mass,
        date=date(2022, 9, 26),
        start_time=time(11),
        room=None,
        support_kinds=["notuleren"],
        medewerker=sec2,
        title="Ander werk",
    )
    with pytest.raises(ValidationError) as exc:
        services.series_confirm(actor=sec, series=bookings[0].series, medewerker=sec2)
    assert "maandag 26 sep. 2022" in exc.value.message_dict["medewerker"][0]
    assert not Booking.objects.filter(series=bookings[0].series, status=BookingStatus.BEVESTIGD).exists()


def test_series_cancel_from_a_date_keeps_earlier_and_carried_out_occurrences(sec, sec2, mass):
    bookings = book(sec, mass, frequency=Frequency.WEEKLY, until=date(2022, 10, 3), medewerker=sec2)
    services.booking_realise(actor=sec, booking=bookings[0], realised_hours=Decimal(2))
    cancelled = services.series_cancel(
        actor=sec, series=bookings[0].series, from_date=date(2022, 9, 19), reason="Overleg stopt"
    )
    assert [b.date for b in cancelled] == [date(2022, 9, 19), date(2022, 9, 26), date(2022, 10, 3)]
    assert Booking.objects.get(pk=bookings[0].pk).status == BookingStatus.UITGEVOERD
    with pytest.raises(ValidationError) as exc:
        services.series_cancel(actor=sec, series=bookings[0].series, from_date=date(2022, 9, 19), reason="x")
    assert "geen boekingen meer" in exc.value.message_dict["from_date"][0]


def test_series_cancel_needs_date_and_reason_and_own_organisation(sec, mass):
    bookings = book(sec, mass, frequency=Frequency.WEEKLY, until=date(2022, 10, 3))
    with pytest.raises(ValidationError) as exc:
        services.series_cancel(actor=sec, series=bookings[0].series, from_date=None, reason="")
    assert set(exc.value.message_dict) == {"from_date", "reason"}
    with pytest.raises(PermissionDenied):
        services.series_cancel(
            actor=factories.partner_user(factories.organisation("Politie"), "agent"),
            series=bookings[0].series,
            from_date=date(2022, 9, 1),
            reason="x",
        )


def test_realised_week_warning_when_realised_hours_exceed_the_budget(sec, sec2, mass):
    [booking] = book(sec, mass, medewerker=sec2)
    services.booking_realise(actor=sec, booking=booking, realised_hours=Decimal(8))
    assert services.realised_week_warning(booking) == ""
    services.booking_realise(actor=sec, booking=booking, realised_hours=Decimal("9.5"))
    assert services.realised_week_warning(booking) == (
        "Let op: voor MaSS is in week 37 nu 9,5 uur gerealiseerd, boven het budget van 8,0 uur."
    )


def test_every_change_is_audited(sec, sec2, mass):
    [booking] = book(sec, mass)
    services.booking_confirm(actor=sec, booking=booking, medewerker=sec2)
    services.booking_cancel(actor=sec, booking=booking, reason="Vervalt")
    entries = LogEntry.objects.get_for_object(booking).order_by("timestamp")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.UPDATE]
    assert entries.last().changes_dict["status"] == ["bevestigd", "geannuleerd"]
