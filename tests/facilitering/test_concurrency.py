"""PostgreSQL refuses overlapping bookings itself, also when two requests arrive at the same moment."""

import threading
from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction

from facilitering import services
from facilitering.models import Booking

from . import factories
from .factories import book

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints: PostgreSQL")


@postgres_only
@pytest.mark.django_db
def test_database_refuses_an_overlap_that_bypasses_the_service(sec, mass):
    [booking] = book(sec, mass)
    clone = Booking.objects.get(pk=booking.pk)
    clone.pk = None
    with pytest.raises(IntegrityError, match="fac_booking_no_room_overlap"), transaction.atomic():
        clone.save()
    clone.status = "geannuleerd"
    clone.cancel_reason = "Vervalt"
    clone.save()  # cancelled bookings do not count


@postgres_only
@pytest.mark.django_db
def test_an_overlap_refused_by_the_database_becomes_a_dutch_message(sec, mass):
    [booking] = book(sec, mass)
    clone = Booking.objects.get(pk=booking.pk)
    clone.pk = None
    with pytest.raises(ValidationError, match="Dubbele boeking"):
        services.bookings.save_booking(clone)


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_requests_for_one_room_give_one_booking(mass):
    staff = [factories.secretariaat(f"sec{i}") for i in range(2)]
    factories.room()
    barrier = threading.Barrier(2)
    outcomes = []

    def request(actor, title):
        try:
            barrier.wait(timeout=5)
            book(actor, mass, title=title, date=date(2022, 9, 12), start_time=time(10), end_time=time(12))
            outcomes.append("ok")
        except ValidationError as exc:
            outcomes.append(" ".join(exc.messages))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=request, args=(user, f"Overleg {i}")) for i, user in enumerate(staff)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(outcomes)[-1] == "ok" and outcomes.count("ok") == 1, outcomes
    assert "Dubbele boeking" in [o for o in outcomes if o != "ok"][0]
    assert Booking.objects.count() == 1
