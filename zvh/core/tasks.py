from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone


@shared_task(time_limit=120, soft_time_limit=100, acks_late=True)
def clear_expired_sessions() -> int:
    """Delete expired sessions (idempotent: a second run finds nothing to delete)."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
