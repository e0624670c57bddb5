"""The single "get for user or 404", and the logging of everything a page shows.

Every lookup of one dossier or person for a user goes through :func:`get_for_user`: allowed and denied attempts
on an existing object are written to the access log; anything outside the user's scope is a 404 (never a 403,
which would confirm that the object exists). Lists, searches, agendas and exports log what they showed with
:func:`log_shown`.
"""

from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from privacy.choices import AccessAction, AccessResult
from privacy.services import access_log_record

from .conditions import condition, person_condition_compiled
from .registry import NOTHING, dossier_type

# Access-log object type of a person page (kept from before persons had their own app: the FG's history reads it).
PERSOON = "cases.persoon"
# The largest primary key the database can hold: a bigger number in a URL is simply "not found".
MAX_PK = 2**63 - 1


def _pk(pk) -> int:
    try:
        value = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < value <= MAX_PK:
        raise Http404
    return value


def get_for_user(
    *,
    request: HttpRequest,
    key: str,
    pk,
    action: AccessAction | str = AccessAction.READ,
    queryset: QuerySet | None = None,
) -> Model:
    """The one lookup of a single dossier. ``queryset`` may add select/prefetch; the access condition is always
    applied here, whatever the caller passes."""
    dt = dossier_type(key)
    pk = _pk(pk)
    user = request.user
    rule = condition(user, key)
    base = queryset if queryset is not None else dt.model.objects.all()
    obj = None if rule is NOTHING else base.filter(rule).filter(pk=pk).first()
    if obj is None:
        _log_denied(request=request, key=key, pk=pk, action=action)
        raise Http404
    access_log_record(
        request=request,
        user=user,
        action=action,
        object_type=key,
        object_ids=[obj.pk],
        person_ids=dt.person_ids(obj),
        on_behalf_of_id=getattr(obj, f"{dt.on_behalf_of}_id") if dt.on_behalf_of else None,
    )
    return obj


def _log_denied(*, request: HttpRequest, key: str, pk: int, action) -> None:
    dt = dossier_type(key)
    fields = ["pk", f"{dt.on_behalf_of}_id"] if dt.on_behalf_of else ["pk"]
    existing = dt.model.objects.filter(pk=pk).values(*fields).first()
    if not existing:
        return  # nothing there: nothing about a person was asked for
    person_ids: set[int] = set()
    for link in dt.persons:
        lookup = f"{link.dossier_prefix}pk" if link.dossier_prefix else "pk"
        person_ids |= set(
            link.model.objects.filter(**{lookup: pk})
            .exclude(**{f"{link.person_field}__isnull": True})
            .values_list(link.person_field, flat=True)
        )
    access_log_record(
        request=request,
        user=request.user,
        action=action,
        object_type=key,
        object_ids=[pk],
        person_ids=person_ids,
        result=AccessResult.DENIED,
        on_behalf_of_id=existing.get(f"{dt.on_behalf_of}_id") if dt.on_behalf_of else None,
    )


def persoon_get_for_user(*, request: HttpRequest, pk, action: AccessAction | str = AccessAction.READ):
    """A person page: only for a person in a dossier the user may see; logged either way."""
    from zvh.persons.models import Persoon

    pk = _pk(pk)
    rule = person_condition_compiled(request.user)
    persoon = None if rule is NOTHING else Persoon.objects.filter(rule, pk=pk).first()
    if persoon is None:
        if Persoon.objects.filter(pk=pk).exists():
            access_log_record(
                request=request,
                user=request.user,
                action=action,
                object_type=PERSOON,
                object_ids=[pk],
                person_ids=[pk],
                result=AccessResult.DENIED,
            )
        raise Http404
    access_log_record(
        request=request, user=request.user, action=action, object_type=PERSOON, object_ids=[pk], person_ids=[pk]
    )
    return persoon


def log_shown(
    *,
    request: HttpRequest,
    object_type: str,
    object_ids: Iterable = (),
    person_ids: Iterable[int] = (),
    action: AccessAction | str = AccessAction.LIST,
) -> None:
    """Log a list, search result, agenda, duplicate warning or export: the ids actually shown on that page
    (also when nothing was shown: that a search was made is itself worth knowing)."""
    object_ids = list(object_ids)
    person_ids = {pid for pid in person_ids if pid}
    access_log_record(
        request=request,
        user=request.user,
        action=action,
        object_type=object_type,
        object_ids=object_ids,
        person_ids=person_ids,
    )


# --- Accountability: the FG identifies the person an AVG request is about (identity only, never dossier content)

IDENTITY_FIELDS = ("pk", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum")


def _require_fg(user) -> None:
    from django.core.exceptions import PermissionDenied

    from zvh.accounts.choices import Role

    if not user.has_role(Role.FG):
        raise PermissionDenied


def identity_search(*, request: HttpRequest, bsn: str = "", achternaam: str = "", geboortedatum=None) -> list:
    """Persons matching a BSN, surname and/or birth date: identity fields only; the search is logged."""
    from zvh.persons.models import Persoon

    _require_fg(request.user)
    qs = Persoon.objects.only(*IDENTITY_FIELDS)
    if bsn:
        qs = qs.filter(bsn=bsn.strip())
    if achternaam:
        qs = qs.filter(achternaam__iexact=achternaam.strip())
    if geboortedatum:
        qs = qs.filter(geboortedatum=geboortedatum)
    found = list(qs.order_by("achternaam", "pk")[:25])
    log_shown(
        request=request,
        action=AccessAction.SEARCH,
        object_type=PERSOON,
        object_ids=[p.pk for p in found],
        person_ids=[p.pk for p in found],
    )
    return found


def identity_get(*, request: HttpRequest, pk):
    """One person's identity for the FG's log view (the view logs what it shows with the log rows)."""
    from zvh.persons.models import Persoon

    _require_fg(request.user)
    persoon = Persoon.objects.only(*IDENTITY_FIELDS).filter(pk=_pk(pk)).first()
    if persoon is None:
        raise Http404
    return persoon
