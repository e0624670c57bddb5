"""Issue 16 in a real browser: a form that names every error in one round and puts the focus on the summary,
the header search (BSN with spaces or dots, typos, a tussenvoegsel) with Back to the results, Mijn werk with
afspraken done or moved in place, the confirmation before revoking access, and the booking conflict list.
Every page on the way is scanned with axe (WCAG 2.1 A + AA)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases import services as case_services
from cases.models import Afspraak, Casus
from facilitering.choices import ACTIVE_STATUSES
from facilitering.models import Booking
from zvh.accounts.models import User

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

BAD_BSN = "999990008"  # fails the 11-proof


class Scan:
    def __init__(self, page) -> None:
        self.page = page
        self.problems: list[str] = []

    def __call__(self) -> None:
        report = axe_violations(self.page)
        if report:
            self.problems.append(report)


def focused_class(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.className : ''")


def test_aanmelding_names_every_error_at_once_and_focuses_the_summary(page, demo):
    scan = Scan(page)
    login(page, "politie")
    page.goto(page.base_url + "/aanmeldingen/nieuw/")
    scan()
    page.fill("#id_betrokkenen-0-voornamen", "Wouter")
    page.fill("#id_betrokkenen-0-achternaam", "Testhuis")
    page.fill("#id_betrokkenen-0-bsn", BAD_BSN)
    page.get_by_label("Nee", exact=True).check()  # then a reason is needed: the label says so
    expect(page.locator('label[for="id_reden_niet_geinformeerd"]')).to_contain_text("verplicht bij ‘nee’")
    page.get_by_role("button", name="Indienen").click()
    summary = page.get_by_role("alert").filter(has_text="Controleer de aanmelding")
    # One round: the wrong BSN and every missing field together.
    expect(summary).to_contain_text("de elfproef klopt niet")
    for message in (
        "Beschrijf de aanleiding",
        "Beschrijf het doel of de hulpvraag",
        "Kies ten minste één leefgebied",
        "Kies een thema",
        "Kies de gemeente",
        "Geef de reden waarom de betrokkene niet is geïnformeerd",
        "Kies de grondslag",
    ):
        expect(summary).to_contain_text(message)
    assert "error-summary" in focused_class(page)
    # The summary links to the fields.
    summary.get_by_role("link", name=re.compile("BSN")).click()
    expect(page.locator("#id_betrokkenen-0-bsn")).to_be_focused()
    expect(page.locator("#id_betrokkenen-0-achternaam")).to_have_value("Testhuis")
    scan()
    assert not scan.problems, "\n\n".join(scan.problems)


def test_leaving_a_half_filled_form_warns_first(page, demo):
    login(page, "politie")
    page.goto(page.base_url + "/aanmeldingen/nieuw/")
    page.locator("#id_betrokkenen-0-voornamen").click()
    page.keyboard.type("Half")
    dialogs: list[str] = []

    def dismiss(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]


@pytest.mark.parametrize("term", ["999 990 019", "999.990.019", "Jan de Vris", "Jan de Vires", "de Vries"])
def test_header_search_finds_jan_de_vries_and_back_returns_to_the_results(page, demo, term):
    scan = Scan(page)
    login(page, "regisseur")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    box = page.get_by_role("search").get_by_label("Zoeken in personen en casussen")
    box.fill(term)
    box.press("Enter")
    page.wait_for_url(page.base_url + "/zoeken/")  # the terms are never in the URL
    results = page.locator("#zoekresultaten")
    expect(results).to_contain_text("Jan de Vries")
    scan()
    results.get_by_role("link", name="Jan de Vries").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jan de Vries")
    scan()
    page.go_back()  # post, redirect, get: Back shows the results again, without resubmitting
    expect(page.locator("#zoekresultaten")).to_contain_text("Jan de Vries")
    page.go_forward()
    page.get_by_role("link", name="Terug naar de zoekresultaten").click()
    expect(page.locator("#zoekresultaten")).to_contain_text("Jan de Vries")
    assert "?" not in page.url
    assert not scan.problems, "\n\n".join(scan.problems)


def test_mijn_werk_afspraken_done_and_moved_in_place(page, demo):
    scan = Scan(page)
    regisseur = User.objects.get(username="regisseur")
    jan = Casus.objects.get(hoofdpersoon__bsn="999990019")
    today = timezone.localdate()
    late = case_services.afspraak_create(
        casus=jan,
        by=regisseur,
        actie="Verslag huisbezoek",
        deadline=today - timedelta(days=2),
        eigenaar_organisatie=jan.aanbrengende_partner,
    )
    soon = case_services.afspraak_create(
        casus=jan,
        by=regisseur,
        actie="Overleg met de wijkagent",
        deadline=today + timedelta(days=3),
        eigenaar_organisatie=jan.aanbrengende_partner,
    )
    login(page, "regisseur")
    group = page.locator(f"#casus-{jan.pk}")
    expect(group).to_contain_text("te laat")
    scan()
    group.get_by_role("button", name=re.compile(r"Gereed\W+Verslag huisbezoek")).click()
    expect(page.get_by_role("status")).to_contain_text("Verslag huisbezoek")
    assert Afspraak.objects.get(pk=late.pk).status == "gereed"
    new = today + timedelta(days=10)
    page.get_by_label("Nieuwe deadline voor Overleg met de wijkagent").fill(new.isoformat())
    page.get_by_role("button", name=re.compile(r"Deadline wijzigen\W+Overleg met de wijkagent")).click()
    expect(page.get_by_role("status")).to_contain_text("De deadline van ‘Overleg met de wijkagent’ is nu")
    assert Afspraak.objects.get(pk=soon.pk).deadline == new
    scan()
    # The partner sees the afspraak of Politie with only "Gereed", and the overleg they are invited to.
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/**")
    login(page, "politie")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    case_services.afspraak_create(
        casus=jan,
        by=regisseur,
        actie="Proces-verbaal sturen",
        deadline=today - timedelta(days=398),
        eigenaar_organisatie=jan.aanbrengende_partner,
    )
    page.reload()
    expect(page.get_by_role("button", name=re.compile(r"Gereed\W+Proces-verbaal sturen"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Deadline wijzigen"))).to_have_count(0)
    expect(page.get_by_role("heading", name="Casusoverleggen waarvoor u bent uitgenodigd")).to_be_visible()
    scan()
    assert not scan.problems, "\n\n".join(scan.problems)


def test_revoking_access_asks_first_and_a_booking_conflict_suggests_what_is_free(page, demo):
    scan = Scan(page)
    jan = Casus.objects.get(hoofdpersoon__bsn="999990019")
    login(page, "regisseur")
    page.goto(page.base_url + f"/casussen/{jan.pk}/toegang/")
    page.get_by_role("link", name=re.compile("Intrekken Reclassering")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("intrekken?")
    scan()
    page.get_by_role("link", name="Nee, terug").click()
    assert jan.grants.filter(ingetrokken_op__isnull=True, organisatie__name="Reclassering Nederland").exists()
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/**")

    other = (
        Booking.objects.filter(status__in=ACTIVE_STATUSES, room__isnull=False, date__gte=timezone.localdate())
        .select_related("room", "organisation")
        .order_by("starts_at")
        .first()
    )
    login(page, "secretariaat")
    page.goto(page.base_url + "/facilitering/boekingen/nieuw/")
    page.get_by_label("Partner").select_option(label=other.organisation.name)
    page.get_by_label("Soort overleg").select_option(other.overleg_type)
    page.get_by_label("Titel van het overleg").fill("Extra overleg")
    page.get_by_label("Datum", exact=True).fill(other.date.isoformat())
    page.get_by_label("Begintijd").fill(other.start_time.strftime("%H:%M"))
    page.get_by_label("Eindtijd").fill(other.end_time.strftime("%H:%M"))
    page.get_by_label("Zaal (verplicht als u een zaal reserveert)").select_option(str(other.room_id))
    page.get_by_role("checkbox", name="Zaalreservering").check()
    page.get_by_role("button", name="Boeking vastleggen").click()
    conflicts = page.get_by_role("region", name=re.compile("Dubbele boeking"))
    expect(conflicts).to_contain_text(other.title)
    expect(conflicts).to_contain_text("Vrije zalen op dit tijdstip")
    assert "error-summary" in focused_class(page)
    scan()
    assert not scan.problems, "\n\n".join(scan.problems)
