"""The report task: compiles once, survives re-delivery without a second file, fails with a Dutch message; and the
quarterly schedule is registered with Celery beat and makes each quarter's report once."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.conf import settings

from reporting import services, tasks
from reporting.choices import ReportStatus
from reporting.models import Report
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def manager(user_factory):
    return user_factory(Role.MANAGER)


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_request_compiles_the_report_after_commit(jaarplan, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = services.report_request(jaarplan=jaarplan, kwartaal=2, user=manager)
    assert report.status == ReportStatus.QUEUED and not media_files(), "nothing runs before the commit"
    for callback in callbacks:
        callback()
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    assert report.page_count >= 8 and report.finished_at and report.started_at
    assert report.file.name == f"rapportages/jaarplan-2022-k2-{report.pk}.pdf"
    assert media_files() == [Path(settings.MEDIA_ROOT) / report.file.name]
    assert Path(report.file.path).read_bytes().startswith(b"%PDF")


def test_redelivered_task_does_not_make_a_second_file(jaarplan, manager):
    report = Report.objects.create(jaarplan=jaarplan, kwartaal=1, requested_by=manager)
    assert tasks.compile_report.delay(report.pk).get() == ReportStatus.DONE
    report.refresh_from_db()
    first_finished, first_file = report.finished_at, report.file.name
    assert tasks.compile_report.delay(report.pk).get() == ReportStatus.DONE  # re-delivery
    report.refresh_from_db()
    assert (report.finished_at, report.file.name) == (first_finished, first_file)
    assert len(media_files()) == 1


def test_redelivery_after_a_worker_died_mid_run_overwrites_its_own_file(jaarplan, manager):
    report = Report.objects.create(jaarplan=jaarplan, kwartaal=1, requested_by=manager)
    tasks.compile_report.delay(report.pk).get()
    report.refresh_from_db()
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING)  # as if the worker was killed
    tasks.compile_report.delay(report.pk).get()
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    assert len(media_files()) == 1


def test_failing_metric_marks_the_report_failed_with_a_dutch_message(jaarplan, manager, fake_metrics):
    def broken(start, end):
        raise RuntimeError("verbinding verbroken")

    fake_metrics.value("cases.onder_regie", broken)
    report = Report.objects.create(jaarplan=jaarplan, kwartaal=1, requested_by=manager)
    tasks.compile_report.delay(report.pk).get()
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert "kon niet worden berekend" in report.error and "verbinding" not in report.error
    assert not report.file and not media_files()


def test_unexpected_error_is_recorded_not_raised(jaarplan, manager, monkeypatch):
    def explode(**kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr(services, "report_build", explode)
    report = Report.objects.create(jaarplan=jaarplan, kwartaal=1, requested_by=manager)
    assert tasks.compile_report.delay(report.pk).get() == "mislukt"
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED and "technische fout" in report.error


def test_task_sets_the_audit_actor(jaarplan, manager):
    from auditlog.models import LogEntry

    report = Report.objects.create(jaarplan=jaarplan, kwartaal=1, requested_by=manager)
    tasks.compile_report.delay(report.pk).get()
    updates = LogEntry.objects.get_for_object(report).filter(action=LogEntry.Action.UPDATE)
    assert updates.exists() and all(entry.actor == manager for entry in updates)


def test_tasks_have_time_limits():
    for task in (tasks.compile_report, tasks.compile_quarterly_reports):
        assert task.time_limit and task.soft_time_limit and task.acks_late


def test_quarterly_schedule_is_registered_with_beat():
    from zvh.celery import app

    app.loader.import_default_modules()
    app.finalize()
    entry = app.conf.beat_schedule[tasks.SCHEDULE_NAME]
    assert entry["task"] == "reporting.tasks.compile_quarterly_reports"
    schedule = entry["schedule"]
    assert schedule.month_of_year == {1, 4, 7, 10} and schedule.day_of_month == {1}


BEAT_PROBE = """
import json
from celery.apps.beat import Beat
from zvh.celery import app
Beat(app=app, quiet=True).init_loader()
entry = app.conf.beat_schedule.get("rapportage-kwartaalrapportage")
print(json.dumps({"task": entry and entry["task"], "all": sorted(app.conf.beat_schedule)}))
"""


def test_beat_process_sees_the_schedule():
    """The way `celery beat` starts (import task modules, then finalize) picks up the schedule."""
    from ..helpers import clean_env

    env = clean_env(DJANGO_SETTINGS_MODULE="zvh.settings.test", LOG_LEVEL="CRITICAL")
    result = subprocess.run(
        [sys.executable, "-c", BEAT_PROBE], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["task"] == "reporting.tasks.compile_quarterly_reports", out


def test_quarterly_task_makes_the_ended_quarters_report_once(jaarplan):
    with time_machine.travel("2023-01-01 06:15 +01:00", tick=False):
        assert tasks.compile_quarterly_reports.delay().get() == ReportStatus.DONE
        assert tasks.compile_quarterly_reports.delay().get() == "al gemaakt"
    report = Report.objects.get()
    assert (report.kwartaal, report.automatic, report.requested_by) == (4, True, None)
    assert report.status == ReportStatus.DONE and len(media_files()) == 1
    with time_machine.travel("2023-04-01 06:15 +02:00", tick=False):
        assert tasks.compile_quarterly_reports.delay().get() == "geen jaarplan 2023"


def test_the_sweeper_requeues_lost_jobs_once_and_they_compile(
    jaarplan, manager, settings, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    lost_queued = Report.objects.create(jaarplan=jaarplan, kwartaal=1, requested_by=manager)
    lost_running = Report.objects.create(jaarplan=jaarplan, kwartaal=2, requested_by=manager)
    fresh = Report.objects.create(jaarplan=jaarplan, kwartaal=3, requested_by=manager)
    busy = Report.objects.create(jaarplan=jaarplan, kwartaal=4, requested_by=manager)
    Report.objects.filter(pk=lost_queued.pk).update(queued_at=now - timedelta(seconds=settings.REPORT_QUEUED_GRACE + 1))
    Report.objects.filter(pk=lost_running.pk).update(
        status=ReportStatus.RUNNING, attempts=1, started_at=now - timedelta(seconds=settings.REPORT_RUNNING_LEASE + 1)
    )
    Report.objects.filter(pk=busy.pk).update(status=ReportStatus.RUNNING, attempts=1, started_at=now)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert services.report_sweep(now=now) == [lost_queued.pk, lost_running.pk]
        assert services.report_sweep(now=now) == []  # idempotent: just re-queued
    assert len(callbacks) == 2, "queued on commit, once per lost job"
    for callback in callbacks:
        callback()
    statuses = dict(Report.objects.values_list("pk", "status"))
    assert statuses[lost_queued.pk] == statuses[lost_running.pk] == ReportStatus.DONE
    assert statuses[fresh.pk] == ReportStatus.QUEUED and statuses[busy.pk] == ReportStatus.RUNNING
    assert len(media_files()) == 2


def test_a_job_that_keeps_killing_its_worker_fails_in_dutch_after_the_maximum(jaarplan, manager, settings):
    from datetime import timedelta

    from django.utils import timezone

    report = Report.objects.create(jaarplan=jaarplan, kwartaal=1, requested_by=manager)
    old = timezone.now() - timedelta(seconds=settings.REPORT_RUNNING_LEASE + 1)
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.RUNNING, attempts=settings.REPORT_MAX_ATTEMPTS, started_at=old
    )
    assert services.report_sweep() == []
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED and "keer onderbroken" in report.error
    assert not media_files()


def test_the_sweeper_runs_on_beat_with_time_limits():
    from zvh.celery import app

    app.loader.import_default_modules()
    app.finalize()
    entry = app.conf.beat_schedule[tasks.SWEEP_SCHEDULE_NAME]
    assert entry["task"] == "reporting.tasks.sweep_reports"
    assert entry["schedule"] == settings.REPORT_SWEEP_INTERVAL
    assert tasks.sweep_reports.time_limit and tasks.sweep_reports.soft_time_limit and tasks.sweep_reports.acks_late
