"""Facilitering in a real browser: request → confirm and assign → conflict refused → realise → budget; .ics; axe."""

import os
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from facilitering.choices import OverlegType
from facilitering.models import Booking, Series
from facilitering.periods import quarter_of
from zvh.core.dates import datum_tekst

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PARTNER = "Gemeente Etten-Leur"
TITLE = "Leerplicht casusoverleg Etten-Leur"
SCREENSHOTS = os.environ.get("ZVH_SCREENSHOTS")  # a folder: save screenshots of the pages for a visual check


def shot(page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def check_axe(page, problems: list) -> None:
    report = axe_violations(page)
    if report:
        problems.append(report)


@pytest.fixture
def leerplicht(demo):
    """A partner with an agreement (4 hours a week) and a contact who logs in like the demo accounts."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from facilitering import services
    from zvh.accounts.choices import Role
    from zvh.accounts.demo import DEMO_PASSWORD, totp_key_hex
    from zvh.accounts.models import Organisation, User
    from zvh.accounts.services import user_create

    organisation = Organisation.objects.get(name=PARTNER)
    contact = user_create(
        username="leerplicht",
        organisation=organisation,
        role=Role.KETENPARTNER,
        password=DEMO_PASSWORD,
        first_name="Lotte",
        last_name="Leerplicht",
    )
    TOTPDevice.objects.create(user=contact, name="default", key=totp_key_hex(), confirmed=True)
    services.agreement_create(
        actor=User.objects.get(username="secretariaat"),
        organisation=organisation,
        overleg_types=[OverlegType.LEERPLICHT_CASUSOVERLEG],
        hours_per_week=Decimal(4),
        valid_from=timezone.localdate() - timedelta(days=120),
        contact=contact,
    )
    return contact


def logout(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/**")


def test_request_confirm_conflict_realise_and_budget(page, leerplicht):
    problems: list[str] = []
    today = timezone.localdate()
    until = today + timedelta(days=21)

    # 1. The partner contact requests support for a weekly overleg.
    login(page, "leerplicht")
    page.get_by_role("link", name="Facilitering").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Facilitering")
    check_axe(page, problems)
    page.get_by_role("link", name="Ondersteuning aanvragen").click()
    check_axe(page, problems)
    page.get_by_label("Soort overleg").select_option(label="Leerplicht casusoverleg")
    page.get_by_label("Titel van het overleg").fill(TITLE)
    page.get_by_label("Datum", exact=True).fill(today.isoformat())
    page.get_by_label("Begintijd").fill("16:00")
    page.get_by_label("Eindtijd").fill("17:30")
    page.get_by_label("Elke week").check()
    page.get_by_label("Herhalen tot en met").fill(until.isoformat())
    page.get_by_label("Zaal (verplicht als u een zaal reserveert)").select_option(label="Spreekkamer (4 personen)")
    page.get_by_label("Verwacht aantal deelnemers").fill("4")
    page.get_by_label("Notuleren").check()
    page.get_by_label("Zaalreservering").check()
    shot(page, "01-aanvraag")
    page.get_by_role("button", name="Aanvraag versturen").click()
    expect(page.get_by_role("status")).to_contain_text("De reeks is vastgelegd met 4 boekingen.")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("4 boekingen van deze reeks wachten op bevestiging.")).to_be_visible()
    check_axe(page, problems)
    shot(page, "02-reeks-aangevraagd")
    series = Series.objects.get(title=TITLE)
    logout(page)

    # 2. The secretariaat confirms the series and assigns a medewerker.
    login(page, "secretariaat")
    page.goto(page.base_url + "/facilitering/?status=aangevraagd")
    page.get_by_role("link", name=TITLE).first.click()
    page.get_by_role("link", name=TITLE).click()  # from the booking to its series
    page.get_by_role("link", name="Reeks bevestigen en toewijzen").click()
    check_axe(page, problems)
    page.get_by_label("Medewerker secretariaat").select_option(label="Sanne Smits")
    page.get_by_role("button", name="Reeks bevestigen en toewijzen").click()
    expect(page.get_by_role("status")).to_contain_text("4 boekingen van de reeks zijn bevestigd en toegewezen.")
    assert set(series.bookings.values_list("status", "medewerker__username")) == {("bevestigd", "secretariaat")}

    # 3. A conflicting booking in the same room is refused with a message that names the conflict.
    page.goto(page.base_url + "/facilitering/boekingen/nieuw/")
    page.get_by_label("Partner").select_option(label="Veilig Thuis West-Brabant")
    page.get_by_label("Soort overleg").select_option(label="VT Actieoverleg")
    page.get_by_label("Titel van het overleg").fill("Spoed-Actieoverleg VT")
    page.get_by_label("Datum", exact=True).fill(today.isoformat())
    page.get_by_label("Begintijd").fill("16:30")
    page.get_by_label("Eindtijd").fill("17:00")
    page.get_by_label("Zaal (verplicht als u een zaal reserveert)").select_option(label="Spreekkamer (4 personen)")
    page.get_by_label("Zaalreservering").check()
    page.get_by_role("button", name="Boeking vastleggen").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text(
        f"Dubbele boeking: Zaal Spreekkamer is op {datum_tekst(today, 'dag')} van 16:00 tot 17:30 al geboekt "
        f"voor ‘{TITLE}’ ({PARTNER})"
    )
    expect(page.get_by_label("Titel van het overleg")).to_have_value("Spoed-Actieoverleg VT")  # nothing lost
    check_axe(page, problems)
    shot(page, "03-conflict")
    assert not Booking.objects.filter(title="Spoed-Actieoverleg VT").exists()

    # 4. Today's occurrence is carried out: 2,5 hours.
    first = series.bookings.get(date=today)
    page.goto(page.base_url + f"/facilitering/boekingen/{first.pk}/")
    page.get_by_role("link", name="Uitvoering melden").click()
    check_axe(page, problems)
    page.get_by_label("Gerealiseerde uren").fill("2,5")
    page.get_by_role("button", name="Uren vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("De uitvoering en de uren zijn vastgelegd.")
    expect(page.get_by_text("uitgevoerd", exact=True)).to_be_visible()

    # The .ics file of the booking imports at 16:00 Dutch time.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="In mijn agenda zetten (.ics-bestand)").click()
    [event] = Calendar.from_ical(Path(download_info.value.path()).read_bytes()).walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.decoded("DTSTART").replace(tzinfo=None) == timezone.localtime(first.starts_at).replace(tzinfo=None)
    assert event.decoded("DTSTART").hour == 16

    # 5. The budget overview shows the right totals for this quarter and this week.
    page.goto(page.base_url + "/facilitering/budget/")
    check_axe(page, problems)
    shot(page, "04-budget")
    in_quarter = sum(1 for i in range(4) if quarter_of(today + timedelta(weeks=i)) == quarter_of(today))
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name=PARTNER))
    expect(row.get_by_role("cell")).to_have_text(
        [
            "4,0",
            _hours(Decimal(4) * _weeks_in_quarter(today)),
            _hours(Decimal("1.5") * in_quarter),
            "2,5",
            _hours(Decimal("2.5") / _weeks_in_quarter(today)),
            "0",
        ]
    )
    week_table = page.get_by_role("table", name=f"{PARTNER}: uren per week")
    this_week = week_table.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name=str(today.isocalendar()[1]), exact=True)
    )
    expect(this_week.get_by_role("cell").nth(1)).to_have_text("4,0")
    expect(this_week.get_by_role("cell").nth(2)).to_have_text("1,5")
    expect(this_week.get_by_role("cell").nth(3)).to_have_text("2,5")
    assert not problems, "\n".join(problems)


def _weeks_in_quarter(day) -> Decimal:
    from facilitering.periods import quarter_bounds, weeks_in

    return weeks_in(*quarter_bounds(*quarter_of(day)))


def _hours(value: Decimal) -> str:
    from facilitering.formatting import format_hours

    return format_hours(value)


def test_facilitering_pages_have_no_axe_violations(page, demo):
    pages = {
        "secretariaat": [
            ("05-boekingen", "/facilitering/"),
            ("06-agenda-week", "/facilitering/agenda/?datum=2022-09-13"),
            ("07-agenda-medewerker", "/facilitering/agenda/?datum=2022-09-13&per=medewerker"),
            ("08-agenda-maand", "/facilitering/agenda/?datum=2022-09-13&periode=maand"),
            ("09-agenda-lijst", "/facilitering/agenda/?datum=2022-09-13&weergave=lijst"),
            ("10-afspraken", "/facilitering/afspraken/"),
            ("11-afspraak-nieuw", "/facilitering/afspraken/nieuw/"),
            ("12-nieuwe-boeking", "/facilitering/boekingen/nieuw/"),
            ("13-abonnement", "/facilitering/agenda-abonnement/"),
        ],
        "manager": [("14-budget-manager", "/facilitering/budget/?jaar=2022&kwartaal=1")],
        "veiligthuis": [("15-partner-boekingen", "/facilitering/"), ("16-partner-agenda", "/facilitering/agenda/")],
    }
    booking = Booking.objects.filter(over_budget_reason__gt="", date__year=2022).first()
    pages["secretariaat"].append(("17-boeking", f"/facilitering/boekingen/{booking.pk}/"))
    pages["secretariaat"].append(("18-reeks", f"/facilitering/reeksen/{Series.objects.first().pk}/"))
    problems: list[str] = []
    for username, paths in pages.items():
        login(page, username)
        for name, path in paths:
            response = page.goto(page.base_url + path)
            assert response.status == 200, path
            expect(page.get_by_role("heading", level=1)).to_have_count(1)
            check_axe(page, problems)
            shot(page, name)
        logout(page)
    # The feed: made on the page, shown once, and it parses.
    login(page, "secretariaat")
    page.goto(page.base_url + "/facilitering/agenda-abonnement/")
    page.get_by_role("button", name="Agenda-abonnement maken").click()
    url = page.get_by_label("Adres van uw agenda-abonnement").input_value()
    check_axe(page, problems)
    shot(page, "19-abonnement-nieuw")
    feed = page.request.get(url)
    assert feed.status == 200 and feed.headers["content-type"].startswith("text/calendar")
    assert Calendar.from_ical(feed.body()).walk("VEVENT")
    assert not problems, "\n".join(problems)
