"""E-mail notifications and calendars in a real browser: a partner chooses immediate e-mail on the account page,
the procesregisseur puts the partner's case on a meeting, the invitation arrives (captured by the locmem backend)
without names or BSNs and with an .ics; the partner downloads the meeting and copies the feed address; axe on
every changed page."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from cases.models import Casus, Casusoverleg
from zvh.accounts.choices import NotificationFrequency
from zvh.accounts.models import User

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PETRA = ("Petra", "Bakker", "999990032")
JAN = ("Jan", "Vries", "999990019")


def scan(page, problems: list) -> None:
    report = axe_violations(page)
    if report:
        problems.append(report)


def logout(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/**")


def test_preference_invitation_mail_and_calendars(page, demo):
    problems: list[str] = []
    base = page.base_url
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    petra = Casus.objects.get(hoofdpersoon__bsn="999990032")  # granted to Veilig Thuis only
    regisseur = User.objects.get(username="regisseur")
    start = (timezone.now() + timedelta(days=9)).replace(hour=9, minute=30, second=0, microsecond=0)
    overleg = Casusoverleg.objects.create(
        datum_tijd=start, locatie="ZVH Breda, zaal 3", voorzitter=regisseur, aangemaakt_door=regisseur
    )

    # 1. Veilig Thuis reads a daily digest in the demo; on the account page they switch to immediate e-mail.
    login(page, "veiligthuis")
    page.goto(base + "/account/")
    expect(page.get_by_role("heading", name="E-mailmeldingen")).to_be_visible()
    expect(page.get_by_label("Dagelijks: één overzicht per dag")).to_be_checked()
    scan(page, problems)
    page.get_by_label("Direct: één e-mail per gebeurtenis").check()
    page.get_by_role("button", name="Keuze opslaan").click()
    expect(page.get_by_role("main")).to_contain_text("Uw keuze voor e-mailmeldingen is opgeslagen.")
    expect(page.get_by_label("Direct: één e-mail per gebeurtenis")).to_be_checked()
    scan(page, problems)
    assert User.objects.get(username="veiligthuis").notification_frequency == NotificationFrequency.DIRECT
    logout(page)

    # 2. The procesregisseur puts Petra Bakker's case on the meeting: Veilig Thuis is invited.
    mail.outbox.clear()
    login(page, "regisseur")
    page.goto(f"{base}/overleggen/{overleg.pk}/")
    page.get_by_label("Casusnummer").fill(petra.nummer)
    page.get_by_role("button", name="Op de agenda zetten", exact=True).click()
    expect(page.get_by_role("main")).to_contain_text(f"Casus {petra.nummer} staat op de agenda.")
    expect(page.get_by_role("link", name="In mijn agenda zetten (.ics)")).to_be_visible()
    scan(page, problems)
    page.goto(base + "/overleggen/")
    scan(page, problems)
    logout(page)

    # 3. The captured e-mail: a link and an .ics, no name, BSN or case number.
    invitations = [m for m in mail.outbox if m.subject == "Uitnodiging voor een casusoverleg"]
    assert [m.to for m in invitations] == [["veiligthuis@demo.zvh.invalid"]]
    [message] = invitations
    [(name, content, _mimetype)] = message.attachments  # a text/* attachment is kept as str
    assert name == f"casusoverleg-{overleg.pk}.ics"
    text = "\n".join([message.subject, message.body, content])
    for needle in (*PETRA, *JAN, petra.nummer):
        assert needle not in text, needle
    assert f"/overleggen/{overleg.pk}/" in message.body
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == timezone.localtime(start)

    # 4. The partner follows the link and downloads the meeting from the page.
    login(page, "veiligthuis")
    page.goto(f"{base}/overleggen/{overleg.pk}/")
    scan(page, problems)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="In mijn agenda zetten (.ics)").click()
    assert download_info.value.suggested_filename == f"casusoverleg-{overleg.pk}.ics"
    [event] = Calendar.from_ical(Path(download_info.value.path()).read_bytes()).walk("VEVENT")
    assert str(event["LOCATION"]) == "ZVH Breda, zaal 3"

    # 5. The personal feed: made once, shown again later, copied with the button.
    page.goto(base + "/facilitering/agenda-abonnement/")
    page.get_by_role("button", name="Agenda-abonnement maken").click()
    address = page.get_by_label("Adres van uw agenda-abonnement").input_value()
    assert "/facilitering/feed/" in address
    scan(page, problems)
    page.goto(base + "/facilitering/agenda-abonnement/")
    page.get_by_text("Adres van uw agenda-abonnement tonen").click()
    expect(page.get_by_label("Adres van uw agenda-abonnement")).to_have_value(address)
    page.get_by_role("button", name="Adres kopiëren").click()
    expect(page.locator("#feed-url-status")).to_have_text("Het adres is gekopieerd.")
    assert page.evaluate("navigator.clipboard.readText()") == address
    scan(page, problems)
    page.goto(base + "/facilitering/")
    scan(page, problems)
    assert not problems, "\n\n".join(problems)
