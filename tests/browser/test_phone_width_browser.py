"""Phone width (390 px): per role, every page the navigation reaches fits the screen, and no date is in an old style.

A bounded breadth-first crawl from the start page: same-origin links only, GET only, no downloads, no logout. On
each page the document may not be wider than the viewport (wide tables scroll inside their own focusable box or
fold into stacked rows), and the visible text may hold no date in a forbidden style ("11 Mrt 2022", "4-10-2026").
"""

import re
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from .conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
MAX_PAGES = 40
ROLES = ["regisseur", "secretariaat", "politie", "manager", "fg", "beheer"]
SKIP = re.compile(
    r"(uitloggen|logout|download|export|\.pdf|\.csv|\.ics|/feed/|/agenda-abonnement/|/static/|/media/|afdruk|print)",
    re.I,
)
# "mei" is its own abbreviation, so it is allowed in full.
MAANDEN = "januari|februari|maart|april|juni|juli|augustus|september|oktober|november|december"
FORBIDDEN_DATES = [
    # A capitalised or full month name after a day number: "11 Mrt 2022", "4 december 2026".
    re.compile(r"\b\d{1,2} (?:Jan|Feb|Mrt|Apr|Mei|Jun|Jul|Aug|Sep|Okt|Nov|Dec)\b"),
    re.compile(rf"\b\d{{1,2}} (?:{MAANDEN})\b"),
    # Lower-case abbreviations without the full stop: "18 dec 2026" (only "mei" has none).
    re.compile(r"\b\d{1,2} (?:jan|feb|mrt|apr|jun|jul|aug|sep|okt|nov|dec)(?!\.)\b"),
    # A numeric date with an unpadded day or month: "4-10-2026", "07-1-2026".
    re.compile(r"(?<![\d-])(?:\d-\d{1,2}|\d{2}-\d)-\d{4}(?!\d)"),
]
LOWERCASE_BSN = re.compile(r"\b(?:bsn|Bsn)\b")
# The visible text without <code> (technical names such as CSV column headers may be lower case).
VISIBLE_TEXT = """() => { const body = document.body.cloneNode(true);
  body.querySelectorAll('code, script, style, [hidden]').forEach(e => e.remove()); return body.innerText; }"""
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .filter(e => !e.parentElement.closest('.table-scroll, .fac-scroll'))
  .slice(0, 3).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' '
    + Math.round(e.getBoundingClientRect().right))"""


def forbidden_dates(text: str) -> list[str]:
    return [m.group(0) for pattern in FORBIDDEN_DATES for m in pattern.finditer(text)]


def test_forbidden_date_patterns_are_recognised():
    assert forbidden_dates("op 11 Mrt 2022 en 4-10-2026, 07-1-2026, 18 dec 2026, 4 december 2026") == [
        "11 Mrt",
        "4 december",
        "18 dec",
        "4-10-2026",
        "07-1-2026",
    ]
    assert not forbidden_dates("op 18 dec. 2026, 4 mei 2026, 18-12-2026 14:30, ZVH-2026-0001, december 2026")


def _links(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    found = []
    for href in hrefs:
        url = urldefrag(urljoin(page.url, href))[0]
        if urlsplit(url).netloc == urlsplit(base).netloc and not SKIP.search(url):
            found.append(url)
    return found


def _crawl(page, limit: int = MAX_PAGES):
    """Yield (url, response) breadth-first from the start page; downloads and non-HTML answers are skipped."""
    base = page.base_url
    queue, seen = [base + "/"], {"/"}  # one visit per path: filter variants of one list look alike
    visited = 0
    while queue and visited < limit:
        url = queue.pop(0)
        try:
            response = page.goto(url)
        except PlaywrightError as exc:  # a link that turned out to start a download
            if "Download is starting" in str(exc):
                continue
            raise
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        visited += 1
        yield url, response
        for link in _links(page, base):
            if urlsplit(link).path not in seen:
                seen.add(urlsplit(link).path)
                queue.append(link)


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", viewport=PHONE)
    context.set_default_timeout(15000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


AXE_PAGES_PER_ROLE = 6  # the start page and the first pages with a table scroll box


@pytest.mark.parametrize("username", ROLES)
def test_no_page_scrolls_sideways_at_390_px_and_dates_have_one_style(phone, demo, username):
    login(phone, username)
    too_wide, old_dates, errors, pages, axe = [], [], [], [], []
    for url, response in _crawl(phone):
        path = url.removeprefix(phone.base_url)
        pages.append(path)
        if len(axe) < AXE_PAGES_PER_ROLE and (path == "/" or phone.locator(".table-scroll").count()):
            axe.append(axe_violations(phone))
        if response.status >= 500:
            errors.append(f"{path}: HTTP {response.status}")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"] + 1:
            too_wide.append(f"{path}: {width}px ({', '.join(phone.evaluate(WIDEST))})")
        text = phone.evaluate(VISIBLE_TEXT)
        dates = forbidden_dates(text) + LOWERCASE_BSN.findall(text)
        if dates:
            old_dates.append(f"{path}: {', '.join(sorted(set(dates)))}")
    print(f"{username}: {len(pages)} pagina's op 390 px: {' '.join(pages)}")  # shown with -s
    assert len(pages) >= 10, f"de crawl van {username} bereikte maar {len(pages)} pagina's: {pages}"
    assert not errors, "\n".join(errors)
    assert not [a for a in axe if a], "\n".join(a for a in axe if a)
    assert not too_wide, f"{username}: pagina's breder dan 390 px:\n" + "\n".join(too_wide)
    assert not old_dates, f"{username}: datums in een oude stijl of 'bsn' in kleine letters:\n" + "\n".join(old_dates)


def test_the_menu_folds_behind_a_button_at_phone_width_and_opens_with_keyboard(phone, demo):
    login(phone, "regisseur")
    menu = phone.get_by_role("navigation", name="Hoofdmenu")
    button = menu.get_by_role("button", name="Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu.get_by_role("link", name="Casussen")).to_be_hidden()
    assert not axe_violations(phone), axe_violations(phone)

    button.focus()
    phone.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Casussen")).to_be_visible()
    assert not axe_violations(phone), axe_violations(phone)
    phone.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()

    button.click()
    menu.get_by_role("link", name="Casussen").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Casussen")
    # a wide table scrolls inside its own labelled box, which a keyboard can reach
    box = phone.locator(".table-scroll").first
    expect(box).to_have_attribute("role", "region")
    expect(box).to_have_attribute("tabindex", "0")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1


def test_without_javascript_the_menu_is_simply_shown(browser, live_server, demo):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.base_url = live_server.url
    try:
        login(page, "regisseur")
        menu = page.get_by_role("navigation", name="Hoofdmenu")
        expect(menu.get_by_role("link", name="Casussen")).to_be_visible()
        expect(menu.get_by_role("button", name="Menu")).to_have_count(0)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    finally:
        context.close()


def test_at_desktop_width_the_menu_is_open_and_has_no_button(page, demo):
    login(page, "regisseur")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Casussen")).to_be_visible()
    expect(menu.get_by_role("button", name="Menu")).to_be_hidden()
