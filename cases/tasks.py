from celery import shared_task

from .services import grants_remove_expired_permissions


@shared_task(time_limit=300, soft_time_limit=270, acks_late=True)
def remove_expired_grant_permissions() -> int:
    """Beat task: delete guardian permission rows of expired grants. Access already stopped at expiry (the
    gateway checks validity in every query); this keeps guardian's own checks and the tables tidy."""
    return grants_remove_expired_permissions()
