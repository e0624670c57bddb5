import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.schedules import crontab
from django.utils.translation import gettext as _

from zvh.celery import app as celery_app

from .services import chain, requests
from .services.retention import log_retention_run, retention_run

logger = logging.getLogger(__name__)


@shared_task(time_limit=3600, soft_time_limit=3500, acks_late=True)
def apply_retention() -> int:
    """Daily beat task: destroy or anonymise every dossier past its term (idempotent: a second run finds none),
    then remove the oldest sealed log rows past the logs' own term."""
    destroyed = sum(row.aantal_dossiers for row in retention_run())
    log_retention_run()
    return destroyed


@shared_task(time_limit=55, soft_time_limit=50, acks_late=True)
def seal_logs() -> dict:
    """Every minute: chain the log rows written since the last run (the write path does no hashing)."""
    return chain.seal_all()


@shared_task(time_limit=600, soft_time_limit=570, acks_late=True)
def log_checkpoint() -> int:
    """Daily: record the chain's tip (shown to the FG, appended to PRIVACY_CHECKPOINT_FILE when configured)."""
    return len(chain.checkpoint())


@shared_task(time_limit=300, soft_time_limit=240, acks_late=True)
def make_inzage_export(verzoek_id: int) -> str:
    """The inzage export (PDF and JSON) of one AVG request, queued on commit by requests.inzage_export_request."""
    try:
        return requests.inzage_export_build(verzoek_id=verzoek_id).export_status
    except SoftTimeLimitExceeded:
        message = _("Het maken duurde te lang en is afgebroken. Probeer het opnieuw.")
    except Exception:  # noqa: BLE001 - the FG sees a Dutch message; the trace goes to the log (no personal data)
        logger.exception("inzage-export van verzoek %s mislukt", verzoek_id)
        message = _("Het maken van de export is mislukt door een technische fout. Probeer het opnieuw.")
    return requests.inzage_export_fail(verzoek_id=verzoek_id, message=message).export_status


@shared_task(time_limit=120, soft_time_limit=100, acks_late=True, ignore_result=True)
def expire_inzage_exports() -> int:
    """Hourly: remove inzage exports that were not downloaded in time."""
    return requests.inzage_exports_expire()


def register_schedule(sender, **kwargs) -> None:
    sender.add_periodic_task(crontab(minute=20), expire_inzage_exports.s(), name="privacy-inzage-exports-opruimen")


if celery_app.finalized:
    register_schedule(celery_app)
else:
    celery_app.on_after_finalize.connect(register_schedule, weak=False)
