"""The overzicht's figures from stored metric values (reporting.Meetwaarde): computed once, shown until
REPORTING_FIGURES_MAX_AGE, then shown with their time and computed again by an idempotent task. Manual realisations
are never stored: the secretariaat's entry shows at once. The PDF always computes afresh."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from reporting import services, tasks
from reporting.figures import jaarplan_figures
from reporting.models import Meetwaarde
from zvh.accounts.choices import Role

from .conftest import activity, local

pytestmark = pytest.mark.django_db

TRIAGE = "Uitvoeren van gezamenlijke triage met MaSS en Veilig Thuis"
MANUAL = "Training gegevensdeling"


def row(figures, omschrijving):
    return next(a for a in figures.activities if a.activiteit.omschrijving == omschrijving)


@pytest.fixture
def decisions(fake_metrics):
    """1,500 MaSS/VT decisions in May 2022; the list can grow during a test."""
    mass_vt = [local(2022, 5, 1)] * 1500
    fake_metrics.events("triage.besluiten", [], params=("bord",), by_param={"mass_vt": mass_vt, "weegploeg": []})
    fake_metrics.value(
        "triage.aanmeldingen_per_gemeente",
        lambda start, end: {"Breda": 40, None: 2} if start.month == 4 else {"Breda": 70, None: 3, "Zundert": 6},
        breakdown=True,
    )
    fake_metrics.value("cases.onder_regie", lambda start, end: Decimal("12.5"))
    return mass_vt


@pytest.fixture
def queued(monkeypatch):
    """The refresh tasks the overzicht asked for (not run)."""
    calls = []
    monkeypatch.setattr(services, "enqueue_on_commit", lambda task, *args, **kw: calls.append((task.name, args)))
    return calls


def metric_calls(fake_metrics) -> int:
    return len(fake_metrics.calls)


def test_overview_computes_once_and_then_reads_stored_values(jaarplan, fake_metrics, decisions, queued):
    first = services.figures_for_overview(jaarplan=jaarplan, kwartaal=2)
    assert first.metric_calls > 0 and Meetwaarde.objects.count() == first.metric_calls
    calls = metric_calls(fake_metrics)
    second = services.figures_for_overview(jaarplan=jaarplan, kwartaal=2)
    assert second.metric_calls == 0 and metric_calls(fake_metrics) == calls
    assert not second.verouderd and queued == []
    assert second.berekend_op <= timezone.now()
    fresh = jaarplan_figures(jaarplan, 2)  # computed now, nothing stored
    for figures in (first, second):
        assert [(a.kwartaal, a.tm_kwartaal, a.status, a.beginstand) for a in figures.activities] == [
            (a.kwartaal, a.tm_kwartaal, a.status, a.beginstand) for a in fresh.activities
        ]
        assert [(k.kwartaal, k.tm_kwartaal) for k in figures.key_figures] == [
            (k.kwartaal, k.tm_kwartaal) for k in fresh.key_figures
        ]
        assert [b.rows for b in figures.breakdowns] == [b.rows for b in fresh.breakdowns]
    assert row(second, TRIAGE).kwartaal == 1500
    assert ("None", Decimal(2), Decimal(3)) in second.breakdowns[0].rows


def test_a_manual_entry_shows_at_once(jaarplan, fake_metrics, decisions, queued, user_factory):
    services.figures_for_overview(jaarplan=jaarplan, kwartaal=2)
    services.realisatie_save(
        activiteit=activity(jaarplan, MANUAL), kwartaal=2, user=user_factory(Role.SECRETARIAAT), waarde=Decimal(7)
    )
    figures = services.figures_for_overview(jaarplan=jaarplan, kwartaal=2)
    assert figures.metric_calls == 0
    assert row(figures, MANUAL).kwartaal == 7


def test_old_values_are_shown_with_their_time_and_computed_again_by_an_idempotent_task(
    jaarplan, fake_metrics, decisions, queued, client_for
):
    services.figures_for_overview(jaarplan=jaarplan, kwartaal=2)
    decisions.extend([local(2022, 6, 1)] * 25)  # the registration moves on
    later = timezone.now() + timedelta(seconds=settings.REPORTING_FIGURES_MAX_AGE + 1)
    with time_machine.travel(later, tick=False):
        client, _user = client_for(Role.MANAGER)
        response = client.get(reverse("reporting:dashboard"), {"jaar": 2022, "kwartaal": 2})
        html = response.content.decode()
        assert response.status_code == 200 and "1.500" in html and "1.525" not in html
        assert "Cijfers uit de registratie berekend op" in html and "opnieuw berekend" in html
        [(name, args)] = queued
        assert name == "reporting.tasks.refresh_figures" and args[:2] == (jaarplan.pk, 2)
        assert tasks.refresh_figures(*args) != "0 metingen berekend"
        assert tasks.refresh_figures(*args) == "0 metingen berekend"  # a second copy of the task: nothing to do
        figures = services.figures_for_overview(jaarplan=jaarplan, kwartaal=2)
        assert not figures.verouderd and row(figures, TRIAGE).kwartaal == 1525
        response = client.get(reverse("reporting:dashboard"), {"jaar": 2022, "kwartaal": 2})
        assert "1.525" in response.content.decode() and "opnieuw berekend" not in response.content.decode()
    assert len(queued) == 1


def test_the_csv_reads_the_same_stored_values(jaarplan, fake_metrics, decisions, queued, client_for):
    services.figures_for_overview(jaarplan=jaarplan, kwartaal=2)
    calls = metric_calls(fake_metrics)
    client, _user = client_for(Role.MANAGER)
    response = client.get(reverse("reporting:figures_csv"), {"jaar": 2022, "kwartaal": 2})
    assert response.status_code == 200 and "1500" in response.content.decode("utf-8-sig")
    assert metric_calls(fake_metrics) == calls


def test_the_pdf_computes_afresh_and_stores_for_the_overview(jaarplan, fake_metrics, decisions, queued):
    services.figures_for_overview(jaarplan=jaarplan, kwartaal=2)
    decisions.extend([local(2022, 6, 1)] * 25)
    calls = metric_calls(fake_metrics)
    figures = services.figures_compute(jaarplan=jaarplan, kwartaal=2, fresh_after=timezone.now())
    assert metric_calls(fake_metrics) > calls and row(figures, TRIAGE).kwartaal == 1525
    again = services.figures_for_overview(jaarplan=jaarplan, kwartaal=2)
    assert again.metric_calls == 0 and row(again, TRIAGE).kwartaal == 1525


def test_two_requests_storing_the_same_value_both_succeed(jaarplan, fake_metrics, decisions):
    from reporting.figures import StoredMetricReader

    readers = [StoredMetricReader(2022, fresh_after=timezone.now(), serve_stale=True) for _ in range(2)]
    for reader in readers:
        jaarplan_figures(jaarplan, 2, reader)
    assert readers[0].save() == readers[1].save() > 0
    assert Meetwaarde.objects.count() == readers[0].calls


def test_beat_computes_the_default_quarter_ahead(jaarplan, fake_metrics, decisions):
    with time_machine.travel("2022-07-02 06:00 +02:00", tick=False):
        assert tasks.refresh_default_figures() != "0 metingen berekend"
        assert tasks.refresh_default_figures() == "0 metingen berekend"
        figures = services.figures_for_overview(jaarplan=jaarplan, kwartaal=2)
    assert figures.metric_calls == 0 and row(figures, TRIAGE).kwartaal == 1500


def test_refresh_schedule_is_registered_with_beat():
    from zvh.celery import app

    app.loader.import_default_modules()
    app.finalize()
    entry = app.conf.beat_schedule[tasks.FIGURES_SCHEDULE_NAME]
    assert entry["task"] == "reporting.tasks.refresh_default_figures"
    assert entry["schedule"] == settings.REPORTING_FIGURES_REFRESH


def test_refresh_of_a_removed_jaarplan_is_harmless(jaarplan):
    pk = jaarplan.pk
    jaarplan.delete()
    assert tasks.refresh_figures(pk, 2, timezone.now().isoformat()) == "verdwenen"


def test_the_load_test_starts_from_the_steady_state_beat_keeps(jaarplan, fake_metrics, decisions):
    import io

    from zvh.core.management.commands.loadtest import Command

    command = Command(stdout=io.StringIO())
    with time_machine.travel("2022-07-02 06:00 +02:00", tick=False):
        command.prepare_overview()
        assert "Jaarplanoverzicht vooraf berekend" in command.stdout.getvalue()
        assert services.figures_for_overview(jaarplan=jaarplan, kwartaal=2).metric_calls == 0
