"""The .ics downloads next to every casusoverleg and booking: valid iCalendar, access-checked, no personal data."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from cases import services as case_services
from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role

from .conftest import JAN, grant_to

pytestmark = pytest.mark.django_db


def ics_url(overleg) -> str:
    return reverse("cases:overleg_ics", args=[overleg.pk])


@pytest.fixture
def agenda(casus, regisseur, overleg):
    case_services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
    return overleg


def test_an_invited_partner_downloads_the_meeting(agenda, casus, regisseur, politie, agent):
    grant_to(casus, regisseur, politie)
    response = verified_client(agent).get(ics_url(agenda))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="casusoverleg-{agenda.pk}.ics"'
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0" and calendar.walk("VTIMEZONE")
    [event] = calendar.walk("VEVENT")
    start = timezone.localtime(agenda.datum_tijd)
    assert event.decoded("dtstart") == start and event.decoded("dtend") == start + timedelta(hours=2)
    assert str(event["UID"]) == f"casusoverleg-{agenda.pk}@zvh-casusregie"
    assert str(event["SUMMARY"]).startswith("Casusoverleg (veiligheidshuistafel)")
    assert reverse("cases:overleg_detail", args=[agenda.pk]) in str(event["DESCRIPTION"])
    text = response.content.decode()
    for needle in (*JAN, casus.nummer):
        assert needle not in text


def test_a_partner_not_invited_gets_404(agenda, politie, agent):
    assert verified_client(agent).get(ics_url(agenda)).status_code == 404


def test_zvh_staff_and_other_roles(agenda, regisseur):
    assert verified_client(regisseur).get(ics_url(agenda)).status_code == 200
    secretariaat = make_user(Role.SECRETARIAAT)
    assert verified_client(secretariaat).get(ics_url(agenda)).status_code == 404  # not supporting this meeting
    agenda.ondersteuning.add(secretariaat)
    assert verified_client(secretariaat).get(ics_url(agenda)).status_code == 200
    assert verified_client(make_user(Role.MANAGER)).get(ics_url(agenda)).status_code == 403


def test_the_meeting_pages_offer_the_download(agenda, regisseur):
    client = verified_client(regisseur)
    link = f'href="{ics_url(agenda)}" download'
    assert link in client.get(reverse("cases:overleg_list")).content.decode()
    assert link in client.get(reverse("cases:overleg_detail", args=[agenda.pk])).content.decode()


def test_control_characters_in_the_location_do_not_break_the_file(overleg, regisseur):
    overleg.locatie = "Zaal 2\r\nATTENDEE:mailto:x@example.org"
    overleg.save()
    content = verified_client(regisseur).get(ics_url(overleg)).content.decode()
    assert "\r\nATTENDEE" not in content
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert "ATTENDEE" not in event


def test_every_booking_row_offers_its_ics(db):
    from tests.facilitering import factories
    from tests.facilitering.factories import book

    sec = factories.secretariaat()
    mass = factories.organisation("MaSS")
    factories.agreement(mass)
    [booking] = book(sec, mass)
    series = book(
        sec,
        mass,
        date=booking.date + timedelta(days=1),
        frequency="wekelijks",
        until=booking.date + timedelta(days=15),
        planned_hours=Decimal(2),
    )[0].series
    client = verified_client(sec)
    link = f'href="{reverse("facilitering:booking_ics", args=[booking.pk])}" download'
    assert link in client.get(reverse("facilitering:booking_list")).content.decode()
    series_page = client.get(reverse("facilitering:series_detail", args=[series.pk])).content.decode()
    assert series_page.count('.ics" download') == series.bookings.count()
