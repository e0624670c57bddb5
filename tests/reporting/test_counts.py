"""Jaarplan figures that count what the plan means: stocks, distinct persons, definitions, privacy milestones,
advice per theme, the facilitering partner by its code, and the progress estimate of a report request."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reporting import registry, selectors, services
from reporting.choices import Bron, ReportStatus, Status
from reporting.figures import jaarplan_figures
from reporting.forms import RealisatieForm
from reporting.models import Report
from reporting.views import progress_text

from .conftest import activity, local

pytestmark = pytest.mark.django_db

REGIE = "Voeren van regie over complexe casuïstiek incl. radicalisering"
BIJ = "Wegen en aanpakken casuïstiek BIJ"
DPIA_BIJ = "DPIA BIJ"


def row(figures, omschrijving):
    return next(a for a in figures.activities if a.activiteit.omschrijving == omschrijving)


def test_a_stock_is_not_a_pro_rata_share_of_the_year(jaarplan, fake_metrics):
    # 60 cases under regie on 1 January; the year's prognose is 90: only the other 30 come pro rata.
    registry.register_metric("cases.onder_regie", label="Onder regie", unit="zaken", stock=True)(
        lambda start, end: 60 if (end - start).days == 1 else 66
    )
    fake_metrics.keys.append("cases.onder_regie")
    figures = row(jaarplan_figures(jaarplan, 1), REGIE)
    assert figures.stand and figures.beginstand == 60
    assert figures.verwachting == Decimal("67.5")  # 60 + 30 / 4, not 90 / 4
    assert figures.status == Status.OP_SCHEMA  # 66 >= 0.9 * 67.5
    q4 = row(jaarplan_figures(jaarplan, 4), REGIE)
    assert q4.verwachting == 90 and q4.status == Status.ACHTER


def test_a_flow_stays_pro_rata(jaarplan, fake_metrics):
    fake_metrics.value("cases.onder_regie", lambda start, end: 20)
    figures = row(jaarplan_figures(jaarplan, 1), REGIE)
    assert not figures.stand and figures.verwachting == Decimal("22.5")


def test_persons_count_once_a_year_and_a_quarter_shows_new_persons(jaarplan, fake_metrics):
    # The metric is evaluated over the whole year to date (distinct persons): 3 by Q1, 5 by Q2.
    fake_metrics.value("bij.personen", lambda start, end: {4: 3, 7: 5}.get(end.month, 9))
    q2 = row(jaarplan_figures(jaarplan, 2), BIJ)
    assert (q2.kwartaal, q2.tm_kwartaal) == (2, 5)
    q1 = row(jaarplan_figures(jaarplan, 1), BIJ)
    assert (q1.kwartaal, q1.tm_kwartaal) == (3, 3)


def test_manual_person_entries_ask_for_new_persons(jaarplan):
    form = RealisatieForm(activiteit=activity(jaarplan, BIJ), measured=False)
    assert form.fields["waarde"].label == "Nieuwe personen in dit kwartaal"
    assert "niet opnieuw" in form.fields["waarde"].help_text


def test_each_measured_row_carries_its_definition_as_a_numbered_note(jaarplan, fake_metrics):
    registry.register_metric(
        "cases.onder_regie", label="Onder regie", unit="zaken", definition="Casussen onder regie, zonder mensenhandel."
    )(lambda start, end: 5)
    fake_metrics.keys.append("cases.onder_regie")
    figures = jaarplan_figures(jaarplan, 4)
    regie = row(figures, REGIE)
    assert regie.noot == 1 and regie.definitie == "Casussen onder regie, zonder mensenhandel."
    theme = next(t for line in figures.lines for t in line.themes if regie in t.activities)
    assert theme.definities == [(1, "Casussen onder regie, zonder mensenhandel.")]


def test_the_definition_names_the_row_parameters(jaarplan, fake_metrics):
    registry.register_metric(
        "triage.besluiten", label="Besluiten", unit="zaken", params=("bord",), definition="Wegingen met een besluit."
    )(lambda start, end, bord: 1)
    fake_metrics.keys.append("triage.besluiten")
    figures = jaarplan_figures(jaarplan, 4)
    notes = {a.definitie for a in figures.activities if a.definitie}
    assert "Wegingen met een besluit. Hier: Weegploeg Radicalisering en Extremisme." in notes


def test_every_registered_metric_defines_what_it_counts():
    missing = [key for key, metric in registry.all_metrics().items() if not metric.definition]
    assert not missing, missing


@pytest.fixture
def plan(db):
    """The Jaarplan 2022 with the real metrics of every app (no fakes), and the facilitering partners."""
    from reporting.seeds import jaarplan_2022
    from zvh.accounts import services as accounts

    for name in ("MaSS", "Veilig Thuis West-Brabant", "KR8-kollektief"):
        accounts.organisation_create(name=name, type="overig")

    return services.jaarplan_load(data=jaarplan_2022)[0]


def test_privacy_milestones_come_from_the_register(plan):
    from privacy.choices import DocumentSoort, DocumentStatus
    from privacy.models.registers import PrivacyDocument

    assert registry.find_metric("privacy.vastgesteld") is not None
    dpia = row(jaarplan_figures(plan, 4), DPIA_BIJ)
    assert dpia.bron == Bron.METING and dpia.status == Status.TE_LAAT
    PrivacyDocument.objects.create(
        soort=DocumentSoort.DPIA,
        titel="DPIA BIJ",
        versie="1.0",
        status=DocumentStatus.VASTGESTELD,
        gestart_op=date(2022, 2, 1),
        vastgesteld_op=date(2022, 8, 30),
    )
    assert row(jaarplan_figures(plan, 2), DPIA_BIJ).status == Status.TE_LAAT
    done = row(jaarplan_figures(plan, 4), DPIA_BIJ)
    assert (done.status, done.gereed_in) == (Status.GEREED, 3)
    assert "privacyregister" in done.definitie


def test_facilitering_finds_its_partner_by_code_after_a_rename(user_factory):
    from zvh.accounts import services as accounts

    org = accounts.organisation_create(name="Veilig Thuis West-Brabant", type="veilig_thuis")
    assert org.code == "veilig-thuis-west-brabant"
    org.name = "Veilig Thuis Brabant"
    org.save()
    metric = registry.get_metric("facilitering.uren_per_week")
    assert metric.compute(local(2022, 1, 1), local(2022, 4, 1), partner="veilig-thuis-west-brabant") == 0
    with pytest.raises(ValueError):
        metric.compute(local(2022, 1, 1), local(2022, 4, 1), partner="Veilig Thuis West-Brabant")


def test_cases_under_regie_leave_out_themes_with_rows_of_their_own(user_factory):
    from cases.choices import Thema
    from cases.metrics import COMPLEXE_CASUISTIEK

    assert {Thema.MENSENHANDEL, Thema.EX_GEDETINEERDE, Thema.VERWARD}.isdisjoint(COMPLEXE_CASUISTIEK)
    assert {Thema.COMPLEX, Thema.RADICALISERING} <= set(COMPLEXE_CASUISTIEK)


def test_progress_says_when_the_report_will_be_ready(jaarplan, user_factory):
    from zvh.accounts.choices import Role

    manager = user_factory(Role.MANAGER)
    report = Report.objects.create(jaarplan=jaarplan, kwartaal=1, requested_by=manager)
    first = selectors.report_progress(report)
    assert first.expected_at is None and not first.overdue
    assert "nog niet bekend" in progress_text(first)
    now = timezone.now()
    for seconds in (20, 30, 400):
        Report.objects.create(
            jaarplan=jaarplan,
            kwartaal=1,
            status=ReportStatus.DONE,
            queued_at=now - timedelta(seconds=seconds + 60),
            finished_at=now - timedelta(seconds=60),
        )
    assert selectors.report_duration_estimate() == timedelta(seconds=30)
    Report.objects.filter(pk=report.pk).update(queued_at=now)
    report.refresh_from_db()
    progress = selectors.report_progress(report, now=now)
    assert progress.expected_at == now + timedelta(seconds=30)
    text = progress_text(progress)
    assert "Naar verwachting klaar om" in text and "30 seconden" in text and "minder dan een minuut" not in text
    late = selectors.report_progress(report, now=now + timedelta(minutes=5))
    assert late.overdue and "langer dan" in progress_text(late)
    services.report_fail(report=report, message="x")
    assert selectors.report_progress(report) is None


def test_unsolicited_advice_needs_no_asking_person_and_counts_per_theme(user_factory):
    from cases.choices import Thema
    from tests.factories import OrganisationFactory
    from triage import services as triage
    from zvh.accounts.choices import Role

    regisseur, politie = user_factory(Role.PROCESREGISSEUR), OrganisationFactory(politie=True)
    common = {
        "datum": date(2022, 5, 2),
        "organisatie": politie,
        "vraag": "Aanpak",
        "advies": "Overleg",
        "tijd_minuten": 5,
    }
    triage.advies_register(by=regisseur, thema=Thema.COMPLEX, aanleiding="ongevraagd", vrager="", **common)
    with pytest.raises(ValidationError) as exc:
        triage.advies_register(by=regisseur, thema=Thema.COMPLEX, aanleiding="gevraagd", vrager=" ", **common)
    assert "vrager" in exc.value.message_dict
    triage.advies_register(by=regisseur, thema=Thema.MENSENHANDEL, vrager="Rechercheur", **common)
    q2 = (local(2022, 4, 1), local(2022, 7, 1))
    per_theme = registry.get_metric("triage.adviezen_thema")
    assert per_theme.compute(*q2, themas="complex,radicalisering") == 1
    assert per_theme.compute(*q2, themas="mensenhandel") == 1
    breakdown = registry.get_metric("triage.adviezen_per_thema").compute(*q2)
    assert breakdown == {"complexe casuïstiek, ongevraagd": 1, "mensenhandel, gevraagd": 1}


def test_every_quantitative_row_is_counted_from_the_registration(plan):
    """The must-show of the 2022 Q4 report, on the figures: numbers come from the registration; only work that
    happens outside this system (and rows other modules bind: levensloop, ZSM) is kept by hand."""
    figures = jaarplan_figures(plan, 4)
    numeric = [a for a in figures.activities if a.is_numeric]
    assert numeric and all(a.bron == Bron.METING for a in numeric), [
        a.activiteit.omschrijving for a in numeric if a.bron != Bron.METING
    ]
    manual = {a.activiteit.omschrijving for a in figures.activities if a.bron != Bron.METING}
    outside = {
        "Inrichten proces op basis van de handreiking",
        "Implementeren van nieuwe ICT",
        "Updaten werkprocessen",
        "Diverse trainingen (zie lerende organisaties)",
        "Leveren van initiërende bijdragen regionale samenwerking",
        "Positioneren bestuurlijke tafels",
    }
    other_modules = {
        "Ontwikkelen selectie instrument",
        "Implementatie casusoverleg",
        "Ontwikkelen monitor systematiek",
        "Uitvoering geven aan de afspraken ‘contextinformatie minderjarigen’",
        "Ontwikkelen van afspraken ‘contextinformatie volwassenen’",
        "Uitvoering geven aan de afspraken ‘Scenario’s ZVH/ZSM’",
    }
    assert manual <= outside | other_modules, manual - outside - other_modules
