"""The .ics download and the personal feed parse with real iCalendar parsers and land at the right local time."""

import hashlib
import io
from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
import time_machine
from dateutil import tz as dateutil_tz
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from facilitering import services
from facilitering.models import CalendarFeed

from ..conftest import verified_client
from . import factories
from .factories import book

pytestmark = pytest.mark.django_db


def parse(content: bytes) -> Calendar:
    return Calendar.from_ical(content)


def vtimezone_as_imported(content: bytes):
    """The VTIMEZONE as a calendar program reads it, with dateutil's own parser (not Python's zoneinfo)."""
    text = content.decode()
    block = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE") + len("END:VTIMEZONE")]
    return dateutil_tz.tzical(io.StringIO(block.replace("\r\n ", "").replace("\r\n", "\n"))).get("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [(date(2022, 1, 17), 9), (date(2022, 7, 18), 8), (date(2022, 10, 31), 9), (date(2022, 10, 24), 8)],
    ids=["winter", "zomer", "na-wintertijd", "voor-wintertijd"],
)
def test_booking_ics_carries_europe_amsterdam_with_its_vtimezone(client_for, sec, mass, day, utc_hour):
    [booking] = book(sec, mass, date=day, notes="Sleutel bij de receptie")
    client, _ = client_for("secretariaat")
    response = client.get(reverse("facilitering:booking_ics", args=[booking.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert f'filename="boeking-{booking.pk}.ics"' in response["Content-Disposition"]
    calendar = parse(response.content)
    [event] = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert [c["TZID"] for c in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    # Imported with the file's own VTIMEZONE, 10:00 local is the right moment in UTC.
    imported = vtimezone_as_imported(response.content)
    start = event.decoded("DTSTART").replace(tzinfo=imported)
    assert start.astimezone(UTC) == datetime.combine(day, time(utc_hour), tzinfo=UTC)
    assert start.astimezone(UTC) == booking.starts_at
    assert event.decoded("DTEND").replace(tzinfo=imported).astimezone(UTC) == booking.ends_at
    assert str(event["SUMMARY"]) == "MaSS casusoverleg Breda"
    assert "Mark" in str(event["LOCATION"])
    assert "Sleutel" not in response.content.decode()  # notes never leave the application
    assert str(event["STATUS"]) == "TENTATIVE"


def test_status_and_sequence_follow_the_booking(client_for, sec, sec2, mass):
    [booking] = book(sec, mass)
    services.booking_confirm(actor=sec, booking=booking, medewerker=sec2)
    client, _ = client_for("secretariaat")
    [event] = parse(client.get(reverse("facilitering:booking_ics", args=[booking.pk])).content).walk("VEVENT")
    assert str(event["STATUS"]) == "CONFIRMED" and event["SEQUENCE"] == 1
    assert "Medewerker secretariaat: Sanne Smits sec2" in str(event["DESCRIPTION"])
    services.booking_cancel(actor=sec, booking=booking, reason="Vervalt")
    [event] = parse(client.get(reverse("facilitering:booking_ics", args=[booking.pk])).content).walk("VEVENT")
    assert str(event["STATUS"]) == "CANCELLED" and event["SEQUENCE"] == 2
    assert str(event["UID"]) == f"facilitering-boeking-{booking.pk}@zvh-casusregie"


def test_partner_downloads_only_own_organisations_ics(sec, mass):
    [booking] = book(sec, mass)
    own = verified_client(factories.partner_user(mass))
    other = verified_client(factories.partner_user(factories.organisation("Politie"), "agent"))
    assert own.get(reverse("facilitering:booking_ics", args=[booking.pk])).status_code == 200
    assert other.get(reverse("facilitering:booking_ics", args=[booking.pk])).status_code == 404


def feed_url(token: str) -> str:
    return reverse("facilitering:feed", kwargs={"token": token})


@time_machine.travel(datetime(2022, 9, 1, 10, tzinfo=UTC))
def test_feed_holds_only_the_users_own_bookings_and_needs_no_login(sec, sec2, mass):
    mine = book(sec, mass, medewerker=sec2, title="Mijn overleg")[0]
    book(sec, mass, medewerker=sec, title="Andermans overleg", start_time=time(13), end_time=time(14))
    contact = factories.partner_user(mass)
    requested = book(contact, mass, date=date(2022, 9, 13), title="Aangevraagd door de partner")[0]
    token = services.feed_token_create(user=sec2)
    response = Client().get(feed_url(token))
    assert response.status_code == 200
    summaries = [str(e["SUMMARY"]) for e in parse(response.content).walk("VEVENT")]
    assert summaries == ["Mijn overleg"]
    assert mine.pk
    partner_token = services.feed_token_create(user=contact)
    summaries = [str(e["SUMMARY"]) for e in parse(Client().get(feed_url(partner_token)).content).walk("VEVENT")]
    assert summaries == [requested.title]


def test_feed_token_is_stored_hashed_and_can_be_revoked_and_renewed(sec):
    token = services.feed_token_create(user=sec)
    assert len(token) >= 43
    stored = CalendarFeed.objects.get(user=sec)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest() and token not in stored.token_hash
    renewed = services.feed_token_create(user=sec)
    assert Client().get(feed_url(token)).status_code == 404
    assert Client().get(feed_url(renewed)).status_code == 200
    assert services.feed_token_revoke(user=sec)
    assert Client().get(feed_url(renewed)).status_code == 404
    assert not services.feed_token_revoke(user=sec)


def test_feed_of_a_deactivated_user_stops(sec):
    token = services.feed_token_create(user=sec)
    sec.is_active = False
    sec.save()
    assert Client().get(feed_url(token)).status_code == 404


def test_feed_settings_page_shows_the_address_again_until_it_is_renewed(client_for):
    client, user = client_for("secretariaat")
    url = reverse("facilitering:feed_settings")
    assert "U hebt nog geen agenda-abonnement" in client.get(url).content.decode()
    response = client.post(url, {"actie": "aanmaken"}, follow=True)
    page = response.content.decode()
    assert "http://testserver/facilitering/feed/" in page
    assert '<details class="fac-feed" open>' in page  # a new address is shown unfolded
    token = page.split("/facilitering/feed/")[1].split(".ics")[0]
    assert Client().get(feed_url(token)).status_code == 200
    again = client.get(url).content.decode()
    assert token in again and "U hebt een agenda-abonnement sinds" in again
    assert '<details class="fac-feed">' in again  # folded: shown on request
    assert 'data-copy-target="feed-url"' in again and "js/copy.js" in again
    client.post(url, {"actie": "vernieuwen"})
    renewed = client.get(url).content.decode()
    assert token not in renewed
    client.post(url, {"actie": "intrekken"})
    assert Client().get(feed_url(token)).status_code == 404
    assert not CalendarFeed.objects.filter(user=user).exists()


def test_the_database_alone_does_not_give_the_feed_address(sec, settings):
    token = services.feed_token_create(user=sec)
    feed = CalendarFeed.objects.get(user=sec)
    assert token not in (feed.token_salt, feed.token_hash)
    assert services.feed_token(feed) == token
    settings.SECRET_KEY = "een-andere-sleutel-" + "x" * 40
    assert services.feed_token(feed) is None  # not rebuilt without the key (and never a wrong address)


def test_a_feed_made_before_salts_is_not_shown_again_but_still_works(client_for):
    client, user = client_for("secretariaat")
    token = "oud-" + "a" * 40
    CalendarFeed.objects.create(user=user, token_hash=hashlib.sha256(token.encode()).hexdigest())
    page = client.get(reverse("facilitering:feed_settings")).content.decode()
    assert "kan niet opnieuw worden getoond" in page and token not in page
    assert Client().get(feed_url(token)).status_code == 200


def test_realised_booking_in_feed_keeps_hours_out(sec, sec2, mass):
    [booking] = book(sec, mass, medewerker=sec2)
    services.booking_realise(actor=sec, booking=booking, realised_hours=Decimal(2))
    token = services.feed_token_create(user=sec2)
    with time_machine.travel(datetime(2022, 9, 20, tzinfo=UTC)):
        content = Client().get(feed_url(token)).content
    [event] = parse(content).walk("VEVENT")
    assert str(event["STATUS"]) == "CONFIRMED"


def test_feed_token_changes_are_audited_without_the_fingerprint(sec):
    from auditlog.models import LogEntry

    services.feed_token_create(user=sec)
    feed = CalendarFeed.objects.get(user=sec)
    [entry] = LogEntry.objects.get_for_object(feed)
    assert "token_hash" not in entry.changes_dict and feed.token_hash not in str(entry.changes)
    assert "token_salt" not in entry.changes_dict and feed.token_salt not in str(entry.changes)
    services.feed_token_revoke(user=sec)
    assert LogEntry.objects.filter(object_pk=str(feed.pk), action=LogEntry.Action.DELETE).exists()
