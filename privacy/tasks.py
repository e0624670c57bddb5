from celery import shared_task

from .services import chain
from .services.retention import log_retention_run, retention_run


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
