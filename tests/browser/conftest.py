"""Playwright driving Debian's Chromium against pytest-django's live server.

Without Chromium the browser tests are skipped with a clear message; with ZVH_REQUIRE_BROWSER=1 (CI) a missing
browser is a failure instead.
"""

import os
import shutil
from base64 import b32decode

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test itself are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("ZVH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def _browser_unavailable_reason() -> str | None:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "Python-pakket playwright ontbreekt (pip install -e '.[dev]')"
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        return f"Chromium niet gevonden op {CHROMIUM} (apt-get install chromium); browsertests overgeslagen"
    return None


@pytest.fixture(scope="session")
def serialized_db(django_db_setup, django_db_blocker):
    """The post-migration snapshot Django took when it created the test database (see _restore_migration_data)."""
    from django.db import connections

    return getattr(connections["default"], "_test_serialized_contents", None)


@pytest.fixture(scope="session")
def browser(serialized_db):
    reason = _browser_unavailable_reason()
    if reason:
        if os.environ.get("ZVH_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Browsertests zijn verplicht (ZVH_REQUIRE_BROWSER=1): {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Tell the demo fixture which test comes next in this worker (see ``demo``)."""
    item._zvh_next = nextitem
    yield


@pytest.fixture
def demo(request, transactional_db, serialized_db, settings):
    """The demo organisations and accounts (as seed_demo makes them) in the live server's database.

    Seeding the demo costs ≈ 12 s of CPU; each worker seeds it once and copies the rows (and sequence positions)
    back in for every later test (PostgreSQL: COPY, ≈ 0.1 s). The test's own changes are flushed afterwards as
    before (transactional test), so every test starts from the same demo.

    The snapshot holds the migrations' rows too, so when the next test in this worker uses this fixture as well,
    Django's serialized rollback is given nothing to load before it (0.3 s saved per test: the restore would
    replace those rows at once); any other next test gets the migrations' rows as usual.
    """
    from django.db import connection

    from zvh.core.demo import seed_all

    from .snapshot import DemoSnapshot

    postgres = connection.vendor == "postgresql"
    if postgres and serialized_db is not None:
        request.addfinalizer(lambda: _serialized_for_next(request, connection, serialized_db))
    if postgres and DemoSnapshot.current is not None:
        DemoSnapshot.current.restore(connection)
    else:
        _restore_migration_data(serialized_db)
        seed_all(compact=True)
        if postgres:
            DemoSnapshot.current = DemoSnapshot.take(connection)


def _serialized_for_next(request, connection, serialized: str) -> None:
    """What Django's serialized rollback loads before the next test (registered first, so it runs even when the
    restore failed)."""
    following = getattr(request.node, "_zvh_next", None)
    demo_next = following is not None and "demo" in getattr(following, "fixturenames", ())
    connection._test_serialized_contents = "[]" if demo_next else serialized


def _restore_migration_data(serialized: str | None) -> None:
    """Give the flushed test database back the rows migrations made (roles, site).

    Django's serialized rollback keeps those rows on the database connection object; Playwright's sync API runs
    tests in another context, where Django hands out a different connection object without them. Putting the
    snapshot on that object makes Django's own rollback machinery work again from the next test on.
    """
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    if serialized is None:
        return
    connection._test_serialized_contents = serialized
    if not Group.objects.exists():
        ContentType.objects.clear_cache()
        connection.creation.deserialize_db_from_string(serialized)


def axe_violations(page) -> str | None:
    """Run axe-core (WCAG 2.1 A + AA rules) on the current page; return a readable report or None.

    The 570 kB script is injected once per document (a second scan of the same page, after opening a menu, reuses
    it), and axe-core collects only the violations, not the passing nodes it would otherwise serialise.
    """
    from axe_playwright_python.base import AXE_SCRIPT, AxeResults

    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    results = AxeResults(page.evaluate("options => axe.run(options)", AXE_OPTIONS))
    if results.violations_count:
        return f"{page.url}: {results.violations_count} axe-overtredingen\n{results.generate_report()}"
    return None


def demo_code() -> str:
    from django_otp.oath import totp

    from zvh.accounts.demo import DEMO_TOTP_SECRET

    return f"{totp(b32decode(DEMO_TOTP_SECRET)):06d}"


def login(page, username: str) -> None:
    """Start the test logged in as ``username`` with a verified second factor, on its landing page.

    The session is made directly (Django's ``force_login`` plus the TOTP device django-otp records at the code
    step) and handed to the browser as its cookie: ≈ 0.1 s instead of ≈ 0.6 s through the two login pages. The
    pages themselves are tested by ``login_through_pages`` (test_foundation_browser: every demo role, the lockout
    and the enrolment of a new user). An account without a confirmed device goes through the pages, so a test
    never skips the enrolment that a real login would force.
    """
    from django.conf import settings
    from django.urls import reverse
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ..conftest import verified_client

    device = TOTPDevice.objects.filter(user__username=username, confirmed=True).select_related("user").first()
    if device is None:
        login_through_pages(page, username)
        return
    session_key = verified_client(device.user).session.session_key
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": page.base_url}])
    page.goto(page.base_url + reverse("core:landing"))
    wait_for_landing(page)


def login_through_pages(page, username: str, password: str | None = None) -> None:
    """Log in through the real pages with password and a TOTP code from the demo secret."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from zvh.accounts.demo import DEMO_PASSWORD

    TOTPDevice.objects.filter(user__username=username).update(last_t=-1)  # allow a second login in this window
    page.goto(page.base_url + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password or DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_label("Verificatiecode").fill(demo_code())
    page.get_by_role("button", name="Bevestigen").click()
    wait_for_landing(page)


def wait_for_landing(page) -> None:
    """After the code: Mijn werk for the roles that have it, the start page for the others (core:landing)."""
    page.wait_for_url(lambda url: url.endswith(("/", "/mijn-werk/")) and "inloggen" not in url)
