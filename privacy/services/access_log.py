"""Writing the access log. Called by the access gateways and views of personal data; never raises at a user."""

import json
from collections.abc import Iterable

from axes.helpers import get_client_ip_address
from django.db import connection, transaction
from django.http import HttpRequest
from django_guid import get_guid

from ..choices import AccessAction, AccessResult
from ..models import AccessLogEntry, AccessLogPerson


def access_log_record(
    *,
    request: HttpRequest | None,
    user,
    action: AccessAction | str,
    object_type: str,
    object_ids: Iterable[int | str] = (),
    person_ids: Iterable[int] = (),
    result: AccessResult | str = AccessResult.ALLOWED,
    on_behalf_of_id: int | None = None,
) -> AccessLogEntry:
    """Append one entry and its person rows: on PostgreSQL in one statement (one round trip, one commit)."""
    if action not in AccessAction.values or result not in AccessResult.values:
        raise ValueError(f"unknown action/result {action!r}/{result!r}")
    role = user.role if user is not None and user.is_authenticated else None
    entry = AccessLogEntry(
        user=user if user is not None and user.is_authenticated else None,
        username=getattr(user, "username", "") or "",
        organisation_id=getattr(user, "organisation_id", None),
        role=role.value if role else "",
        on_behalf_of_id=on_behalf_of_id,
        action=action,
        object_type=object_type,
        object_ids=[str(pk) for pk in object_ids],
        result=result,
        ip_address=get_client_ip_address(request) if request is not None else None,
        correlation_id=get_guid() or "",
        view_name=_view_name(request),
    )
    persons = sorted(set(person_ids))
    if connection.vendor == "postgresql":
        _insert_postgresql(entry, persons)
        return entry
    with transaction.atomic():
        entry.save()
        AccessLogPerson.objects.bulk_create(
            AccessLogPerson(entry=entry, person_id=pid, timestamp=entry.timestamp) for pid in persons
        )
    return entry


_FIELDS = (
    "timestamp",
    "user_id",
    "username",
    "organisation_id",
    "role",
    "on_behalf_of_id",
    "action",
    "object_type",
    "object_ids",
    "result",
    "ip_address",
    "correlation_id",
    "view_name",
)


# Built once from the model's own table and column names (no user input): one statement, one round trip.
_INSERT_SQL = (
    f"WITH e AS (INSERT INTO {AccessLogEntry._meta.db_table} ({', '.join(_FIELDS)}) "  # noqa: S608
    f"VALUES ({', '.join(['%s'] * len(_FIELDS))}) RETURNING id, timestamp), "
    f"p AS (INSERT INTO {AccessLogPerson._meta.db_table} (entry_id, person_id, timestamp) "
    "SELECT e.id, person, e.timestamp FROM e, unnest(%s::bigint[]) AS person) "
    "SELECT id FROM e"
)


def _insert_postgresql(entry: AccessLogEntry, persons: list[int]) -> None:
    values = [getattr(entry, f) for f in _FIELDS]
    values[_FIELDS.index("object_ids")] = json.dumps(entry.object_ids)
    with connection.cursor() as cursor:
        cursor.execute(_INSERT_SQL, [*values, persons])
        entry.pk = cursor.fetchone()[0]
    entry._state.adding = False


def _view_name(request: HttpRequest | None) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""
