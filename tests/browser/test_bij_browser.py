"""The BIJ flow in a real browser: register a melding, agenda it on a BIJ-overleg, write the advice, the
OOV-adviseur records the besluit, close it. Every new page on the way is scanned with axe (WCAG 2.1 A + AA)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bij.models import Melding

from .conftest import axe_violations, login
from .test_case_flow_browser import Scan, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_the_bij_flow_from_melding_to_closing(page, demo):
    scan = Scan(page)
    base = page.base_url
    today = timezone.localdate()

    # 1. The BIJ procesregisseur sees the late fixture on Mijn werk and registers a new melding.
    login(page, "regisseur")
    page.goto(base + "/mijn-werk/")
    expect(page.get_by_role("region", name="BIJ-meldingen zonder advies")).to_contain_text("Hendrik Visser")
    scan()
    page.goto(base + "/bij/")
    expect(page.get_by_role("table", name="BIJ-meldingen")).to_contain_text("te laat")
    scan()
    page.get_by_role("link", name="Nieuwe BIJ-melding").click()
    scan()
    page.get_by_label("Voornamen").fill("Willem")
    page.get_by_label("Achternaam").fill("Testhuis")
    page.get_by_label("Geboortedatum").fill("1979-06-01")
    page.get_by_label("Bron").select_option("om")
    page.get_by_label("Ontvangen op").fill(today.isoformat())
    page.get_by_label("Delictcategorie").select_option("ernstig_geweld")
    page.get_by_label("Soort terugkeer").select_option("verlof")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("alert")).to_be_visible()  # errors: verlof without its kind, missing fields
    scan()
    page.get_by_label("Soort verlof").select_option("begeleid")
    page.get_by_label("Inrichting").fill("FPC de Kijvelanden")
    page.get_by_label("Verwachte datum van terugkeer of verlof").fill((today + timedelta(days=30)).isoformat())
    page.get_by_label("BRP-gemeente").select_option(label="Gemeente Breda")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Willem Testhuis")
    melding = Melding.objects.get(persoon__achternaam="Testhuis")
    scan()
    page.get_by_role("button", name="In onderzoek nemen").click()
    expect(page.get_by_role("main")).to_contain_text("in onderzoek")

    # 2. Plan the BIJ-overleg and put the melding on its agenda, with minutes for the item.
    page.goto(base + "/bij/overleg/")
    scan()
    page.get_by_label("Datum").fill((today + timedelta(days=7)).isoformat())
    page.get_by_label("Begintijd").fill("10:00")
    page.get_by_label("Locatie").fill("ZVH, BIJ-kamer")
    page.get_by_role("button", name="Overleg plannen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("BIJ-overleg")
    page.get_by_label("BIJ-melding").select_option(str(melding.pk))
    page.get_by_role("button", name="Op de agenda zetten").click()
    expect(page.get_by_role("main")).to_contain_text("Willem Testhuis")
    scan()
    page.get_by_role("link", name=re.compile("Verslag van BIJ-")).click()
    scan()
    page.get_by_label("Verslag").fill("Risico besproken; reclassering houdt toezicht.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("main")).to_contain_text("reclassering houdt toezicht")

    # 3. Write the advice to the burgemeester of Breda.
    page.goto(base + f"/bij/{melding.pk}/")
    expect(page.get_by_role("main")).to_contain_text("geagendeerd")
    page.get_by_role("link", name="Advies aan de burgemeester schrijven").click()
    scan()
    page.get_by_label("Advies aan de burgemeester").fill("Burgemeester informeren; gebiedsverbod overwegen.")
    page.get_by_label("Verzonden aan gemeente").select_option(label="Gemeente Breda")
    page.get_by_role("button", name="Advies uitbrengen").click()
    expect(page.get_by_role("main")).to_contain_text("advies uitgebracht")
    logout(page)

    # 4. The OOV-adviseur of Breda sees the advice only, and records the besluit.
    login(page, "oov")
    page.goto(base + "/mijn-werk/")
    expect(page.get_by_role("region", name="BIJ-adviezen: besluit vastleggen")).to_contain_text("Willem Testhuis")
    page.goto(base + "/bij/adviezen/")
    scan()
    page.get_by_role("link", name=f"Advies BIJ-{melding.pk}").click()
    scan()
    page.get_by_label("Datum besluit").fill(today.isoformat())
    page.get_by_label("Besluit en maatregelen").fill("Gebiedsverbod rond de woning van het slachtoffer.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("main")).to_contain_text("Vastgelegd door")
    scan()
    assert page.goto(base + f"/bij/{melding.pk}/").status == 404
    logout(page)

    # 5. The procesregisseur closes the melding with a reason; the 18b register is kept and read.
    login(page, "regisseur")
    page.goto(base + f"/bij/{melding.pk}/")
    expect(page.get_by_role("main")).to_contain_text("besluit ontvangen")
    form = page.get_by_role("form", name="Afronden")
    form.get_by_label("Reden", exact=True).fill("Burgemeester geïnformeerd en besluit genomen.")
    form.get_by_label("Afsluitreden").select_option("afgehandeld")
    form.get_by_role("button", name="Afronden").click()
    expect(page.get_by_role("main")).to_contain_text("afgerond")
    scan()
    page.goto(base + "/bij/18b/nieuw/")
    scan()
    page.get_by_label("verstrekt").check()
    page.get_by_label("politie").check()
    page.get_by_label("detentie- en verlofgegevens").check()
    page.get_by_label("Datum", exact=True).fill(today.isoformat())
    page.get_by_label("Grondslag", exact=True).select_option("pbw_18b")
    page.get_by_label("BIJ-melding (nummer)").fill(str(melding.pk))
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("table", name="Verstrekkingen en ontvangsten")).to_contain_text(f"BIJ-{melding.pk}")
    scan()
    logout(page)

    # 6. Politie (no invitation) cannot open the melding; the FG reads the 18b register.
    login(page, "politie")
    assert page.goto(base + f"/bij/{melding.pk}/").status == 404
    logout(page)
    login(page, "fg")
    page.goto(base + "/bij/18b/")
    expect(page.get_by_role("table", name="Verstrekkingen en ontvangsten")).to_contain_text(f"BIJ-{melding.pk}")
    scan()

    melding.refresh_from_db()
    assert melding.status == "afgerond"
    assert list(melding.overgangen.values_list("stap", flat=True)) == [
        "registreren",
        "onderzoeken",
        "agenderen",
        "advies_uitbrengen",
        "besluit_registreren",
        "afronden",
    ]
    assert not scan.problems, "\n".join(scan.problems)


def test_bij_pages_of_the_demo_have_no_axe_violations(page, demo):
    visser = Melding.objects.get(persoon__bsn="999990056")
    login(page, "regisseur")
    problems = []
    for path in ("/bij/?te_laat=1", f"/bij/{visser.pk}/", f"/bij/{visser.pk}/wijzigen/", "/bij/overleg/"):
        page.goto(page.base_url + path)
        problems.append(axe_violations(page))
    page.get_by_role("link", name=re.compile("BIJ-overleg")).first.click()
    problems.append(axe_violations(page))
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)
