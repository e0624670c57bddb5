"""ZSM contextinformatie in a real browser: the zsm account asks, a procesregisseur answers within the deadline, the
zsm account reads the answer; a buikpijnmelding starts from the ZSM page. Every new page is scanned with axe."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from privacy.models import AccessLogEntry
from zsm.access import CONTEXTVERZOEK
from zsm.models import Contextverzoek

from .conftest import login
from .test_case_flow_browser import Scan, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _deadline() -> str:
    now = timezone.localtime()
    return min(now + timedelta(hours=2), now.replace(hour=23, minute=59)).strftime("%H:%M")


def test_a_zsm_request_answered_within_the_deadline(page, demo):
    scan = Scan(page)
    base = page.base_url

    # 1. The ZSM account (Openbaar Ministerie) sees this morning's answer about Jan de Vries and asks again.
    login(page, "zsm")
    page.goto(base + "/mijn-werk/")
    panel = page.get_by_role("region", name="ZSM contextinformatie")
    expect(panel).to_contain_text("Jan de Vries")
    scan()
    panel.get_by_role("link", name="Nieuw contextverzoek").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw contextverzoek")
    scan()
    page.get_by_role("button", name="Verzoek indienen").click()  # empty: Dutch errors, no 500
    expect(page.get_by_role("alert")).to_be_visible()
    scan()
    expect(page.get_by_label("ZSM-partner")).to_have_value("om")
    page.get_by_label("Voornamen van de verdachte").fill("Sven")
    page.get_by_label("Achternaam").fill("Testverdachte")
    page.get_by_label("Geboortedatum").fill("1995-02-03")
    page.get_by_label("Meerderjarig (18 of ouder)").check()
    page.get_by_label("Deadline (vandaag)").fill(_deadline())
    page.get_by_label("Waarvoor is de context nodig?").fill("Voorgeleiding vandaag.")
    page.get_by_role("button", name="Verzoek indienen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Contextverzoek")
    expect(page.get_by_role("main")).to_contain_text("Nog niet beantwoord")
    scan()
    verzoek = Contextverzoek.objects.get(achternaam="Testverdachte")
    page.goto(base + "/zsm/verzoeken/")
    expect(page.get_by_role("table", name="Contextverzoeken, nieuwste eerst")).to_contain_text("Testverdachte")
    scan()
    page.get_by_role("link", name="Buikpijnmelding doen").click()
    expect(page.get_by_role("main")).to_contain_text("Bron: ZSM")
    scan()
    logout(page)

    # 2. A procesregisseur sees it on Mijn werk and answers within the deadline.
    login(page, "regisseur")
    page.goto(base + "/mijn-werk/")
    expect(page.get_by_role("region", name="ZSM: contextverzoeken")).to_contain_text("Testverdachte")
    scan()
    page.goto(base + "/zsm/verzoeken/?status=open")
    scan()
    page.get_by_role("link", name=str(verzoek.pk), exact=True).click()
    expect(page.get_by_role("heading", level=2, name="Beantwoorden")).to_be_visible()
    scan()
    page.get_by_role("button", name="Antwoord versturen").click()  # nothing chosen: an error, no 500
    expect(page.get_by_role("main")).to_contain_text("Dit veld is verplicht")
    scan()
    page.get_by_label("Ja").check()
    page.get_by_label("Minimale context").fill("Bekend: procesregie bij het ZVH. Contact via de procesregisseur.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_role("main")).to_contain_text("beantwoord binnen de deadline")
    scan()
    logout(page)

    # 3. The ZSM account reads the answer: yes/no and the minimal text, nothing else.
    login(page, "zsm")
    page.goto(base + f"/zsm/verzoeken/{verzoek.pk}/")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Bekend bij het ZVH.")
    expect(main).to_contain_text("Bekend: procesregie bij het ZVH.")
    expect(main).not_to_contain_text("Dossiers met deze persoon")
    scan()

    om = verzoek.partner_organisatie_id
    for action, username in (("create", "zsm"), ("update", "regisseur"), ("read", "zsm")):
        assert AccessLogEntry.objects.filter(
            object_type=CONTEXTVERZOEK, action=action, username=username, on_behalf_of_id=om
        ).exists(), action
    assert not scan.problems, "\n\n".join(scan.problems)
