"""Sending e-mail notifications. Every task takes ids, is idempotent (see services) and has time limits."""

import logging
import smtplib

from celery import shared_task
from django.utils import timezone

from . import services

logger = logging.getLogger(__name__)
MAIL_ERRORS = (smtplib.SMTPException, OSError)


@shared_task(time_limit=60, soft_time_limit=50, acks_late=True)
def send_notification(notification_id: int) -> bool:
    """Queued after commit for a recipient who chose 'direct'. A mail server that fails leaves the row unsent:
    the sweep (send_pending) tries again, so the user's action never fails on the mail server."""
    try:
        return services.notification_send(notification_id=notification_id)
    except MAIL_ERRORS:
        logger.warning("E-mailmelding niet verzonden (mailserver); de achterstandstaak probeert het opnieuw.")
        return False


@shared_task(time_limit=300, soft_time_limit=270, acks_late=True)
def send_digests() -> int:
    """Beat (daily): one e-mail per user who chose the daily digest, with everything not yet sent."""
    sent = 0
    for user_id in services.digest_recipients():
        try:
            sent += services.digest_send(user_id=user_id)
        except MAIL_ERRORS:
            logger.warning("Dagoverzicht niet verzonden (mailserver); de volgende run probeert het opnieuw.")
    return sent


@shared_task(time_limit=300, soft_time_limit=270, acks_late=True)
def send_pending() -> int:
    """Beat (every 15 minutes): immediate notifications whose queueing or sending failed."""
    return sum(bool(send_notification(pk)) for pk in services.pending_immediate())


@shared_task(time_limit=300, soft_time_limit=270, acks_late=True)
def remind_overdue_afspraken() -> int:
    """Beat (weekly, Monday morning): owners of overdue afspraken hear how many. Once per owner per week."""
    return len(services.reminders_record(today=timezone.localdate()))
