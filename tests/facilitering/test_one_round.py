"""Issue 16: a (recurring) booking form names every problem in one answer; a conflict is a short list naming the
booking in the way, with the rooms and medewerkers that are free instead; conditional fields say when needed."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from facilitering import services
from facilitering.models import Booking

from ..conftest import verified_client
from ..triage.helpers import field_errors
from . import factories
from .factories import book
from .test_views import form_data

pytestmark = pytest.mark.django_db
NOW = datetime(2022, 9, 1, 10, tzinfo=UTC)
CREATE = reverse("facilitering:booking_create")


@time_machine.travel(NOW)
def test_a_recurring_request_with_a_bad_field_names_the_series_errors_too(sec, mass):
    client = verified_client(factories.partner_user(mass))
    # A wrong number of participants (a form error) and a series without an end date (a rule of the service).
    data = form_data(participants="0", frequency="wekelijks", until="", title="")
    response = client.post(CREATE, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert field_errors(page, "id_participants").startswith("Fout: ")
    assert field_errors(page, "id_until") == "Fout: Vul in tot en met welke datum de reeks loopt."
    assert field_errors(page, "id_title") == "Fout: Dit veld is verplicht."  # the form's message, not repeated
    assert page.count("Vul de titel van het overleg in") == 0
    assert not Booking.objects.exists()


@time_machine.travel(NOW)
def test_a_bad_field_and_a_conflict_show_together(sec, mass):
    book(sec, mass, title="Bestaand overleg")
    client = verified_client(factories.partner_user(mass))
    response = client.post(CREATE, form_data(participants="0"))
    page = response.content.decode()
    assert field_errors(page, "id_participants").startswith("Fout: ")
    assert "Dubbele boeking: Zaal Mark is op maandag 12 sep. 2022" in field_errors(page, "id_room")
    assert Booking.objects.count() == 1


@time_machine.travel(NOW)
def test_the_rule_check_without_saving_saves_nothing(sec, mass):
    errors = services.booking_request_errors(
        actor=sec,
        details=services.BookingRequest(
            organisation=mass,
            overleg_type="mass_casusoverleg",
            title="",
            date=date(2022, 9, 12),
            start_time=None,
            end_time=None,
            support_kinds=[],
        ),
    )
    assert set(errors) >= {"title", "start_time", "end_time", "support_kinds"}
    assert not Booking.objects.exists()


@time_machine.travel(NOW)
def test_a_conflict_names_the_booking_and_suggests_free_rooms_and_medewerkers(sec, sec2, mass):
    mark = factories.room("Mark", 12)
    factories.room("Aa", 20)
    factories.room("Klein", 4)
    [other] = book(sec, mass, title="Bestaand overleg", room=mark, medewerker=sec2)
    client = verified_client(sec)
    response = client.post(CREATE, form_data(organisation=mass.pk, room=mark.pk, medewerker=sec2.pk, participants="8"))
    assert response.status_code == 200
    page = response.content.decode()
    box = page[page.index('class="conflict-list"') :]
    assert reverse("facilitering:booking_detail", args=[other.pk]) in box and "Bestaand overleg" in box
    assert "Vrije zalen op dit tijdstip:</strong> Aa (20 personen)" in box  # Klein is too small, Mark is taken
    medewerkers = box[box.index("Vrije medewerkers op dit tijdstip:") :].split("</p>")[0]
    assert "Sanne Smits sec," in medewerkers + "," and "sec2" not in medewerkers  # sec2 has the other booking
    assert Booking.objects.count() == 1


@time_machine.travel(NOW)
def test_a_partner_sees_that_the_room_is_taken_not_by_whom(sec, mass):
    vt = factories.organisation("Veilig Thuis")
    factories.agreement(vt)
    book(sec, vt, title="Geheim overleg")
    client = verified_client(factories.partner_user(mass))
    page = client.post(CREATE, form_data()).content.decode()
    box = page[page.index('class="conflict-list"') :]
    assert "bezet" in box and "Geheim overleg" not in box and "Vrije medewerkers" not in box


@time_machine.travel(NOW)
def test_conditional_fields_say_when_they_are_needed(sec, mass):
    page = verified_client(sec).get(CREATE).content.decode()
    assert 'Herhalen tot en met <span class="field__optional">(verplicht bij een reeks)</span>' in page
    assert "(verplicht als u een zaal reserveert)" in page
