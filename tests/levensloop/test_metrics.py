"""The monitor and the jaarplan metrics count the right rows per period; the jaarplan rows are bound to them."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from levensloop import monitor, services
from levensloop.jaarplan import BINDINGS, bind
from reporting import registry
from reporting.models import Activiteit
from reporting.periods import quarter
from reporting.seeds import jaarplan_2022

from .world import include, new_casus, selectie

pytestmark = pytest.mark.django_db

REVIEW = {"conclusie": "Stabiel."}


def _included(regisseur, name: str, selected: date, besloten: date, first_review: date):
    dossier = selectie(regisseur, new_casus(regisseur, name, "Test"), op=selected)
    return include(regisseur, dossier, besloten_op=besloten, volgende_review=first_review)


def _metric(key: str, q: int) -> int:
    period = quarter(2022, q)
    return registry.get_metric(key).compute(period.start, period.end)


@pytest.fixture
def year(regisseur):
    """2022: A included in Q1 (reviews in Q2 and Q3, flows out in Q4), B included in Q2 (first review due in Q3,
    held late in Q4), C selected in Q3 without inclusion."""
    a = _included(regisseur, "A", date(2022, 1, 10), date(2022, 1, 31), date(2022, 4, 30))
    services.review_record(
        dossier=a, by=regisseur, gehouden_op=date(2022, 4, 28), volgende_review=date(2022, 7, 28), **REVIEW
    )
    services.review_record(
        dossier=a, by=regisseur, gehouden_op=date(2022, 7, 26), volgende_review=date(2022, 10, 26), **REVIEW
    )
    services.uitstroom_record(
        dossier=a, by=regisseur, op=date(2022, 10, 10), reden="risico_afgenomen", toelichting="Besluit."
    )
    b = _included(regisseur, "B", date(2022, 5, 2), date(2022, 6, 30), date(2022, 9, 1))
    services.review_record(
        dossier=b, by=regisseur, gehouden_op=date(2022, 10, 20), volgende_review=date(2023, 1, 20), **REVIEW
    )
    selectie(
        regisseur,
        new_casus(regisseur, "C", "Test"),
        op=date(2022, 8, 1),
        uitkomst="geen_inclusie",
        justitiecontacten=False,
    )


def test_metrics_per_quarter(year):
    assert [_metric("levensloop.selecties", q) for q in (1, 2, 3, 4)] == [1, 1, 1, 0]
    assert [_metric("levensloop.inclusies", q) for q in (1, 2, 3, 4)] == [1, 1, 0, 0]
    assert [_metric("levensloop.personen", q) for q in (1, 2, 3, 4)] == [1, 2, 2, 2]
    assert [_metric("levensloop.reviews", q) for q in (1, 2, 3, 4)] == [0, 1, 1, 1]
    assert [_metric("levensloop.uitstroom", q) for q in (1, 2, 3, 4)] == [0, 0, 0, 1]


def test_monitor_reconstructs_overdue_reviews_at_the_end_of_each_quarter(year):
    m = monitor.monitor(2022, 4, today=date(2023, 3, 1))
    assert [r.te_laat for r in m.rows] == [0, 0, 1, 0]  # B's review of 1 Sept was still open on 30 Sept
    assert m.totaal == {"selecties": 3, "inclusies": 2, "personen": 2, "reviews": 3, "uitstroom": 1}
    assert [n for _label, n in m.uitstroom_per_reden] == [1]
    assert "afgenomen" in m.uitstroom_per_reden[0][0]


def test_monitor_stops_at_today(year):
    assert [r.kwartaal for r in monitor.monitor(2022, 4, today=date(2022, 5, 1)).rows] == [1, 2]


def test_huidig_counts_overdue_now(regisseur):
    today = timezone.localdate()
    dossier = _included(
        regisseur, "D", today - timedelta(days=30), today - timedelta(days=20), today - timedelta(days=1)
    )
    assert monitor.huidig(today=today) == {"in_aanpak": 1, "aangemeld": 0, "te_laat": 1}
    services.review_record(
        dossier=dossier, by=regisseur, gehouden_op=today, volgende_review=today + timedelta(days=90), **REVIEW
    )
    assert monitor.huidig(today=today)["te_laat"] == 0


def test_the_seed_binds_the_verward_gedrag_rows_to_registered_metrics():
    rows = [
        a
        for lijn in jaarplan_2022.ONTWIKKELLIJNEN
        for thema in lijn["themas"]
        if "verward gedrag" in thema["titel"]
        for a in thema["activiteiten"]
    ]
    assert {a["omschrijving"]: a.get("metric") for a in rows} == BINDINGS
    for key in BINDINGS.values():
        assert registry.find_metric(key) is not None


def test_a_jaarplan_loaded_before_the_app_gets_the_bindings(db):
    from reporting.services import jaarplan_load

    jaarplan, _created = jaarplan_load(data=jaarplan_2022)
    rows = Activiteit.objects.filter(thema__ontwikkellijn__jaarplan=jaarplan, omschrijving__in=list(BINDINGS))
    rows.update(metric_key="")  # as in a database that loaded the plan before levensloop existed
    assert bind(Activiteit) == 3
    assert {a.omschrijving: a.metric_key for a in rows.all()} == BINDINGS
    assert bind(Activiteit) == 0  # idempotent
