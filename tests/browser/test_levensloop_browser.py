"""The levensloopaanpak in a real browser: the levenslooptafel review of Erik van Dam (flagged, reviewed, the flag
gone), the selectie-instrument from a casus page, the inclusietafel and the monitor. Every new page is scanned with
axe (WCAG 2.1 A + AA)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Casus
from levensloop.models import Dossier

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_levenslooptafel_review_clears_the_flag(page, demo):
    problems: list[str] = []

    def scan() -> None:
        report = axe_violations(page)
        if report:
            problems.append(report)

    base = page.base_url
    erik = Dossier.objects.get(persoon__bsn="999990111")
    today = timezone.localdate()

    login(page, "regisseur")
    page.goto(base + reverse("cases:dashboard"))
    expect(page.get_by_role("main")).to_contain_text("Levenslooptafel: review te laat")
    expect(page.get_by_role("main")).to_contain_text("van Dam")

    # The list flags him; the dossier says how late
    page.goto(base + reverse("levensloop:dossier_list"))
    expect(page.get_by_role("main")).to_contain_text("review te laat")
    scan()
    page.get_by_role("link", name=str(erik.pk), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Erik van Dam")
    expect(page.locator("#review-te-laat")).to_contain_text("7 dagen te laat")
    scan()

    # Review at the levenslooptafel: empty first (Dutch errors, no 500), then held today with the next date
    page.get_by_role("link", name="Review vastleggen").click()
    scan()
    page.get_by_label("Conclusie").fill("")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Controleer het formulier")
    scan()
    page.get_by_label("Gehouden op").fill(today.isoformat())
    page.get_by_label("Conclusie").fill("Woonplek gevonden; depotmedicatie loopt. Volgende review over drie maanden.")
    page.get_by_label("Volgende review").fill((today + timedelta(days=91)).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator(".messages")).to_contain_text("De review is vastgelegd")
    expect(page.get_by_role("main")).to_contain_text("Woonplek gevonden")
    expect(page.locator("#review-te-laat")).to_have_count(0)
    erik.refresh_from_db()
    assert erik.volgende_review == today + timedelta(days=91)
    page.goto(base + reverse("cases:dashboard"))
    expect(page.get_by_role("main")).not_to_contain_text("Levenslooptafel: review te laat")

    page.goto(base + reverse("levensloop:uitstroom", args=[erik.pk]))
    scan()

    # Selectie-instrument from a casus page, then the inclusietafel
    casus = Casus.objects.get(hoofdpersoon__bsn="999990019")
    page.goto(base + reverse("cases:casus_detail", args=[casus.pk]))
    page.get_by_role("link", name="Selectie-instrument verward gedrag").click()
    scan()
    for label in (
        "De persoon is 18 jaar of ouder",
        "Gevaarlijk gedrag voor zichzelf of anderen",
        "psychische stoornis",
        "Contacten met justitie (politie, OM, reclassering)",
        "Langdurige problemen op meerdere leefgebieden",
    ):
        page.get_by_label(label).check()
    page.get_by_label("Juridische titel").select_option("wvggz")
    page.get_by_label("inclusie", exact=True).check()
    page.get_by_label("Motivering").fill("Voldoet aan alle criteria van de Ketenveldnorm.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("main")).to_contain_text("aangemeld voor de inclusietafel")
    scan()
    page.get_by_role("link", name="Besluit inclusietafel").click()
    scan()

    page.goto(base + reverse("levensloop:monitor"))
    expect(page.get_by_role("main")).to_contain_text("Per kwartaal")
    scan()
    assert not problems, "\n\n".join(problems)
