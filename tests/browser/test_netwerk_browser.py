"""The secretariaat registers a training with participants per organisation in a real browser; the manager reads
the totals. Every page of the activities register passes axe."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_activity_with_participants(page, demo):
    problems = []
    login(page, "secretariaat")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Netwerk en training").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Netwerk en training")
    problems.append(axe_violations(page))
    page.get_by_role("link", name="Activiteit registreren").click()
    problems.append(axe_violations(page))
    page.get_by_label("Datum").fill("2022-11-24")
    page.get_by_label("Soort", exact=True).select_option("training")
    page.get_by_label("Onderwerp").fill("Gegevensdeling voor wijkteams")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("alert")).to_contain_text("Kies welke training is gegeven.")
    problems.append(axe_violations(page))
    page.get_by_label("Training (verplicht bij soort training)").select_option("gegevensdeling")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gegevensdeling voor wijkteams")

    page.get_by_label("Organisatie").select_option(label="Gemeente Breda")
    page.get_by_label("Maat").select_option("getraind")
    page.get_by_label("Aantal deelnemers").fill("9")
    page.get_by_label("Waarvan dit jaar al eerder geteld").fill("4")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_role("status").first).to_contain_text("De deelnemers zijn toegevoegd.")
    table = page.get_by_role("table", name="9 deelnemers, van wie 5 dit jaar voor het eerst geteld")
    expect(table).to_contain_text("Gemeente Breda")
    problems.append(axe_violations(page))

    page.context.clear_cookies()
    login(page, "manager")
    page.goto(page.base_url + "/netwerk/overzicht/?jaar=2022")
    expect(page.get_by_role("heading", level=1)).to_have_text("Netwerk en training in 2022")
    # Demo: 12 + 10 new professionals trained in gegevensdeling in 2022, plus the 5 new ones above.
    row = page.get_by_role("row").filter(has_text="gegevensdeling").first
    expect(row).to_contain_text("27")
    problems.append(axe_violations(page))
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)
