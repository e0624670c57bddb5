"""Issue 16 and 13 in a real browser: placing an aanmelding on a coming triage moment (making one and coming
straight back), adding waiting aanmeldingen from a session, the screening question and its answer, adding a waiting
case to a casusoverleg agenda and "Op de agenda zetten" from the case page. Every page is scanned with axe."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Agendapunt, Casus, Casusoverleg
from cases.selectors import overleggen_coming
from triage.choices import AanmeldingStatus
from triage.models import Aanmelding, TriageSessie
from zvh.accounts.models import User

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


class Scan:
    def __init__(self, page) -> None:
        self.page = page
        self.problems: list[str] = []

    def __call__(self) -> None:
        report = axe_violations(self.page)
        if report:
            self.problems.append(report)


def aanmelding_of(achternaam: str) -> Aanmelding:
    return Aanmelding.objects.get(betrokkenen__achternaam=achternaam)


def test_triage_placement_with_a_new_moment_and_waiting_aanmeldingen(page, demo):
    scan = Scan(page)
    base = page.base_url
    tom, yusuf = aanmelding_of("Hendriks"), aanmelding_of("Aydin")
    login(page, "regisseur")

    # Only coming moments of the MaSS/VT board are offered, the next one chosen.
    page.goto(base + f"/aanmeldingen/{tom.pk}/")
    scan()
    select = page.get_by_label("Triagemoment", exact=True)
    offered = select.locator("option").all_inner_texts()
    assert offered and all(text.startswith("Gezamenlijke triage") for text in offered)
    coming = TriageSessie.objects.filter(bord__soort="mass_vt", datum__gte=timezone.localdate()).order_by("datum")
    expect(select).to_have_value(str(coming.first().pk))

    # A new moment on that board, made from here, comes straight back chosen.
    new_day = timezone.localdate() + timedelta(days=40)
    page.get_by_text(re.compile("Nieuw triagemoment van Gezamenlijke triage")).click()
    page.get_by_label("Datum van het triagemoment").first.fill(new_day.isoformat())
    page.get_by_role("button", name="Aanmaken en kiezen").first.click()
    made = TriageSessie.objects.get(bord__soort="mass_vt", datum=new_day)
    expect(page).to_have_url(re.compile(rf"/aanmeldingen/{tom.pk}/\?sessie={made.pk}"))
    expect(page.get_by_label("Triagemoment", exact=True)).to_have_value(str(made.pk))
    expect(page.locator(".messages")).to_contain_text("is aangemaakt en gekozen")
    scan()
    page.get_by_role("button", name="Agenderen").click()
    expect(page).to_have_url(re.compile(rf"/triage/sessies/{made.pk}/"))
    expect(page.get_by_role("main")).to_contain_text("Tom Hendriks")
    scan()

    # The weging form shows the aanleiding.
    page.goto(base + f"/aanmeldingen/{tom.pk}/weging/")
    expect(page.get_by_role("region", name="Aanleiding")).to_contain_text(tom.aanleiding)
    scan()

    # From a Weegploeg moment: the waiting radicalisering aanmelding is offered and added.
    weegploeg = TriageSessie.objects.filter(bord__soort="weegploeg", datum__gte=timezone.localdate()).first()
    page.goto(base + f"/triage/sessies/{weegploeg.pk}/")
    waiting = page.get_by_role("region", name="Aanmeldingen die wachten op triage")
    expect(waiting).to_contain_text("Yusuf Aydin")
    expect(waiting).not_to_contain_text("Tom Hendriks")
    scan()
    waiting.get_by_label(re.compile("Yusuf Aydin")).check()
    page.get_by_role("button", name="Op dit triagemoment zetten").click()
    expect(page.get_by_role("table")).to_contain_text("Yusuf Aydin")
    scan()
    yusuf.refresh_from_db()
    assert yusuf.sessie_id == weegploeg.pk and yusuf.status == AanmeldingStatus.GEAGENDEERD
    assert not scan.problems, "\n\n".join(scan.problems)


def test_screening_question_answered_by_the_melder(page, demo):
    scan = Scan(page)
    base = page.base_url
    lieke = aanmelding_of("Martens")
    login(page, "veiligthuis")
    page.goto(base + f"/aanmeldingen/{lieke.pk}/")
    expect(page.get_by_role("main")).to_contain_text("Is Veilig Thuis al betrokken")
    scan()
    page.get_by_role("link", name="Vraag van het ZVH beantwoorden").click()
    scan()
    page.get_by_role("button", name="Aanvulling versturen").click()  # empty: a Dutch error, nothing lost
    expect(page.get_by_role("main")).to_contain_text("Dit veld is verplicht")
    scan()
    page.get_by_label("Uw antwoord of aanvulling").fill("Ja, sinds september; er loopt een onderzoek.")
    page.get_by_role("button", name="Aanvulling versturen").click()
    expect(page.get_by_role("main")).to_contain_text("ingediend, wacht op triage")
    scan()
    lieke.refresh_from_db()
    assert lieke.status == AanmeldingStatus.INGEDIEND
    assert not scan.problems, "\n\n".join(scan.problems)


def test_adding_a_waiting_case_to_an_agenda_and_from_the_case_page(page, demo):
    scan = Scan(page)
    base = page.base_url
    sanne = Casus.objects.get(hoofdpersoon__achternaam="Verhoeven")
    jan = Casus.objects.get(hoofdpersoon__bsn="999990019")
    next_overleg = Casusoverleg.objects.get(agendapunten__casus=jan, datum_tijd__gte=timezone.now())
    later = Casusoverleg.objects.get(locatie="ZVH Baronie Breda", datum_tijd__gte=timezone.now())
    regisseur = User.objects.get(username="regisseur")
    first_offered = overleggen_coming(regisseur).exclude(agendapunten__casus=jan).first()
    login(page, "regisseur")

    page.goto(base + f"/overleggen/{next_overleg.pk}/")
    waiting = page.get_by_role("region", name="Casussen die wachten op een casusoverleg")
    expect(waiting).to_contain_text("Sanne Verhoeven")
    scan()
    waiting.get_by_label(re.compile(sanne.nummer)).check()
    page.get_by_role("button", name="Gekozen casussen op de agenda zetten").click()
    expect(page.locator(".messages")).to_contain_text(f"Op de agenda gezet: {sanne.nummer}")
    scan()
    assert Agendapunt.objects.filter(overleg=next_overleg, casus=sanne).exists()

    # "Op de agenda zetten" from the case page: Jan is on the next overleg already, so the later one is offered.
    page.goto(base + f"/casussen/{jan.pk}/")
    section = page.get_by_role("region", name="Op de agenda zetten")
    expect(section.get_by_label("Casusoverleg")).to_have_value(str(first_offered.pk))  # the next one
    scan()
    section.get_by_label("Casusoverleg").select_option(str(later.pk))
    section.get_by_role("button", name="Op de agenda zetten").click()
    expect(page).to_have_url(re.compile(rf"/overleggen/{later.pk}/"))
    expect(page.get_by_role("main")).to_contain_text("Jan de Vries")
    scan()

    # The FG's list of grondslagen, with its explanations.
    page.get_by_role("button", name="Uitloggen").click()
    login(page, "fg")
    page.goto(base + "/grondslagen/")
    expect(page.get_by_role("table", name="Lijst van grondslagen")).to_contain_text("vitaal belang")
    scan()
    page.get_by_role("link", name=re.compile("Wijzig.*toestemming")).click()
    scan()
    assert not scan.problems, "\n\n".join(scan.problems)
