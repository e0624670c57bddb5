"""Every demo role logs in with password + TOTP in a real browser; every page so far has 0 axe violations."""

import pytest
from playwright.sync_api import expect

from zvh.accounts.choices import Role
from zvh.accounts.demo import DEMO_USERS

from ..factories import TEST_PASSWORD, UserFactory
from .conftest import axe_violations, login, login_through_pages, wait_for_landing

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("spec", DEMO_USERS, ids=[u.username for u in DEMO_USERS])
def test_demo_account_logs_in_sees_its_start_page_and_logs_out(page, demo, spec):
    page.goto(page.base_url + "/inloggen/")
    assert not axe_violations(page), axe_violations(page)
    page.get_by_label("Gebruikersnaam").fill(spec.username)
    page.get_by_label("Wachtwoord").fill("demo-wachtwoord-2022")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_label("Verificatiecode")).to_be_visible()
    assert not axe_violations(page), axe_violations(page)

    from django_otp.plugins.otp_totp.models import TOTPDevice

    from .conftest import demo_code

    TOTPDevice.objects.filter(user__username=spec.username).update(last_t=-1)
    page.get_by_label("Verificatiecode").fill(demo_code())
    page.get_by_role("button", name="Bevestigen").click()
    wait_for_landing(page)
    if spec.role in (Role.PROCESREGISSEUR, Role.KETENPARTNER, Role.SECRETARIAAT):
        expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
        assert page.url == page.base_url + "/mijn-werk/"
        page.goto(page.base_url + "/")

    expect(page.get_by_role("heading", level=1)).to_have_text(f"Welkom, {spec.first_name} {spec.last_name}")
    main = page.get_by_role("main")
    expect(main).to_contain_text(spec.organisation)
    expect(main).to_contain_text(str(Role(spec.role).label))
    expect(page.get_by_role("navigation", name="Hoofdmenu")).to_be_visible()
    assert not axe_violations(page), axe_violations(page)

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url("**/inloggen/**")
    page.goto(page.base_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")


def test_pages_of_each_role_have_no_axe_violations(page, demo):
    pages = {
        "fg": ["/privacy/inlogregistratie/", "/privacy/inlogregistratie/?soort=mislukt", "/account/"],
        "politie": [
            "/privacy/inlogregistratie/",
            "/bestaat-niet/",
            "/account/tweestapsverificatie/reservecodes/",
        ],
    }
    problems = []
    for username, paths in pages.items():
        login_through_pages(page, username)  # so the FG's login register has rows to scan
        for path in paths:
            page.goto(page.base_url + path)
            problems.append(axe_violations(page))
        page.get_by_role("button", name="Uitloggen").click()
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


def test_403_and_404_pages_are_dutch(page, demo):
    login(page, "politie")
    response = page.goto(page.base_url + "/privacy/inlogregistratie/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")
    response = page.goto(page.base_url + "/bestaat-niet/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")


def test_new_user_enrols_a_second_factor_before_anything_else(page, demo):
    from base64 import b32decode

    from django_otp.oath import totp

    from zvh.accounts.models import Organisation

    UserFactory(
        username="nieuw",
        organisation=Organisation.objects.get(name="Politie"),
        role=Role.KETENPARTNER,
        with_device=False,
    )
    page.goto(page.base_url + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("nieuw")
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    assert not axe_violations(page), axe_violations(page)
    page.goto(page.base_url + "/")  # cannot skip enrolment
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie instellen")
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("img", name="QR-code met de geheime sleutel voor uw authenticator-app")).to_be_visible()
    assert not axe_violations(page), axe_violations(page)
    secret = page.locator("code.secret").inner_text()
    page.get_by_label("Verificatiecode").fill(f"{totp(b32decode(secret)):06d}")
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tweestapsverificatie ingesteld")
    assert not axe_violations(page), axe_violations(page)
    page.get_by_role("link", name="Reservecodes aanmaken").click()
    page.get_by_role("button", name="Nieuwe reservecodes aanmaken").click()
    expect(page.locator(".token-list li")).to_have_count(10)
    assert not axe_violations(page), axe_violations(page)


def test_lockout_page_is_dutch_and_accessible(page, demo):
    for _ in range(5):
        page.goto(page.base_url + "/inloggen/")
        page.get_by_label("Gebruikersnaam").fill("regisseur")
        page.get_by_label("Wachtwoord").fill("helemaal-fout-123")
        page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen tijdelijk geblokkeerd")
    assert not axe_violations(page), axe_violations(page)


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, demo):
    login(page, "regisseur")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"
