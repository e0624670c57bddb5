"""The FG in a real browser: an inzage request answered with the export, a datalek with its countdown; every new
privacy page passes axe."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_fg_answers_an_inzage_request_with_the_export(page, demo, tmp_path):
    login(page, "fg")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="AVG-verzoeken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("AVG-verzoeken")
    assert not axe_violations(page), axe_violations(page)
    page.get_by_role("link", name="Verzoek registreren").click()
    page.get_by_label("Soort verzoek").select_option("inzage")
    page.get_by_label("Ontvangen op").fill(timezone.localdate().isoformat())
    page.get_by_label("BSN van de betrokkene").fill("999990019")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("inzage")
    expect(page.get_by_role("main")).to_contain_text("Jan de Vries")
    assert not axe_violations(page), axe_violations(page)

    page.get_by_role("button", name="Maak de inzage-export").click()
    expect(page.get_by_role("status").first).to_contain_text("De inzage-export wordt op de achtergrond gemaakt.")
    # Celery runs eagerly in the tests: the task ran after the request's commit; the page shows its status.
    expect(page.get_by_role("main")).to_contain_text("klaar om te downloaden")
    assert not axe_violations(page), axe_violations(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download de inzage (JSON)").click()
    target = tmp_path / "inzage.json"
    info.value.save_as(target)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["persoon"]["BSN"] == "999990019" and data["dossiers"] and data["toegang"]
    assert "Petra" not in target.read_text(encoding="utf-8")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download de inzage (PDF)").click()
    pdf = tmp_path / "inzage.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    page.get_by_label("Besluit", exact=True).select_option("toegewezen")
    page.get_by_label("Motivering").fill("Alle gegevens en de toegangsregistratie verstrekt.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("main")).to_contain_text("afgehandeld")


def test_fg_registers_a_datalek_and_sees_the_countdown(page, demo):
    login(page, "fg")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Datalekken").click()
    assert not axe_violations(page), axe_violations(page)
    page.get_by_role("link", name="Datalek registreren").click()
    assert not axe_violations(page), axe_violations(page)
    found = timezone.localtime() - timedelta(hours=5)
    page.get_by_label("Omschrijving (zonder persoonsgegevens)").fill("Verslag naar een verkeerde ontvanger gemaild.")
    page.get_by_label("Ontdekt op").fill(found.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Opslaan").click()
    countdown = page.locator("[data-countdown]")
    expect(countdown).to_contain_text("Nog 66 uur")
    assert not axe_violations(page), axe_violations(page)
    page.get_by_label("Gemeld bij de Autoriteit Persoonsgegevens").select_option("nee")
    page.get_by_label("Reden (wel of niet melden)").fill("Ontvanger is een convenantpartner; bericht verwijderd.")
    page.get_by_label("Maatregelen").fill("Adresboek gecontroleerd.")
    page.get_by_role("button", name="Opslaan en sluiten").click()
    expect(page.get_by_role("main")).to_contain_text("Besloten niet te melden.")
    page.goto(page.base_url + "/privacy/datalekken/")
    expect(page.get_by_role("table")).to_contain_text("gesloten")


def test_privacy_pages_have_no_axe_violations(page, demo):
    from privacy.models import PrivacyDocument, Verwerking

    login(page, "fg")
    problems = []
    for path in (
        "/privacy/bewaartermijnen/",
        "/privacy/bewaartermijnen/cases.casus/",
        "/privacy/bewaarplicht/nieuw/",
        "/privacy/vernietigingsregister/",
        "/privacy/logs/",
        "/privacy/verwerkingen/",
        "/privacy/verwerkingen/nieuw/",
        f"/privacy/verwerkingen/{Verwerking.objects.first().pk}/",
        "/privacy/documenten/",
        "/privacy/documenten/nieuw/",
        f"/privacy/documenten/{PrivacyDocument.objects.first().pk}/",
        "/privacy/autorisaties/",
        "/privacy/verzoeken/",
        "/privacy/verzoeken/nieuw/",
        "/privacy/datalekken/",
    ):
        page.goto(page.base_url + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        problems.append(axe_violations(page))
    # A form with errors, and a request with its forms
    page.goto(page.base_url + "/privacy/verwerkingen/nieuw/")
    page.get_by_role("button", name="Opslaan").click()
    problems.append(axe_violations(page))
    from privacy.models import AvgVerzoek

    page.goto(page.base_url + f"/privacy/verzoeken/{AvgVerzoek.objects.first().pk}/")
    problems.append(axe_violations(page))
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


def test_fg_reads_the_access_log_in_plain_words_for_the_last_month_and_downloads_it(page, demo, tmp_path):
    from zvh.persons.models import Persoon

    jan = Persoon.objects.get(bsn="999990019")
    login(page, "fg")
    page.goto(page.base_url + "/privacy/toegang/personen/")
    page.get_by_label("BSN").fill("999990019")
    page.get_by_role("button", name="Zoeken").click()
    page.get_by_role("link", name="Jan de Vries").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jan de Vries")
    page.get_by_label("Periode").select_option("maand")
    page.get_by_role("button", name="Filteren").click()
    table = page.get_by_role("table")
    expect(table).to_contain_text("vond de persoon bij het zoeken")  # the FG's own search, a minute ago
    main = page.get_by_role("main")
    expect(main).not_to_contain_text("cases.casus")
    assert "periode=maand" in page.url
    assert not axe_violations(page), axe_violations(page)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download als CSV").click()
    target = tmp_path / "toegang.csv"
    info.value.save_as(target)
    text = target.read_text(encoding="utf-8-sig")
    assert text.startswith("Tijdstip;Wie;Organisatie;Rol;Wat")
    assert "Vries" not in text and str(jan.pk) in page.url
    page.goto(page.base_url + "/privacy/toegang/gebruikers/")
    assert not axe_violations(page), axe_violations(page)
