"""The accessibility check every browser test relies on finds real WCAG violations and passes a clean page."""

import pytest

from .conftest import axe_violations

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="nl"><head><title>Proef</title></head><body><main><h1>Proef</h1>
<form><label for="naam">Naam</label><input id="naam" name="naam"><button>Opslaan</button></form>{extra}</main>
</body></html>"""


@pytest.fixture
def blank(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_a_clean_page_passes_and_violations_are_named(blank):
    blank.set_content(PAGE.format(extra=""))
    assert axe_violations(blank) is None
    blank.set_content(PAGE.format(extra='<img src="data:,"><p style="color:#bbb;background:#fff">Vaag</p>'))
    report = axe_violations(blank)
    assert report and "2 axe-overtredingen" in report
    assert "image-alt" in report and "color-contrast" in report


def test_a_second_scan_of_the_same_document_sees_what_changed(blank):
    blank.set_content(PAGE.format(extra=""))
    assert axe_violations(blank) is None
    blank.evaluate("document.querySelector('label').remove()")  # the field loses its name
    report = axe_violations(blank)
    assert report and "label" in report
