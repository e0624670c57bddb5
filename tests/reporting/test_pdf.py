"""The quarterly PDF: rendered, read back as text, checked for every activity and for the absence of personal data."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.apps import apps

from reporting import services
from reporting.pdf import BASE_URL, FetchRefused, make_fetcher, static_file_for
from tests.factories import TEST_BSNS

from .conftest import local

pytestmark = pytest.mark.django_db


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) ontbreekt")
    path = tmp_path / "rapport.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True)
    return out.stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def demo_report(jaarplan, fake_metrics):
    """Jaarplan 2022 with the demo's manual entries, plus measured triage decisions from fake metrics."""
    from zvh.core.demo import seed_all

    # Every app's demo data with the fixed fixtures and their persons; not the year of triage and re-integratie work
    # (compact): the metrics are fake here, so that year cannot reach the PDF, and seeding it took minutes.
    seed_all(compact=True)
    fake_metrics.events(
        "triage.besluiten",
        [],
        params=("bord",),
        by_param={"mass_vt": [local(2022, 2, 1)] * 1234, "weegploeg": [local(2022, 11, 1)] * 7},
    )
    return services.report_build(jaarplan=jaarplan, kwartaal=4, requested_by="Monique Mertens (Manager)")


def test_the_demo_quarterly_pdf_is_complete_unclipped_fits_a4_and_has_no_personal_data(demo_report, jaarplan, tmp_path):
    """One test for the three checks of the demo's report: building it (the whole demo seeded, then WeasyPrint)
    is the slowest step, so it is built once."""
    check_every_activity_and_prognose_dutch_formatting_and_no_personal_data(demo_report, jaarplan, tmp_path)
    check_every_column_header_of_every_table_is_in_the_pdf(demo_report, jaarplan, tmp_path)
    check_every_table_fits_the_a4_page(demo_report, jaarplan)


def check_every_activity_and_prognose_dutch_formatting_and_no_personal_data(demo_report, jaarplan, tmp_path):
    from reporting.figures import jaarplan_figures

    raw = pdf_text(demo_report.pdf, tmp_path)
    text = squash(raw).replace("/ ", "/")  # a line may break after a slash ("ZVH/ZSM") in a table cell
    for a in jaarplan_figures(jaarplan, 4).activities:
        assert squash(a.activiteit.omschrijving) in text, a.activiteit.omschrijving
        assert squash(a.prognose_label) in text, (a.activiteit.omschrijving, a.prognose_label)
    for expected in (
        "Jaarplan 2022 versus realisatie",
        "4e kwartaal 2022",
        "1 okt. 2022 tot en met 31 dec. 2022",
        "Peildatum 31 dec. 2022",
        "Opgevraagd door Monique Mertens (Manager)",
        "Samenvatting",
        "Leeswijzer",
        "Kerncijfers uit de registratie",
        "Verantwoording",
        "1.234",  # thousands separator (measured triage decisions)
        "Pagina 2 van",
        "te laat",
        "gereed",
        "achter",
        "op schema",
        "handmatig",
        "De netwerkdag is in oktober gehouden",  # a toelichting
    ):
        assert expected in text, expected
    assert "Pagina 1 van" not in text, "no page number on the cover"
    assert demo_report.page_count >= 8

    forbidden = set(TEST_BSNS)
    leaked = sorted(value for value in forbidden | _person_values() if value and value in raw)
    assert not leaked, leaked

    info = subprocess.run(["pdfinfo", "-"], input=demo_report.pdf, capture_output=True, check=True).stdout.decode()
    assert "Kwartaalrapportage jaarplan 2022" in info and "A4" in info


def _person_values() -> set[str]:
    """BSNs and names of every person-like record the installed apps' demo data created (none is required)."""
    values: set[str] = set()
    for model in apps.get_models():
        fields = {f.name for f in model._meta.get_fields() if hasattr(f, "attname")}
        if "bsn" not in fields:
            continue
        name_fields = [
            f
            for f in ("bsn", "voornaam", "voornamen", "achternaam", "geslachtsnaam", "first_name", "last_name")
            if f in fields
        ]
        for row in model.objects.values_list(*name_fields):
            values |= {str(v) for v in row if v and len(str(v)) > 3}
    return values


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.org/style.css",
        "https://example.org/css/report-pdf.css",
        "http://zvh-static.invalid/css/report-pdf.css",
        f"{BASE_URL}../../../etc/passwd",
        f"{BASE_URL}css/%2e%2e/%2e%2e/pyproject.toml",
        f"{BASE_URL}css/bestaat-niet.css",
        "data:text/css,body{}",
        "ftp://zvh-static.invalid/css/report-pdf.css",
    ],
)
def test_fetcher_refuses_everything_but_own_static_files(url):
    with pytest.raises(FetchRefused):
        static_file_for(url)
    with pytest.raises(ValueError):
        make_fetcher()(url)


def test_fetcher_serves_own_static_files():
    response = make_fetcher()(f"{BASE_URL}css/report-pdf.css")
    assert response.content_type == "text/css"
    assert b"@page" in response.read()


def test_a_report_referring_to_outside_resources_fetches_nothing(monkeypatch, tmp_path):
    """WeasyPrint gets only the restricted fetcher: a local file and a network URL in the HTML stay out.

    The local stylesheet would, if loaded, add a text and change the page size: both are checked, so this test fails
    as soon as the fetcher is removed (it did not when it only counted pages).
    """
    import urllib.request

    from reporting.pdf import render_pdf

    secret = tmp_path / "geheim.css"
    secret.write_text('@page { size: A3 landscape } p::after { content: " GEHEIM-UIT-BESTAND" }')
    attempts = []

    def no_network(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    html = (
        f'<html><head><link rel="stylesheet" href="file://{secret}">'
        '<link rel="stylesheet" href="http://example.org/x.css"></head>'
        f'<body><img src="file://{secret}"><p>Alleen tekst</p></body></html>'
    )
    rendered = render_pdf(html)
    assert rendered.page_count == 1
    text = pdf_text(rendered.pdf, tmp_path)
    assert "Alleen tekst" in text and "GEHEIM-UIT-BESTAND" not in text
    info = subprocess.run(["pdfinfo", "-"], input=rendered.pdf, capture_output=True, check=True).stdout.decode()
    assert "A3" not in info and "1190.55 x 841.89" not in info
    assert attempts == []


def check_every_column_header_of_every_table_is_in_the_pdf(demo_report, jaarplan, tmp_path):
    """Nothing is clipped: each table's header cells (e.g. the 2021 and 2020 columns) are on the page."""
    from html.parser import HTMLParser

    from reporting.figures import jaarplan_figures
    from reporting.pdf import report_html

    class Headers(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tables, self._in_th = [], False

        def handle_starttag(self, tag, attrs):
            if tag == "table":
                self.tables.append([])
            elif tag == "th" and self.tables and ("scope", "col") in attrs:
                self._in_th = True
                self.tables[-1].append("")

        def handle_endtag(self, tag):
            if tag == "th":
                self._in_th = False

        def handle_data(self, data):
            if self._in_th:
                self.tables[-1][-1] += data

    parser = Headers()
    parser.feed(report_html(jaarplan_figures(jaarplan, 4), requested_by="x"))
    headers = [squash(h) for table in parser.tables for h in table if squash(h)]
    assert len(parser.tables) >= 5 and headers
    text = squash(pdf_text(demo_report.pdf, tmp_path))
    missing = sorted({h for h in headers if h not in text})
    assert not missing, missing


def check_every_table_fits_the_a4_page(demo_report, jaarplan):
    """Laid out by WeasyPrint: no table box reaches past the right edge of the page's content area."""
    from weasyprint import HTML

    from reporting.figures import jaarplan_figures
    from reporting.pdf import BASE_URL, make_fetcher, report_html

    html = report_html(jaarplan_figures(jaarplan, 4), requested_by="x")
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=make_fetcher()).render()
    too_wide = []

    def walk(box, page, number):
        if type(box).__name__ == "TableBox":
            right, limit = box.position_x + box.margin_width(), page.content_box_x() + page.width
            if right > limit + 0.5:
                too_wide.append((number, round(right - limit, 1)))
        for child in getattr(box, "children", []):
            walk(child, page, number)

    for number, page in enumerate(document.pages, 1):
        walk(page._page_box, page._page_box, number)
    assert not too_wide, too_wide
