"""Recording events in the outbox and sending them. Every write is idempotent:

- an event is one row per recipient (unique recipient + key), however often it is reported;
- a row is sent once: sending locks it and sets ``sent_at`` in the same transaction;
- immediate rows are queued after commit; daily-digest rows wait for the digest task.
"""

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Afspraak, Agendapunt, Casusoverleg, Grant
from zvh.accounts.choices import NotificationFrequency
from zvh.accounts.models import User
from zvh.queue import BrokerUnavailable, enqueue_on_commit

from . import emails, selectors
from .choices import NotificationKind
from .models import Notification

logger = logging.getLogger(__name__)
_muted: ContextVar[bool] = ContextVar("notifications_muted", default=False)


@contextmanager
def notifications_muted() -> Iterator[None]:
    """Record no notifications inside this block: for replaying history (demo data), not for users' actions."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def _queue_failed(exc: BrokerUnavailable) -> None:
    # The sweep task (send_pending) sends it later; the user's action itself succeeded.
    logger.warning("E-mailmelding niet in de wachtrij gezet; de achterstandstaak verstuurt hem later.")


@transaction.atomic
def notification_record(
    *, recipients: Iterable[User], kind: str, key: str, object_id: int | None = None, aantal: int | None = None
) -> list[Notification]:
    """Record one event for each recipient (once); queue immediate ones for sending after commit.
    Returns the rows that are new."""
    if _muted.get():
        return []
    created = []
    for recipient in recipients:
        notification, new = Notification.objects.get_or_create(
            recipient=recipient, key=key, defaults={"kind": kind, "object_id": object_id, "aantal": aantal}
        )
        if not new:
            continue
        created.append(notification)
        if recipient.notification_frequency == NotificationFrequency.DIRECT:
            from .tasks import send_notification

            enqueue_on_commit(send_notification, notification.pk, on_error=_queue_failed)
    return created


def notify_grant(*, grant: Grant) -> list[Notification]:
    """A partner (or organisation) was given access to a case; they are also invited to its coming meetings."""
    if _muted.get():  # replaying history: not even the recipients are looked up
        return []
    recipients = selectors.grant_recipients(grant)
    created = notification_record(
        recipients=recipients, kind=NotificationKind.TOEGANG, key=f"toegang:{grant.pk}", object_id=grant.casus_id
    )
    coming = Casusoverleg.objects.filter(agendapunten__casus_id=grant.casus_id, datum_tijd__gt=timezone.now())
    for overleg in coming.distinct():
        created += _invite(overleg, recipients)
    return created


def notify_afspraak(*, afspraak: Afspraak, by: User) -> list[Notification]:
    """An afspraak was assigned: its owner hears of it (not the one who assigned it to themselves)."""
    if _muted.get():
        return []
    recipients = [u for u in selectors.afspraak_recipients(afspraak) if u.pk != by.pk]
    return notification_record(
        recipients=recipients,
        kind=NotificationKind.AFSPRAAK,
        key=f"afspraak:{afspraak.pk}",
        object_id=afspraak.casus_id,
    )


def notify_invitation(*, punt: Agendapunt) -> list[Notification]:
    """A case was put on a meeting's agenda: its partners are invited (once per meeting, whatever the cases)."""
    if _muted.get() or punt.overleg.datum_tijd <= timezone.now():
        return []
    return _invite(punt.overleg, selectors.casus_partner_recipients(punt.casus))


def _invite(overleg: Casusoverleg, recipients: Iterable[User]) -> list[Notification]:
    return notification_record(
        recipients=recipients,
        kind=NotificationKind.UITNODIGING,
        key=f"uitnodiging:{overleg.pk}",
        object_id=overleg.pk,
    )


def reminders_record(*, today: date) -> list[Notification]:
    """The weekly reminder: each owner of overdue afspraken gets one per ISO week, with the count only."""
    year, week, _weekday = today.isocalendar()
    created = []
    for user in selectors.overdue_owner_candidates(today):
        n = selectors.overdue_count_for(user, today)
        if n:
            created += notification_record(
                recipients=[user], kind=NotificationKind.HERINNERING, key=f"herinnering:{year}-W{week:02d}", aantal=n
            )
    return created


@transaction.atomic
def notification_send(*, notification_id: int) -> bool:
    """Send one notification at once, unless already sent or the recipient chose the daily digest."""
    notification = (
        Notification.objects.select_for_update(of=("self",))
        .select_related("recipient")
        .filter(pk=notification_id, sent_at__isnull=True)
        .first()
    )
    if notification is None or not _deliverable(notification.recipient):
        return False
    if notification.recipient.notification_frequency != NotificationFrequency.DIRECT:
        return False
    emails.single_message(notification).send()
    notification.sent_at = timezone.now()
    notification.save(update_fields=["sent_at"])
    return True


@transaction.atomic
def digest_send(*, user_id: int) -> int:
    """Send everything not yet sent to this user as one e-mail. Returns how many notifications it held."""
    pending = list(
        selectors.unsent_for(user_id).select_for_update(skip_locked=True, of=("self",)).select_related("recipient")
    )
    if not pending or not _deliverable(pending[0].recipient):
        return 0
    emails.digest_message(pending[0].recipient, pending).send()
    Notification.objects.filter(pk__in=[n.pk for n in pending]).update(sent_at=timezone.now())
    return len(pending)


def _deliverable(user: User) -> bool:
    return user.is_active and bool(user.email)


def digest_recipients() -> list[int]:
    return list(
        Notification.objects.filter(
            sent_at__isnull=True, recipient__notification_frequency=NotificationFrequency.DAGELIJKS
        )
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )


def pending_immediate(*, older_than: timedelta = timedelta(minutes=5)) -> list[int]:
    """Immediate notifications still unsent a while after they were recorded (their queueing failed)."""
    return list(
        Notification.objects.filter(
            sent_at__isnull=True,
            created_at__lt=timezone.now() - older_than,
            recipient__notification_frequency=NotificationFrequency.DIRECT,
        ).values_list("pk", flat=True)
    )


@transaction.atomic
def notification_frequency_set(*, user: User, frequency: str) -> User:
    if frequency not in NotificationFrequency.values:
        raise ValidationError({"frequency": _("Kies hoe u e-mailmeldingen wilt ontvangen.")})
    user.notification_frequency = frequency
    user.save(update_fields=["notification_frequency"])
    return user
