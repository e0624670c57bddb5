"""Realisation, expectation and status per activity, from (fake) metrics on fixture data and from manual entries."""

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

import pytest

from reporting import registry, services
from reporting.choices import Bron, Status
from reporting.figures import FiguresError, jaarplan_figures, small_cell

from .conftest import activity, local

pytestmark = pytest.mark.django_db

TRIAGE = "Uitvoeren van gezamenlijke triage met MaSS en Veilig Thuis"
WEEGPLOEG = "Uitvoeren van gezamenlijke triage in de Weegploeg Radicalisering en Extremisme"
REGIE = "Voeren van regie over complexe casuïstiek incl. radicalisering"
# Made a row counted by hand in the tests that need one (every quantitative row of the seed is measured now).
MANUAL = "Training gegevensdeling"
MASS = "Continueren van administratieve ondersteuning aan partners t.b.v. casusoverleg — MaSS"
NETWERKDAG = "Organiseren van een districtelijke netwerkdag Zorg en Veiligheid"


def row(figures, omschrijving):
    return next(a for a in figures.activities if a.activiteit.omschrijving == omschrijving)


def at_boundaries(n_before: int, n_after: int, boundary) -> list:
    """``n_before`` events in the last second before ``boundary`` and ``n_after`` exactly at it."""
    return [boundary - timedelta(seconds=1)] * n_before + [boundary] * n_after


@pytest.fixture
def user(user_factory):
    from zvh.accounts.choices import Role

    return user_factory(Role.SECRETARIAAT)


def test_metric_values_follow_quarter_boundaries_at_local_midnight(jaarplan, fake_metrics):
    # 30 decisions in Q1 (the last one a second before local midnight of 1 April), 9 exactly at the start of Q2.
    mass_vt = [local(2022, 1, 1)] * 10 + [local(2022, 2, 15, 10)] * 19 + at_boundaries(1, 9, local(2022, 4, 1))
    weegploeg = at_boundaries(2, 3, local(2022, 10, 1)) + [local(2022, 12, 31, 23, 59, 59), local(2023, 1, 1)]
    fake_metrics.events("triage.besluiten", [], params=("bord",), by_param={"mass_vt": mass_vt, "weegploeg": weegploeg})
    q1, q2 = jaarplan_figures(jaarplan, 1), jaarplan_figures(jaarplan, 2)
    assert (row(q1, TRIAGE).kwartaal, row(q1, TRIAGE).tm_kwartaal) == (30, 30)
    assert (row(q2, TRIAGE).kwartaal, row(q2, TRIAGE).tm_kwartaal) == (9, 39)
    q3, q4 = jaarplan_figures(jaarplan, 3), jaarplan_figures(jaarplan, 4)
    assert row(q3, WEEGPLOEG).kwartaal == 2  # two seconds before Q4 starts
    assert (row(q4, WEEGPLOEG).kwartaal, row(q4, WEEGPLOEG).tm_kwartaal) == (4, 6)  # 1 January 2023 not counted
    calls = {(start, end) for key, start, end, params in fake_metrics.calls if params == {"bord": "mass_vt"}}
    assert (local(2022, 4, 1), local(2022, 7, 1)) in calls
    assert (local(2022, 1, 1), local(2022, 7, 1)) in calls


def test_pro_rata_status(jaarplan, fake_metrics):
    # Prognose 150: after Q2, 75 are expected. 68 is 90.7% (op schema), 67 is 89.3% (achter), 150 is gereed.
    for count, status in ((68, Status.OP_SCHEMA), (67, Status.ACHTER), (150, Status.GEREED)):
        fake_metrics.events(
            "triage.besluiten", [], params=("bord",), by_param={"mass_vt": [local(2022, 5, 1)] * count, "weegploeg": []}
        )
        figures = row(jaarplan_figures(jaarplan, 2), TRIAGE)
        assert figures.verwachting == 75
        assert figures.status == status, count
        assert figures.percentage == Decimal(count) * 100 / 150
        assert figures.bron == Bron.METING


def test_cases_under_regie_uses_the_metric_for_the_whole_year_to_date(jaarplan, fake_metrics):
    def onder_regie(start, end):
        return 40 if start.month == 1 else 25  # a stock, not a sum of quarters

    fake_metrics.value("cases.onder_regie", onder_regie)
    figures = row(jaarplan_figures(jaarplan, 4), REGIE)
    assert (figures.kwartaal, figures.tm_kwartaal) == (25, 40)
    assert figures.status == Status.ACHTER  # 40 of the 90 expected at the end of the year


def test_unregistered_metric_falls_back_to_manual_entries_and_goes_live_when_registered(jaarplan, fake_metrics, user):
    regie = activity(jaarplan, REGIE)
    services.realisatie_save(activiteit=regie, kwartaal=1, user=user, waarde=Decimal(25), toelichting="Goed begin.")
    figures = row(jaarplan_figures(jaarplan, 1), REGIE)
    assert figures.bron == Bron.METING_ONTBREEKT
    assert (figures.kwartaal, figures.tm_kwartaal, figures.status) == (25, 25, Status.OP_SCHEMA)
    assert figures.toelichtingen == [(1, "Goed begin.")]

    fake_metrics.value("cases.onder_regie", lambda start, end: 7)
    figures = row(jaarplan_figures(jaarplan, 1), REGIE)
    assert figures.bron == Bron.METING
    assert (figures.kwartaal, figures.status) == (7, Status.ACHTER)
    assert figures.toelichtingen == [(1, "Goed begin.")], "explanations stay when the metric goes live"


def unbind(activiteit):
    activiteit.metric_key, activiteit.metric_params = "", {}
    activiteit.save(update_fields=["metric_key", "metric_params"])
    return activiteit


def test_manual_counts_sum_per_quarter(jaarplan, user):
    manual = unbind(activity(jaarplan, MANUAL))
    for q, value in ((1, 3), (2, 4), (3, 3)):
        services.realisatie_save(activiteit=manual, kwartaal=q, user=user, waarde=Decimal(value))
    figures = row(jaarplan_figures(jaarplan, 3), MANUAL)
    assert (figures.kwartaal, figures.tm_kwartaal, figures.verwachting) == (3, 10, 30)
    assert figures.status == Status.ACHTER and figures.bron == Bron.HANDMATIG
    assert row(jaarplan_figures(jaarplan, 4), MANUAL).kwartaal is None  # Q4 not entered yet
    assert row(jaarplan_figures(jaarplan, 1), MANUAL).status == Status.ACHTER  # 3 of the 10 expected after Q1


def test_hours_per_week_are_averaged_not_pro_rata(jaarplan, fake_metrics, user):
    fake_metrics.value("facilitering.uren_per_week", lambda start, end, partner: Decimal("7.5"), params=("partner",))
    figures = row(jaarplan_figures(jaarplan, 2), MASS)
    assert (figures.tm_kwartaal, figures.verwachting, figures.status) == (Decimal("7.5"), 8, Status.OP_SCHEMA)
    fake_metrics.value("facilitering.uren_per_week", lambda start, end, partner: Decimal("7"), params=("partner",))
    assert row(jaarplan_figures(jaarplan, 2), MASS).status == Status.ACHTER


def test_manual_hours_average_over_quarters(jaarplan, user):
    mass = activity(jaarplan, MASS)
    for q, value in ((1, "8"), (2, "6")):
        services.realisatie_save(activiteit=mass, kwartaal=q, user=user, waarde=Decimal(value))
    figures = row(jaarplan_figures(jaarplan, 2), MASS)
    assert figures.tm_kwartaal == 7 and figures.status == Status.ACHTER and figures.bron == Bron.METING_ONTBREEKT


def test_one_off_activity_is_expected_only_at_year_end(jaarplan, user):
    assert row(jaarplan_figures(jaarplan, 2), NETWERKDAG).status == Status.GEPLAND
    assert row(jaarplan_figures(jaarplan, 4), NETWERKDAG).status == Status.GEEN_GEGEVENS
    dag = activity(jaarplan, NETWERKDAG)
    services.realisatie_save(activiteit=dag, kwartaal=2, user=user, toelichting="Voorbereiding gestart.")
    assert row(jaarplan_figures(jaarplan, 2), NETWERKDAG).status == Status.GEPLAND
    services.realisatie_save(activiteit=dag, kwartaal=2, user=user, waarde=Decimal(0), toelichting="Voorbereiding.")
    q2 = row(jaarplan_figures(jaarplan, 2), NETWERKDAG)
    assert (q2.status, q2.verwachting) == (Status.GEPLAND, None)
    assert row(jaarplan_figures(jaarplan, 4), NETWERKDAG).status == Status.ACHTER
    services.realisatie_save(activiteit=dag, kwartaal=4, user=user, waarde=Decimal(112))
    assert row(jaarplan_figures(jaarplan, 4), NETWERKDAG).status == Status.GEREED


def test_milestones_gereed_te_laat_gepland(jaarplan, user):
    dpia = activity(jaarplan, "DPIA BIJ")  # planned in Q2
    assert row(jaarplan_figures(jaarplan, 1), "DPIA BIJ").status == Status.GEPLAND
    assert row(jaarplan_figures(jaarplan, 2), "DPIA BIJ").status == Status.TE_LAAT
    services.realisatie_save(activiteit=dpia, kwartaal=3, user=user, gereed=True)
    q2, q3 = row(jaarplan_figures(jaarplan, 2), "DPIA BIJ"), row(jaarplan_figures(jaarplan, 3), "DPIA BIJ")
    assert q2.status == Status.TE_LAAT, "done in Q3 does not count in the Q2 report"
    assert (q3.status, q3.gereed_in) == (Status.GEREED, 3)


def test_qualitative_activities_have_no_status_but_show_a_metric(jaarplan, fake_metrics):
    times = [local(2022, 1, 3)] * 5 + [local(2022, 4, 4)] * 2
    fake_metrics.events("triage.adviezen_thema", [], params=("themas",), by_param=defaultdict(lambda: times))
    figures = row(jaarplan_figures(jaarplan, 2), "Geven van advies op verzoek")
    assert (figures.kwartaal, figures.tm_kwartaal, figures.status) == (2, 7, Status.ZONDER_NORM)
    assert figures.prognose_label == "Meerdere per dag"


def test_summary_per_ontwikkellijn(jaarplan, user):
    services.realisatie_save(
        activiteit=activity(jaarplan, "Ontwikkelen selectie instrument"), kwartaal=2, user=user, gereed=True
    )
    figures = jaarplan_figures(jaarplan, 2)
    first = figures.lines[0].summary
    assert first["totaal"] == 9
    assert first["gereed"] == 1  # selectie instrument
    assert first["achter"] == 1  # implementatie casusoverleg: planned Q2, not done
    assert first["gepland"] == 1  # monitor systematiek: Q3
    assert figures.summary["totaal"] == 36


def test_a_failing_metric_gives_one_clear_dutch_message(jaarplan, fake_metrics):
    def broken(start, end):
        raise RuntimeError("database weg")

    fake_metrics.value("cases.onder_regie", broken)
    with pytest.raises(FiguresError, match="kon niet worden berekend"):
        jaarplan_figures(jaarplan, 1)


def test_key_figures_and_breakdowns(jaarplan, fake_metrics):
    fake_metrics.events("triage.aanmeldingen", [local(2022, 3, 31, 23, 59)] * 3 + [local(2022, 4, 1)] * 5)
    fake_metrics.value(
        "triage.aanmeldingen_per_gemeente",
        lambda start, end: (
            {"Breda": 40, "Zundert": 2} if start.month == 4 else {"Breda": 70, "Zundert": 3, "Drimmelen": 6}
        ),
        breakdown=True,
    )
    figures = jaarplan_figures(jaarplan, 2)
    [aanmeldingen] = figures.key_figures
    assert (aanmeldingen.kwartaal, aanmeldingen.tm_kwartaal) == (5, 8)
    [per_gemeente] = figures.breakdowns
    assert per_gemeente.rows == [("Breda", 40, 70), ("Drimmelen", 0, 6), ("Zundert", 2, 3)]
    assert [small_cell(v) for v in (0, 2, 4, 5, 1234)] == ["0", "< 5", "< 5", "5", "1.234"]
    assert registry.find_metric("triage.aanmeldingen_per_gemeente").breakdown
