"""Re-integratie in a real browser: CSV upload with one bad row, the checklist, consent withdrawn (the partner
loses that voorwaarde at once), release and nazorg, and the ISD pages. Every new page is scanned with axe."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reintegration.models import ISDTraject, Traject

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

HEADER = (
    "bsn;voornamen;tussenvoegsel;achternaam;geboortedatum;gemeente;begin_detentie;verwachte_vrijlating;"
    "inrichting;dji_casemanager;dji_contact"
)


def logout(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/**")


def test_reintegratie_flow(page, demo):
    problems: list[str] = []

    def scan() -> None:
        report = axe_violations(page)
        if report:
            problems.append(report)

    base = page.base_url
    today = timezone.localdate()
    release = (today + timedelta(days=5)).strftime("%d-%m-%Y")
    begin = (today - timedelta(days=100)).strftime("%d-%m-%Y")
    csv_text = "\n".join(
        [
            HEADER,
            f";Kees;;Testman;02-04-1991;Breda;{begin};{release};PI Breda;M. de Groot;088 000 0000",
            f";Piet;;Foutmans;03-05-1993;Breda;31-02-2026;{release};PI Breda;;",
        ]
    )

    # 1. The coördinator sees Ronald Kok flagged on Mijn werk and in the list, and uploads a CSV.
    login(page, "reintegratie")
    page.goto(base + "/mijn-werk/")
    expect(page.get_by_role("region", name="Re-integratie: signalen")).to_contain_text("Ronald Kok")
    scan()
    page.goto(base + "/reintegratie/")
    expect(page.get_by_role("table")).to_contain_text("Vrijlating nabij, voorwaarden open")
    scan()
    page.goto(base + "/reintegratie/nieuw/")
    scan()
    page.goto(base + "/reintegratie/importeren/")
    scan()
    page.get_by_label("CSV-bestand met detentiemeldingen").set_input_files(
        files=[{"name": "meldingen.csv", "mimeType": "text/csv", "buffer": csv_text.encode()}]
    )
    page.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(page.get_by_role("region", name="Geweigerde regels")).to_contain_text("Regel 3:")
    assert not Traject.objects.filter(persoon__achternaam="Testman").exists()
    scan()
    page.get_by_role("button", name="Inlezen bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resultaat van het inlezen")
    scan()
    traject = Traject.objects.get(persoon__achternaam="Testman")
    assert not Traject.objects.filter(persoon__achternaam="Foutmans").exists()

    # 2. Work the checklist: Reclassering acts on onderdak, with consent; and gets a toegang to the traject.
    page.goto(base + f"/reintegratie/{traject.pk}/")
    scan()
    page.get_by_role("link", name="Onderdak bijwerken").click()
    scan()
    page.get_by_label("Status", exact=True).select_option(label="In behandeling")
    page.get_by_label("Uitvoerende organisatie").select_option(label="Reclassering Nederland")
    page.get_by_label("Korte notitie").fill("Zoekt plek in de opvang")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#voorwaarde-onderdak")).to_contain_text("Reclassering Nederland")
    page.get_by_role("link", name="Onderdak bijwerken").click()
    page.get_by_label("Gegeven", exact=True).check()
    page.get_by_role("button", name="Toestemming vastleggen").click()
    expect(page.locator("#voorwaarde-onderdak")).to_contain_text("Gegeven")
    page.get_by_role("link", name="Partner toegang geven").click()
    scan()
    page.get_by_label("Organisatie", exact=True).select_option(label="Reclassering Nederland")
    page.get_by_label("Doel").fill("Toezicht na vrijlating.")
    page.get_by_role("button", name="Opslaan").click()
    logout(page)

    login(page, "reclassering")
    page.goto(base + f"/reintegratie/{traject.pk}/")
    expect(page.locator("#voorwaarde-onderdak")).to_contain_text("Zoekt plek in de opvang")
    expect(page.locator("#voorwaarde-schulden")).to_have_count(0)
    scan()
    logout(page)

    # 3. Consent withdrawn: the partner loses that voorwaarde at once (still sees the traject through the toegang).
    login(page, "reintegratie")
    page.goto(base + f"/reintegratie/{traject.pk}/")
    page.get_by_role("link", name="Onderdak bijwerken").click()
    page.get_by_label("Ingetrokken", exact=True).check()
    page.get_by_role("button", name="Toestemming vastleggen").click()
    expect(page.locator("#voorwaarde-onderdak")).to_contain_text("Ingetrokken")
    logout(page)
    login(page, "reclassering")
    page.goto(base + f"/reintegratie/{traject.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kees Testman")
    expect(page.locator("#voorwaarde-onderdak")).to_have_count(0)
    expect(page.get_by_role("main")).not_to_contain_text("Zoekt plek in de opvang")
    logout(page)

    # 4. Release and nazorg: released without onderdak is flagged; then the nazorg is closed.
    login(page, "reintegratie")
    page.goto(base + f"/reintegratie/{traject.pk}/")
    page.get_by_role("link", name="Status wijzigen").click()
    scan()
    page.get_by_label("Vrijgelaten: nazorg starten").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("region", name="Signalen")).to_contain_text("Vrijgelaten zonder onderdak")
    page.get_by_role("link", name="Status wijzigen").click()
    page.get_by_label("Nazorg afronden").check()
    page.get_by_label("Reden / toelichting").fill("Woont bij zus; werk gevonden.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("main")).to_contain_text("Afgerond")
    traject.refresh_from_db()
    assert traject.status == "afgerond"

    # 5. ISD: Sander de Bruijn's re-integratiefase must be planned.
    page.goto(base + "/reintegratie/isd/")
    expect(page.get_by_role("table")).to_contain_text("Re-integratiefase plannen")
    scan()
    isd = ISDTraject.objects.get(persoon__bsn="999990081")
    page.goto(base + f"/reintegratie/isd/{isd.pk}/")
    scan()
    page.get_by_role("link", name="Re-integratiefase bijwerken").click()
    scan()
    page.get_by_label("Plan voor deze fase").fill("Begeleid wonen en dagbesteding.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("main")).not_to_contain_text("heeft nog geen plan")
    page.goto(base + "/reintegratie/isd/nieuw/")
    scan()
    logout(page)

    # 6. Politie sees neither fixture.
    login(page, "politie")
    ronald = Traject.objects.get(persoon__bsn="999990068")
    assert page.goto(base + f"/reintegratie/{ronald.pk}/").status == 404
    assert page.goto(base + f"/reintegratie/isd/{isd.pk}/").status == 404
    expect(page.get_by_role("main")).not_to_contain_text(re.compile("Sander|Ronald"))

    assert not problems, "\n\n".join(problems)
