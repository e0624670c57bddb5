"""Mensenhandel in a real browser: signaal → traject → procedures → casusoverleg, and the logged reveal of a
shelter address. Every new page is scanned with axe (WCAG 2.1 A + AA)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from mensenhandel.models import Traject
from privacy.models import AccessLogEntry

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_signaal_traject_procedures_casusoverleg_and_the_address_reveal(page, demo):
    problems: list[str] = []

    def scan() -> None:
        report = axe_violations(page)
        if report:
            problems.append(report)

    base = page.base_url
    ana = Traject.objects.get(persoon__bsn="999990093")

    login(page, "zorgcoordinator")
    page.goto(base + reverse("cases:dashboard"))
    expect(page.get_by_role("main")).to_contain_text("Bedenktijd die binnen 14 dagen eindigt")
    expect(page.get_by_role("main")).to_contain_text("Popescu")
    scan()

    # Signaal
    page.goto(base + "/mensenhandel/signalen/nieuw/")
    scan()
    page.get_by_role("button", name="Registreren").click()  # empty: Dutch errors, no 500
    expect(page.get_by_role("alert")).to_contain_text("Controleer het formulier")
    scan()
    page.get_by_label("Signalerende organisatie").select_option("ggd")
    page.get_by_label("Vorm van uitbuiting").select_option("arbeid")
    page.get_by_label("Nationaliteit").fill("Pools")
    page.get_by_label("Gemeente").select_option(label="Gemeente Breda")
    page.get_by_label("Voornamen").fill("Marek")
    page.get_by_label("Achternaam").fill("Nowak")
    page.get_by_role("button", name="Registreren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Signaal")
    expect(page.get_by_role("main")).to_contain_text("Nowak")
    scan()

    # Traject
    page.get_by_role("link", name="Zorgcoördinatie starten").click()
    scan()
    page.get_by_label("Soort opvang").select_option("categoraal")
    page.get_by_role("button", name="Traject starten").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Traject")
    scan()
    traject = Traject.objects.get(persoon__achternaam="Nowak")

    # Procedures: a bedenktijd that started 80 days ago is flagged
    page.get_by_role("link", name=re.compile("Bijwerken bedenktijd")).click()
    scan()
    page.get_by_label("Status").select_option("lopend")
    page.get_by_label("Startdatum bedenktijd").fill((timezone.localdate() - timedelta(days=80)).isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("main")).to_contain_text("eindigt binnen 14 dagen")

    # Casusoverleg (the existing Casusoverleg, through the traject's case)
    page.locator("#id_overleg").select_option(index=1)
    page.get_by_role("button", name="Agenderen").click()
    expect(page.locator(".messages")).to_contain_text("staat op de agenda")
    assert traject.casus.agendapunten.exists()
    scan()

    # Opvangadres: set (never shown back), then revealed only on request with a reason (logged)
    page.get_by_role("link", name="Opvangadres vastleggen").click()
    scan()
    page.get_by_label("Opvangadres").fill("Schuilhof 3, Breda")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("main")).not_to_contain_text("Schuilhof")
    page.goto(base + f"/mensenhandel/trajecten/{ana.pk}/")
    expect(page.get_by_role("main")).not_to_contain_text("Opvangstraat")
    scan()
    page.get_by_label("Waarom heeft u het opvangadres nodig?").fill("Vervoer naar de huisarts regelen")
    page.get_by_role("button", name="Opvangadres tonen").click()
    expect(page.get_by_role("main")).to_contain_text("Opvangstraat 7, Breda")
    scan()
    assert AccessLogEntry.objects.filter(action="reveal", object_ids=[str(ana.pk)]).exists()
    page.goto(base + f"/mensenhandel/trajecten/{ana.pk}/")
    expect(page.get_by_role("main")).not_to_contain_text("Opvangstraat")

    for url in ("/mensenhandel/signalen/", "/mensenhandel/trajecten/", "/mensenhandel/advies/"):
        page.goto(base + url)
        scan()
    page.goto(base + f"/mensenhandel/trajecten/{traject.pk}/bewerken/")
    scan()

    # regisseur is not in the team: Ana does not exist for him
    page.get_by_role("button", name="Uitloggen").click()
    login(page, "regisseur")
    response = page.goto(base + f"/mensenhandel/trajecten/{ana.pk}/")
    assert response.status == 404
    assert not problems, "\n\n".join(problems)
