"""The quarterly report is an accessible PDF: tagged (PDF/UA-1) with language, title and structure, its text holds
the definitions of what was counted, and no last page is nearly empty."""

import pytest

from reporting import registry, services
from tests.pdf_checks import tagged_pdf_facts
from zvh.pdf import NEARLY_EMPTY, render_pdf

pytestmark = pytest.mark.django_db


def test_the_quarterly_report_is_a_tagged_pdf_with_its_definitions(jaarplan, fake_metrics):
    registry.register_metric(
        "cases.onder_regie",
        label="Onder regie",
        unit="zaken",
        definition="Casussen onder regie met thema complexe casuïstiek.",
    )(lambda start, end: 40)
    fake_metrics.keys.append("cases.onder_regie")
    rendered = services.report_build(jaarplan=jaarplan, kwartaal=4, requested_by="test")
    facts = tagged_pdf_facts(rendered.pdf)
    assert facts["struct_tree"] and facts["marked"] and facts["display_title"]
    assert facts["lang"].lower().startswith("nl")
    assert facts["title"] == "Kwartaalrapportage jaarplan 2022 — 4e kwartaal"
    text = " ".join(facts["text"].split())
    assert "Wat is geteld" in text and "Casussen onder regie met thema complexe casuïstiek." in text
    assert "Bron: registratie" in text and "Jaarplan 2022 versus realisatie" in text
    assert rendered.page_count == facts["pages"] and rendered.last_page_fill >= NEARLY_EMPTY


def test_a_nearly_empty_last_page_is_laid_out_again(settings):
    """Paragraphs that spill one or two lines onto a second page come back onto one page."""
    from weasyprint import HTML

    from zvh.pdf import last_page_fill

    def html(n: int) -> str:
        body = "".join(f"<p>Regel {i} van de agenda.</p>" for i in range(n))
        head = "<head><title>T</title><style>html { line-height: 1.45 }</style></head>"
        return f'<html lang="nl">{head}<body>{body}</body></html>'

    n = 5
    while len(HTML(string=html(n)).render().pages) < 2:
        n += 1
    spill = HTML(string=html(n)).render()
    assert len(spill.pages) == 2 and last_page_fill(spill) < NEARLY_EMPTY
    rendered = render_pdf(html(n))
    assert rendered.page_count == 1
    assert tagged_pdf_facts(rendered.pdf)["text"].count("Regel") == n
