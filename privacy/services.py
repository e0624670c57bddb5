"""Writing the access log. Called by the access gateways and views of personal data; never raises at a user."""

from collections.abc import Iterable

from axes.helpers import get_client_ip_address
from django.http import HttpRequest
from django_guid import get_guid

from .choices import AccessAction, AccessResult
from .models import AccessLogEntry, AccessLogPerson


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
    """Append one entry (and its person rows). Two inserts; no validation queries on the hot path."""
    if action not in AccessAction.values or result not in AccessResult.values:
        raise ValueError(f"unknown action/result {action!r}/{result!r}")
    role = user.role if user is not None and user.is_authenticated else None
    entry = AccessLogEntry.objects.create(
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
    if persons:
        AccessLogPerson.objects.bulk_create(
            AccessLogPerson(entry=entry, person_id=pid, timestamp=entry.timestamp) for pid in persons
        )
    return entry


def _view_name(request: HttpRequest | None) -> str:
    match = getattr(request, "resolver_match", None)
    return match.view_name if match else ""
