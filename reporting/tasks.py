"""Celery tasks: compile a requested report; after each quarter, compile that quarter's report automatically.

Both are idempotent (see services.report_compile and services.report_create_automatic). The quarterly schedule is
registered here, on the project's Celery app, so the settings need not know about it.
"""

import logging
from datetime import datetime, timedelta

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.schedules import crontab
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.audit import task_actor
from zvh.celery import app as celery_app

from . import selectors, services
from .models import Jaarplan, Report
from .periods import last_ended_quarter

logger = logging.getLogger(__name__)

TIME_LIMIT = 300
SOFT_TIME_LIMIT = 240
SCHEDULE_NAME = "rapportage-kwartaalrapportage"
SWEEP_SCHEDULE_NAME = "rapportage-verloren-opdrachten"
FIGURES_SCHEDULE_NAME = "rapportage-cijfers-verversen"
# 06:15 on the first day of January, April, July and October: the quarter before has just ended.
QUARTERLY = crontab(minute=15, hour=6, day_of_month=1, month_of_year="1,4,7,10")


@shared_task(bind=True, time_limit=TIME_LIMIT, soft_time_limit=SOFT_TIME_LIMIT, acks_late=True)
def compile_report(self, report_id: int) -> str:
    report = Report.objects.filter(pk=report_id).only("requested_by_id").first()
    if report is None:
        return "verdwenen"
    with task_actor(report.requested_by_id):
        try:
            report = services.report_compile(report_id=report_id, task_id=self.request.id or "")
        except SoftTimeLimitExceeded:
            services.report_fail(
                report=Report.objects.get(pk=report_id),
                message=_("Het samenstellen duurde te lang en is afgebroken. Probeer het later opnieuw."),
            )
            return "afgebroken"
        except Exception:
            logger.exception("rapportage %s mislukt", report_id)
            services.report_fail(
                report=Report.objects.get(pk=report_id),
                message=_(
                    "Het samenstellen van de rapportage is mislukt door een technische fout. Probeer het opnieuw; "
                    "blijft dit gebeuren, meld het dan bij de functioneel beheerder."
                ),
            )
            return "mislukt"
    return report.status


@shared_task(time_limit=60, soft_time_limit=50, acks_late=True, ignore_result=True)
def sweep_reports() -> str:
    """Celery beat, every REPORT_SWEEP_INTERVAL seconds: queue lost compilations again (services.report_sweep)."""
    return f"{len(services.report_sweep())} opnieuw in de wachtrij"


@shared_task(time_limit=TIME_LIMIT, soft_time_limit=SOFT_TIME_LIMIT, acks_late=True, ignore_result=True)
def refresh_figures(jaarplan_id: int, kwartaal: int, requested_at: str) -> str:
    """Compute the overzicht's figures that were older than REPORTING_FIGURES_MAX_AGE when a manager saw them.
    Idempotent: values computed after ``requested_at`` (by an earlier copy of this task) are not computed again."""
    jaarplan = Jaarplan.objects.filter(pk=jaarplan_id).first()
    if jaarplan is None:
        return "verdwenen"
    figures = services.figures_compute(
        jaarplan=jaarplan, kwartaal=kwartaal, fresh_after=datetime.fromisoformat(requested_at)
    )
    return f"{figures.metric_calls} metingen berekend"


@shared_task(time_limit=TIME_LIMIT, soft_time_limit=SOFT_TIME_LIMIT, acks_late=True, ignore_result=True)
def refresh_default_figures() -> str:
    """Celery beat, every REPORTING_FIGURES_REFRESH seconds: compute the figures of the quarter the overzicht opens
    with, so that its first visitor does not wait for them."""
    default = selectors.default_period()
    if default is None:
        return "geen jaarplan"
    jaarplan = Jaarplan.objects.get(jaar=default[0])
    fresh_after = timezone.now() - timedelta(seconds=settings.REPORTING_FIGURES_REFRESH)
    figures = services.figures_compute(jaarplan=jaarplan, kwartaal=default[1], fresh_after=fresh_after)
    return f"{figures.metric_calls} metingen berekend"


@shared_task(time_limit=TIME_LIMIT, soft_time_limit=SOFT_TIME_LIMIT, acks_late=True)
def compile_quarterly_reports() -> str:
    """Compile the report of the quarter that just ended (if its jaarplan exists and it was not made already)."""
    year, quarter = last_ended_quarter(timezone.localdate())
    jaarplan = Jaarplan.objects.filter(jaar=year).first()
    if jaarplan is None:
        return f"geen jaarplan {year}"
    report = services.report_create_automatic(jaarplan=jaarplan, kwartaal=quarter)
    if report is None:
        return "al gemaakt"
    return compile_report(report.pk)


def register_schedule(sender, **kwargs) -> None:
    sender.add_periodic_task(QUARTERLY, compile_quarterly_reports.s(), name=SCHEDULE_NAME)
    sender.add_periodic_task(
        float(settings.REPORT_SWEEP_INTERVAL), sweep_reports.s(), name=SWEEP_SCHEDULE_NAME, expires=60
    )
    refresh = float(settings.REPORTING_FIGURES_REFRESH)
    sender.add_periodic_task(refresh, refresh_default_figures.s(), name=FIGURES_SCHEDULE_NAME, expires=refresh)


if celery_app.finalized:
    register_schedule(celery_app)
else:
    celery_app.on_after_finalize.connect(register_schedule, weak=False)
