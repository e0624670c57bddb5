from collections import defaultdict
from datetime import date, datetime, time, timedelta

from axes.models import AccessFailureLog, AccessLog
from django.db.models import QuerySet
from django.utils import timezone


def _period(qs: QuerySet, van: date | None, tot: date | None) -> QuerySet:
    """Whole local days as a half-open timestamp range: the (…, timestamp) indexes serve it, a ``__date`` cast
    would not."""
    if van:
        qs = qs.filter(timestamp__gte=timezone.make_aware(datetime.combine(van, time.min)))
    if tot:
        qs = qs.filter(timestamp__lt=timezone.make_aware(datetime.combine(tot + timedelta(days=1), time.min)))
    return qs


def login_records() -> QuerySet[AccessLog]:
    return AccessLog.objects.only("username", "ip_address", "attempt_time", "logout_time").order_by("-attempt_time")


def login_failures() -> QuerySet[AccessFailureLog]:
    return AccessFailureLog.objects.only("username", "ip_address", "attempt_time", "locked_out").order_by(
        "-attempt_time"
    )


def person_access_log(*, person_id: int, van=None, tot=None) -> QuerySet:
    """Who saw this person's data: one row per log entry, newest first (index: person_id, -timestamp)."""
    from .models import AccessLogPerson

    qs = _period(AccessLogPerson.objects.filter(person_id=person_id), van, tot)
    return qs.select_related("entry__user", "entry__organisation", "entry__on_behalf_of").order_by("-timestamp", "-id")


def user_access_log(*, user_id: int, van=None, tot=None) -> QuerySet:
    from .models import AccessLogEntry

    qs = _period(AccessLogEntry.objects.filter(user_id=user_id), van, tot)
    return qs.select_related("user", "organisation", "on_behalf_of").order_by("-timestamp", "-id")


def attach_person_ids(entries: list) -> list:
    """Set ``entry.person_ids`` on each entry (in the order they were logged), from one query of plain ids.

    An entry of a list or triage page holds dozens to hundreds of persons: a page of 50 such entries is thousands
    of rows, and a model instance per row cost more than the query itself."""
    from .models import AccessLogPerson

    by_entry: dict[int, list[int]] = defaultdict(list)
    rows = AccessLogPerson.objects.filter(entry_id__in=[e.pk for e in entries]).order_by("entry_id", "id")
    for entry_id, person_id in rows.values_list("entry_id", "person_id"):
        by_entry[entry_id].append(person_id)
    for entry in entries:
        entry.person_ids = by_entry.get(entry.pk, [])
    return entries


# --- The FG's registers


def verzoeken(*, open_only: bool = False) -> QuerySet:
    from .choices import VerzoekStatus
    from .models import AvgVerzoek

    qs = AvgVerzoek.objects.select_related("behandelaar").order_by("termijn", "pk")
    return qs.exclude(status=VerzoekStatus.AFGEHANDELD) if open_only else qs
