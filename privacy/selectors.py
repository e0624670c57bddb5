from axes.models import AccessFailureLog, AccessLog
from django.db.models import QuerySet


def login_records() -> QuerySet[AccessLog]:
    return AccessLog.objects.only("username", "ip_address", "attempt_time", "logout_time").order_by("-attempt_time")


def login_failures() -> QuerySet[AccessFailureLog]:
    return AccessFailureLog.objects.only("username", "ip_address", "attempt_time", "locked_out").order_by(
        "-attempt_time"
    )


def person_access_log(*, person_id: int, van=None, tot=None) -> QuerySet:
    """Who saw this person's data: one row per log entry, newest first (index: person_id, -timestamp)."""
    from .models import AccessLogPerson

    qs = AccessLogPerson.objects.filter(person_id=person_id)
    if van:
        qs = qs.filter(timestamp__date__gte=van)
    if tot:
        qs = qs.filter(timestamp__date__lte=tot)
    return qs.select_related("entry__user", "entry__organisation", "entry__on_behalf_of").order_by("-timestamp", "-id")


def user_access_log(*, user_id: int, van=None, tot=None) -> QuerySet:
    from .models import AccessLogEntry

    qs = AccessLogEntry.objects.filter(user_id=user_id)
    if van:
        qs = qs.filter(timestamp__date__gte=van)
    if tot:
        qs = qs.filter(timestamp__date__lte=tot)
    return qs.select_related("organisation", "on_behalf_of").prefetch_related("persons").order_by("-timestamp", "-id")
