from datetime import date, datetime, time, timedelta

from axes.models import AccessFailureLog, AccessLog
from django.db import models
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
    return (
        qs.select_related("user", "organisation", "on_behalf_of")
        .prefetch_related("persons")
        .order_by("-timestamp", "-id")
    )


# --- The FG's registers


def verzoeken(*, open_only: bool = False) -> QuerySet:
    from .choices import VerzoekStatus
    from .models import AvgVerzoek

    qs = AvgVerzoek.objects.select_related("behandelaar").order_by("termijn", "pk")
    return qs.exclude(status=VerzoekStatus.AFGEHANDELD) if open_only else qs


def grants_for_review(*, organisation_id: int | None = None, user_id: int | None = None) -> QuerySet:
    """Every case grant, newest first, with whoever it was given to and who gave it (the FG's review)."""
    from cases.models import Grant

    qs = Grant.objects.select_related("casus", "user__organisation", "organisatie", "verleend_door")
    if organisation_id:
        qs = qs.filter(models.Q(organisatie_id=organisation_id) | models.Q(user__organisation_id=organisation_id))
    if user_id:
        qs = qs.filter(user_id=user_id)
    return qs.only(
        "casus__nummer",
        "user__first_name",
        "user__last_name",
        "user__username",
        "user__organisation__name",
        "organisatie__name",
        "verleend_door__first_name",
        "verleend_door__last_name",
        "verleend_door__username",
        "rol",
        "doel",
        "geldig_van",
        "geldig_tot",
        "verleend_op",
        "ingetrokken_op",
    ).order_by("-verleend_op", "-pk")


_LAST_USED_SQL = """
SELECT g.id, (
    SELECT max(e.timestamp) FROM privacy_accesslogentry e
    WHERE e.object_ids @> jsonb_build_array(g.casus_id::text) AND e.object_type = 'cases.casus'
      AND e.result = 'allowed' AND (e.user_id = g.user_id OR e.organisation_id = g.organisatie_id)
)
FROM cases_grant g WHERE g.id = ANY(%s)
"""


def grants_last_used(grant_ids: list[int]) -> dict:
    """When each grant was last used: the last allowed access of its user (or anyone of its organisation) to its
    case, from the access log (GIN index on object_ids, migration 0007). PostgreSQL only; elsewhere unknown."""
    from django.db import connection

    if not grant_ids or connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_LAST_USED_SQL, [list(grant_ids)])
        return dict(cursor.fetchall())
