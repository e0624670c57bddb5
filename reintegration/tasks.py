from celery import shared_task

from .services.signalen import signal_mails_send


@shared_task(time_limit=300, soft_time_limit=270, acks_late=True)
def send_signal_mails() -> int:
    """Beat task (daily): the coördinatoren re-integratie hear how many trajecten need attention. Idempotent per
    recipient and day; the e-mail holds counts only."""
    return signal_mails_send()
