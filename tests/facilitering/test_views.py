"""Pages: role and organisation scope, forms that keep what was typed, Dutch messages, query budgets."""

import re
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from facilitering import services
from facilitering.choices import BookingStatus, OverlegType, SupportKind
from facilitering.models import Agreement, Booking, Series
from zvh.accounts.choices import Role
from zvh.core.navigation import items_for

from ..conftest import verified_client
from . import factories
from .factories import book

pytestmark = pytest.mark.django_db
NOW = datetime(2022, 9, 1, 10, tzinfo=UTC)


def form_data(**overrides) -> dict:
    data = {
        "overleg_type": OverlegType.MASS_CASUSOVERLEG,
        "title": "MaSS casusoverleg Breda",
        "date": "2022-09-12",
        "start_time": "10:00",
        "end_time": "12:00",
        "frequency": "",
        "until": "",
        "room": factories.room().pk,
        "participants": "",
        "support_kinds": ["notuleren", "zaalreservering"],
        "planned_hours": "",
        "notes": "",
        "over_budget_reason": "",
    }
    return data | overrides


def test_partner_sees_only_own_organisations_bookings(sec, mass):
    book(sec, mass, title="Van MaSS")
    politie = factories.organisation("Politie")
    factories.agreement(politie, types=[OverlegType.OVERIG])
    book(sec, politie, overleg_type=OverlegType.OVERIG, title="Van de politie", start_time=time(14), end_time=time(15))
    page = verified_client(factories.partner_user(mass)).get(reverse("facilitering:booking_list")).content.decode()
    assert "Van MaSS" in page and "Van de politie" not in page
    staff_page = verified_client(sec).get(reverse("facilitering:booking_list")).content.decode()
    assert "Van MaSS" in staff_page and "Van de politie" in staff_page
    assert "Er zijn 2 aanvragen die nog bevestigd moeten worden." in staff_page


def test_booking_list_query_count_is_flat(sec, sec2, mass, django_assert_max_num_queries):
    book(sec, mass, frequency="wekelijks", until=date(2022, 12, 12), medewerker=sec2)
    client = verified_client(sec)
    with django_assert_max_num_queries(16):  # constant: 14 bookings on the page
        response = client.get(reverse("facilitering:booking_list"))
    assert response.content.decode().count('href="/facilitering/boekingen/') >= 14


def test_list_filters_on_status_and_bad_dates_give_a_message(sec, mass):
    [booking] = book(sec, mass)
    services.booking_cancel(actor=sec, booking=booking, reason="Vervalt")
    book(sec, mass, title="Staat nog", date=date(2022, 9, 13))
    client = verified_client(sec)
    page = client.get(reverse("facilitering:booking_list"), {"status": "geannuleerd"}).content.decode()
    assert "MaSS casusoverleg Breda" in page and "Staat nog" not in page
    response = client.get(reverse("facilitering:booking_list"), {"van": "morgen"})
    assert response.status_code == 200 and "Voer een geldige datum in" in response.content.decode()


@time_machine.travel(NOW)
def test_partner_requests_support_for_own_organisation(mass):
    contact = factories.partner_user(mass)
    other = factories.organisation("Politie")
    factories.agreement(other, types=[OverlegType.MASS_CASUSOVERLEG])
    client = verified_client(contact)
    page = client.get(reverse("facilitering:booking_create")).content.decode()
    assert 'name="organisation"' not in page and 'name="medewerker"' not in page
    response = client.post(reverse("facilitering:booking_create"), form_data(organisation=other.pk))
    booking = Booking.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/facilitering/boekingen/{booking.pk}/"
    assert booking.organisation == mass and booking.status == BookingStatus.AANGEVRAAGD


@time_machine.travel(NOW)
def test_partner_without_agreement_gets_a_notice_not_a_form():
    client = verified_client(factories.partner_user(factories.organisation("Politie"), "agent"))
    page = client.get(reverse("facilitering:booking_create")).content.decode()
    assert "Politie heeft (nog) geen faciliteringsafspraak met het ZVH" in page and 'name="title"' not in page


@time_machine.travel(NOW)
def test_refused_request_keeps_everything_typed_and_says_why_in_dutch(sec, mass):
    book(sec, mass, title="Bestaand overleg")
    client = verified_client(factories.partner_user(mass))
    data = form_data(title="Mijn nieuwe overleg", notes="Graag koffie en thee", participants="8")
    response = client.post(reverse("facilitering:booking_create"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Controleer het formulier" in page
    assert "Dubbele boeking: Zaal Mark is op maandag 12 sep. 2022 van 10:00 tot 12:00 al bezet" in page
    assert 'value="Mijn nieuwe overleg"' in page and "Graag koffie en thee" in page and 'value="8"' in page
    assert 'aria-describedby="id_room_helptext id_room_error"' in page or 'id="id_room_error"' in page
    assert Booking.objects.count() == 1


def test_invalid_form_input_is_a_form_error_not_a_500(sec, mass):
    client = verified_client(sec)
    response = client.post(
        reverse("facilitering:booking_create"),
        form_data(organisation=mass.pk, date="12-13-2022", start_time="25:00", planned_hours="veel"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Voer een geldige datum in" in page and "Voer een geldige tijd in" in page and "Voer een getal in" in page


def test_secretariaat_books_a_series_and_lands_on_it(sec, sec2, mass):
    client = verified_client(sec)
    response = client.post(
        reverse("facilitering:booking_create"),
        form_data(
            organisation=mass.pk, frequency="tweewekelijks", until="2022-10-24", medewerker=sec2.pk, planned_hours="2,5"
        ),
    )
    series = Series.objects.get()
    assert response["Location"] == reverse("facilitering:series_detail", args=[series.pk])
    assert set(series.bookings.values_list("status", "planned_hours")) == {(BookingStatus.BEVESTIGD, Decimal("2.5"))}
    page = client.get(response["Location"]).content.decode()
    assert "De reeks is vastgelegd met 4 boekingen." in page and "Om de week" in page


def test_over_budget_booking_asks_for_a_reason_then_shows_a_warning(sec, mass):
    client = verified_client(sec)
    data = form_data(organisation=mass.pk, planned_hours="9")
    page = client.post(reverse("facilitering:booking_create"), data).content.decode()
    assert "Met deze boeking gaat MaSS over het weekbudget (week 37 van 2022: 9,0 uur geboekt, budget 8,0 uur)" in page
    response = client.post(reverse("facilitering:booking_create"), data | {"over_budget_reason": "Extra overleg"})
    detail = client.get(response["Location"]).content.decode()
    assert "Deze boeking brengt de week boven het budget van de partner. Reden: Extra overleg" in detail
    assert "boven budget" in client.get(reverse("facilitering:booking_list")).content.decode()


def test_detail_is_404_for_another_organisations_partner(sec, mass):
    [booking] = book(sec, mass)
    other = verified_client(factories.partner_user(factories.organisation("Politie"), "agent"))
    for name in ("booking_detail", "booking_cancel", "booking_ics"):
        assert other.get(reverse(f"facilitering:{name}", args=[booking.pk])).status_code == 404
    own = verified_client(factories.partner_user(mass))
    page = own.get(reverse("facilitering:booking_detail", args=[booking.pk])).content.decode()
    assert "MaSS casusoverleg Breda" in page and "Bevestigen en toewijzen" not in page
    assert own.get(reverse("facilitering:booking_update", args=[booking.pk])).status_code == 403


def test_confirm_realise_and_cancel_pages(sec, sec2, mass):
    [booking] = book(sec, mass)
    client = verified_client(sec)
    url = reverse("facilitering:booking_confirm", args=[booking.pk])
    page = client.post(url, {"medewerker": ""}).content.decode()
    assert "Dit veld is verplicht" in page
    client.post(url, {"medewerker": sec2.pk})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BEVESTIGD and booking.medewerker == sec2
    assert "Alleen een aangevraagde boeking" in client.get(url).content.decode()
    realise = reverse("facilitering:booking_realise", args=[booking.pk])
    assert 'value="2,00"' in client.get(realise).content.decode()  # planned hours as a start
    response = client.post(realise, {"realised_hours": "2,5"}, follow=True)
    assert "De uitvoering en de uren zijn vastgelegd." in response.content.decode()
    booking.refresh_from_db()
    assert booking.realised_hours == Decimal("2.5") and booking.status == BookingStatus.UITGEVOERD
    cancel = reverse("facilitering:booking_cancel", args=[booking.pk])
    assert "al uitgevoerd of geannuleerd" in client.get(cancel).content.decode()


@time_machine.travel(datetime(2022, 9, 12, 14, tzinfo=UTC))
def test_realising_above_the_budget_shows_a_warning(sec, sec2, mass):
    [booking] = book(sec, mass, medewerker=sec2)
    response = verified_client(sec).post(
        reverse("facilitering:booking_realise", args=[booking.pk]), {"realised_hours": "9"}, follow=True
    )
    assert "boven het budget van 8,0 uur" in response.content.decode()


@time_machine.travel(NOW)
def test_partner_cancels_own_booking_with_a_reason(sec, mass):
    [booking] = book(sec, mass)
    client = verified_client(factories.partner_user(mass))
    url = reverse("facilitering:booking_cancel", args=[booking.pk])
    assert "Dit veld is verplicht" in client.post(url, {"reason": ""}).content.decode()
    client.post(url, {"reason": "Overleg vervalt"})
    booking.refresh_from_db()
    assert booking.status == BookingStatus.GEANNULEERD and booking.cancel_reason == "Overleg vervalt"


def test_update_page_changes_one_occurrence(sec, sec2, mass):
    bookings = book(sec, mass, frequency="wekelijks", until=date(2022, 9, 26), medewerker=sec2)
    client = verified_client(sec)
    url = reverse("facilitering:booking_update", args=[bookings[1].pk])
    page = client.get(url).content.decode()
    assert 'value="MaSS casusoverleg Breda"' in page and "U wijzigt alleen deze ene keer" in page
    data = form_data(start_time="14:00", end_time="15:30", medewerker=sec2.pk)
    data.pop("frequency"), data.pop("until")
    data["date"] = bookings[1].date.isoformat()
    assert client.post(url, data).status_code == 302
    changed = Booking.objects.get(pk=bookings[1].pk)
    assert changed.start_time == time(14) and changed.deviates_from_series
    assert "afwijkend" in client.get(reverse("facilitering:series_detail", args=[changed.series_id])).content.decode()


def test_series_pages_confirm_and_cancel(sec, sec2, mass):
    bookings = book(sec, mass, frequency="wekelijks", until=date(2022, 10, 3))
    series = bookings[0].series
    client = verified_client(sec)
    client.post(reverse("facilitering:series_confirm", args=[series.pk]), {"medewerker": sec2.pk})
    assert set(series.bookings.values_list("status", flat=True)) == {BookingStatus.BEVESTIGD}
    response = client.post(
        reverse("facilitering:series_cancel", args=[series.pk]),
        {"from_date": "2022-09-26", "reason": "Overleg stopt"},
        follow=True,
    )
    assert "2 boekingen zijn geannuleerd." in response.content.decode()


def test_calendar_week_per_room_month_and_list(sec, sec2, mass):
    book(sec, mass, medewerker=sec2)
    client = verified_client(sec)
    url = reverse("facilitering:calendar")
    week = client.get(url, {"datum": "2022-09-14"}).content.decode()
    assert "Week 37: 12 sep. t/m 18 sep. 2022" in week
    assert '<th scope="row">Mark<span class="fac-item__meta">12 personen</span></th>' in week
    assert "10:00–12:00</span> MaSS casusoverleg Breda" in week
    per_person = client.get(url, {"datum": "2022-09-14", "per": "medewerker"}).content.decode()
    assert '<th scope="row">Sanne Smits sec2</th>' in per_person
    per_partner = client.get(url, {"datum": "2022-09-14", "per": "partner"}).content.decode()
    assert '<th scope="row">MaSS</th>' in per_partner
    month = client.get(url, {"datum": "2022-09-01", "periode": "maand"}).content.decode()
    assert "Maandoverzicht september 2022" in month and "MaSS casusoverleg Breda" in month
    assert '<th scope="col">Week</th><th scope="col">maandag</th><th scope="col">dinsdag</th>' in month
    assert '<th scope="row">37</th>' in month
    listing = client.get(url, {"datum": "2022-09-01", "periode": "maand", "weergave": "lijst"}).content.decode()
    assert "Boekingen in deze periode (1)" in listing
    other_week = client.get(url, {"datum": "2022-09-20"}).content.decode()
    assert "MaSS casusoverleg Breda" not in other_week
    assert "?datum=2022-09-05" in week and "?datum=2022-09-19" in week


def test_a_calendar_item_says_what_its_row_does_not(sec, sec2, mass):
    [booking] = book(
        sec, mass, medewerker=sec2, title="Overleg <Breda>", planned_hours=Decimal("9"), over_budget_reason="Extra"
    )
    client = verified_client(sec)
    url = reverse("facilitering:calendar")
    detail, ics = (reverse(f"facilitering:{name}", args=[booking.pk]) for name in ("booking_detail", "booking_ics"))
    item = (
        f'<a href="{detail}"><span class="fac-item__time">10:00–12:00</span> Overleg &lt;Breda&gt;</a>\n'
        '<span class="fac-item__meta">{meta}</span>\n'
        '<span class="tag">bevestigd</span> <span class="tag tag--warning">boven budget</span>\n'
        f'<a href="{ics}" download>In mijn agenda (.ics)'
        '<span class="visually-hidden"> voor Overleg &lt;Breda&gt; op 12 sep. 2022</span></a>'
    )
    room, person = str(booking.room), sec2.display_name
    views = {"zaal": f"MaSS · {person}", "medewerker": f"MaSS · {room}", "partner": f"{room} · {person}"}
    for per, meta in views.items():
        page = client.get(url, {"datum": "2022-09-14", "per": per}).content.decode()
        assert item.replace("{meta}", meta) in page, per
    month = client.get(url, {"datum": "2022-09-01", "periode": "maand"}).content.decode()
    assert item.replace("{meta}", f"MaSS · {person}") in month


# The list view's row as a template fragment, as it was before boeking_rijen built it in Python.
LIST_ROW = """{% for booking in bookings %}<tr>
<td>{{ booking.date|datum_kort:"dag" }}</td>
<td>{{ booking.start_time|time:"H:i" }}–{{ booking.end_time|time:"H:i" }}</td>
<td><a href="{% url 'facilitering:booking_detail' booking.pk %}">{{ booking.title }}</a></td>
<td>{{ booking.organisation }}</td>
<td>{{ booking.room|default:"—" }}</td>
<td>{{ booking.medewerker.display_name|default:"—" }}</td>
<td>{% include "facilitering/_status.html" %}</td>
</tr>
{% endfor %}"""


def test_the_list_view_rows_are_the_template_fragment_they_replace(sec, sec2, mass):
    from django.template import Context, Template

    from facilitering.selectors.calendar import calendar_bookings

    book(sec, mass, medewerker=sec2, title="Overleg <Breda> & co", planned_hours=Decimal("9"), over_budget_reason="X")
    book(sec, mass, room=None, date=date(2022, 9, 21), title="Zonder zaal", support_kinds=[SupportKind.NOTULEREN])
    [cancelled] = book(sec, mass, date=date(2022, 9, 28), title="Geannuleerd", start_time=time(14), end_time=time(15))
    services.booking_cancel(actor=sec, booking=cancelled, reason="Gaat niet door")
    bookings = list(
        calendar_bookings(sec, date(2022, 9, 1), date(2022, 10, 1), room=None, medewerker=None, partner=None)
    )
    assert len(bookings) == 3 and BookingStatus.GEANNULEERD in {b.status for b in bookings}
    context = Context({"bookings": bookings})
    expected = Template(LIST_ROW).render(context)
    built = Template("{% load facilitering %}{% boeking_rijen bookings %}").render(context)
    normalise = lambda html: re.sub(r">\s+<", "><", html.strip())  # noqa: E731 - whitespace between tags only
    assert normalise(built) == normalise(expected)
    assert "Overleg &lt;Breda&gt; &amp; co" in built and "boven budget" in built and "<td>—</td>" in built
    page = verified_client(sec).get(
        reverse("facilitering:calendar"), {"datum": "2022-09-01", "periode": "maand", "weergave": "lijst"}
    )
    assert normalise(built) in normalise(page.content.decode())


def test_calendar_scopes_partners_and_survives_bad_parameters(sec, mass):
    book(sec, mass)
    politie = factories.organisation("Politie")
    client = verified_client(factories.partner_user(politie, "agent"))
    response = client.get(reverse("facilitering:calendar"), {"datum": "2022-09-12", "per": "onzin", "zaal": "x"})
    assert response.status_code == 200
    assert "MaSS casusoverleg" not in response.content.decode()
    response = client.get(reverse("facilitering:calendar"), {"datum": "niet-een-datum"})
    assert response.status_code == 200 and "Voer een geldige datum in" in response.content.decode()


def test_agreement_pages(sec):
    org = factories.organisation("KR8-kollektief")
    contact = factories.partner_user(org, "kr8")
    client = verified_client(sec)
    data = {
        "organisation": org.pk,
        "overleg_types": ["kr8_overleg"],
        "hours_per_week": "11",
        "valid_from": "2022-01-01",
        "valid_until": "",
        "contact": contact.pk,
        "notes": "",
    }
    assert client.post(reverse("facilitering:agreement_create"), data).status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.hours_per_week == 11 and agreement.contact == contact
    page = client.post(reverse("facilitering:agreement_create"), data).content.decode()
    assert "Er is al een afspraak met KR8-kollektief voor deze periode" in page
    update = reverse("facilitering:agreement_update", args=[agreement.pk])
    assert client.post(update, data | {"hours_per_week": "12,5"}).status_code == 302
    agreement.refresh_from_db()
    assert agreement.hours_per_week == Decimal("12.5")
    listing = client.get(reverse("facilitering:agreement_list")).content.decode()
    assert "KR8 overleg" in listing and "12,5 uur" in listing and "doorlopend" in listing
    partner_list = verified_client(factories.partner_user(factories.organisation("Politie"), "agent"))
    assert "KR8" not in partner_list.get(reverse("facilitering:agreement_list")).content.decode()
    assert "KR8 overleg" in verified_client(contact).get(reverse("facilitering:agreement_list")).content.decode()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (Role.SECRETARIAAT, {"facilitering:booking_list", "facilitering:budget_overview"}),
        (Role.KETENPARTNER, {"facilitering:booking_list"}),
        (Role.MANAGER, {"facilitering:budget_overview"}),
        (Role.PROCESREGISSEUR, set()),
        (Role.FG, set()),
    ],
)
def test_navigation_per_role(user_factory, role, expected):
    names = {item.url_name for item in items_for(user_factory(role)) if item.url_name.startswith("facilitering:")}
    assert names == expected


def test_role_groups_have_their_model_permissions(user_factory):
    assert user_factory(Role.SECRETARIAAT).has_perm("facilitering.change_booking")
    assert user_factory(Role.KETENPARTNER).has_perm("facilitering.add_booking")
    assert not user_factory(Role.KETENPARTNER).has_perm("facilitering.change_agreement")
    assert user_factory(Role.BEHEERDER).has_perm("facilitering.change_room")
    assert not user_factory(Role.MANAGER).has_perm("facilitering.view_booking")


def test_beheerder_manages_rooms_in_the_admin(client_for):
    client, _ = client_for(Role.BEHEERDER)
    response = client.post(reverse("admin:facilitering_room_add"), {"name": "Chasse", "capacity": "6", "active": "on"})
    assert response.status_code == 302
    assert client.get(reverse("admin:facilitering_room_changelist")).status_code == 200


def test_today_is_the_default_week(client_for):
    client, _ = client_for(Role.SECRETARIAAT)
    from django.utils import timezone

    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    page = client.get(reverse("facilitering:calendar")).content.decode()
    assert f"Week {monday.isocalendar()[1]}:" in page
