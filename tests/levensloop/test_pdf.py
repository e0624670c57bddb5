"""The quarterly report carries the "Monitor verward gedrag" table: figures from the registration, no person."""

from datetime import date

import pytest

from levensloop import services
from reporting import registry
from reporting import services as reporting_services
from reporting.figures import jaarplan_figures
from reporting.pdf import render_pdf, report_html
from reporting.seeds import jaarplan_2022

from .world import include, new_casus, selectie

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_levensloop_metrics():
    """Other apps' metrics need their own fixture data; this test is about the monitor table only."""
    saved = registry.all_metrics()
    for key in saved:
        if not key.startswith("levensloop."):
            registry.unregister_metric(key)
    yield
    registry._REGISTRY.update(saved)


def test_quarterly_report_has_the_monitor_table_without_persons(regisseur, only_levensloop_metrics):
    jaarplan, _created = reporting_services.jaarplan_load(data=jaarplan_2022)
    dossier = selectie(regisseur, new_casus(regisseur, "Erik", "Verhoef"), op=date(2022, 2, 1))
    include(regisseur, dossier, besloten_op=date(2022, 2, 14), volgende_review=date(2022, 5, 14))
    services.review_record(
        dossier=dossier,
        by=regisseur,
        gehouden_op=date(2022, 5, 10),
        conclusie="Stabiel.",
        volgende_review=date(2022, 8, 10),
    )
    html = report_html(jaarplan_figures(jaarplan, 2), requested_by="Manager")
    section = html[html.index('class="monitor-levensloop"') :]
    section = section[: section.index("</section>")]
    assert "Monitor verward gedrag" in section
    assert '<th scope="row">Q1</th><td class="num">1</td><td class="num">1</td><td class="num">1</td>' in section
    assert '<th scope="row">Q2</th><td class="num">0</td><td class="num">0</td><td class="num">1</td>' in section
    assert "Q3" not in section  # the report of Q2 stops there
    assert "Verhoef" not in html and "Erik" not in html
    pdf = render_pdf(html)
    assert pdf.pdf.startswith(b"%PDF")
