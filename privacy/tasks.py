from celery import shared_task

from .services.retention import retention_run


@shared_task(time_limit=3600, soft_time_limit=3500, acks_late=True)
def apply_retention() -> int:
    """Daily beat task: destroy or anonymise every dossier past its term (idempotent: a second run finds none)."""
    return sum(row.aantal_dossiers for row in retention_run())
