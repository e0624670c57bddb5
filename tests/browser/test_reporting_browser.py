"""The manager requests the quarterly report in a real browser and downloads it; every reporting page passes axe."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_manager_requests_and_downloads_the_quarterly_report(page, demo, tmp_path):
    login(page, "manager")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Kwartaalrapportages").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kwartaalrapportages")
    assert not axe_violations(page), axe_violations(page)
    page.get_by_label("Jaarplan").select_option("2022")
    page.get_by_label("Kwartaal").select_option("4")
    page.get_by_role("button", name="Rapportage samenstellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kwartaalrapportage 2022, 4e kwartaal")
    download_link = page.get_by_role("link", name="PDF downloaden")
    expect(download_link).to_be_visible(timeout=60000)
    assert not axe_violations(page), axe_violations(page)
    with page.expect_download() as info:
        download_link.click()
    download = info.value
    assert download.suggested_filename == "kwartaalrapportage-jaarplan-2022-Q4.pdf"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")

    page.goto(page.base_url + "/rapportage/rapportages/")
    expect(page.get_by_role("table", name="Rapportages, nieuwste eerst")).to_contain_text("4e kwartaal")


def test_reporting_pages_have_no_axe_violations(page, demo):
    from reporting.models import Activiteit

    # A milestone kept by hand (every quantitative row is measured: trainings come from the activities register).
    activiteit = Activiteit.objects.get(omschrijving="Implementeren van nieuwe ICT")
    problems = []
    login(page, "manager")
    for path in (
        "/rapportage/overzicht/?jaar=2022&kwartaal=4",
        "/rapportage/overzicht/?jaar=1999&kwartaal=9",
        "/rapportage/jaarplannen/",
        "/rapportage/jaarplannen/2022/",
        "/rapportage/jaarplannen/2022/kopieren/",
        f"/rapportage/activiteiten/{activiteit.pk}/wijzigen/",
        f"/rapportage/activiteiten/{activiteit.pk}/realisatie/2/",
    ):
        page.goto(page.base_url + path)
        problems.append(axe_violations(page))
    expect(page.get_by_label("Toelichting")).to_contain_text("Aanbesteding afgerond")
    page.get_by_label("Toelichting").fill("Bijgewerkt in de browser.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("De realisatie is opgeslagen.")
    page.goto(page.base_url + "/rapportage/overzicht/?jaar=2022&kwartaal=2")
    expect(page.get_by_role("main")).to_contain_text("Bijgewerkt in de browser.")
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


def test_ketenpartner_gets_403(page, demo):
    login(page, "politie")
    response = page.goto(page.base_url + "/rapportage/rapportages/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
