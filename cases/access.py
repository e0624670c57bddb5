"""The access gateway: the only place that decides which cases and persons a user may see.

Default deny. Every lookup of a case or person for a user goes through here; anything outside it is a 404,
and a denied attempt on an existing object is written to the access log. Rules (../shared/DOMAIN.md):

- procesregisseur: every case of the ZVH;
- ketenpartner: only cases with an active grant to them or to their organisation (validity enforced here,
  in the query, so an expired grant stops working at once);
- secretariaat: the cases on the agendas of meetings they support;
- manager, FG, beheerder: no case content at all;
- and for everyone: restricted themes (radicalisering) only for members of their team (the Weegploeg).
"""

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from privacy.choices import AccessAction, AccessResult
from privacy.services import access_log_record
from zvh.accounts.choices import Role

from .models import (
    RESTRICTED_THEMES,
    Betrokkene,
    Casus,
    CasusGroupObjectPermission,
    CasusUserObjectPermission,
    Persoon,
)

VIEW_CASUS = "view_casus"


def hidden_themes(user) -> list[str]:
    """Restricted themes whose team the user is not a member of."""
    if not RESTRICTED_THEMES:
        return []
    member_of = {name.removeprefix("team:") for name in user.memberships if name.startswith("team:")}
    return [thema for thema, team in RESTRICTED_THEMES.items() if team not in member_of]


def _valid(prefix: str = "", now=None) -> Q:
    now = now or timezone.now()
    return Q(**{f"{prefix}geldig_van__lte": now}) & (
        Q(**{f"{prefix}geldig_tot__isnull": True}) | Q(**{f"{prefix}geldig_tot__gt": now})
    )


def granted_casus_ids(user, now=None) -> set[int]:
    """Ids of cases with an active grant to the user or their organisation (guardian direct-FK tables).

    One query: the user's and the organisation's permission rows, united, both filtered on validity."""
    own = CasusUserObjectPermission.objects.filter(
        _valid(now=now), user=user, permission__codename=VIEW_CASUS
    ).values_list("content_object_id", flat=True)
    organisation = CasusGroupObjectPermission.objects.filter(
        _valid(now=now), group__organisation__users=user, permission__codename=VIEW_CASUS
    ).values_list("content_object_id", flat=True)
    return set(own.union(organisation))


NOTHING = Q(pk__in=[])


def casus_condition(user, prefix: str = "") -> Q:
    """The rule as a condition on a case (``prefix`` reaches it from a related model, e.g. "casus__")."""
    if not user.is_authenticated:
        return NOTHING
    if user.has_role(Role.PROCESREGISSEUR):
        condition = Q()
    elif user.has_role(Role.KETENPARTNER):
        condition = Q(**{f"{prefix}pk__in": granted_casus_ids(user)})
    elif user.has_role(Role.SECRETARIAAT):
        condition = Q(**{f"{prefix}pk__in": supported_casus_ids(user)})
    else:
        return NOTHING
    # Restricted themes need team membership on top of everything else, for every role (even with a grant).
    hidden = hidden_themes(user)
    return condition & ~Q(**{f"{prefix}thema__in": hidden}) if hidden else condition


def casus_queryset_for(user) -> QuerySet[Casus]:
    """All cases the user may see (unordered, unrelated: callers add what they need)."""
    return Casus.objects.filter(casus_condition(user))


def supported_casus_ids(user) -> set[int]:
    from .models import Agendapunt

    return set(Agendapunt.objects.filter(overleg__ondersteuning=user).values_list("casus_id", flat=True))


def is_partner_view(user) -> bool:
    """Partners and secretariaat do not see ZVH-internal logbook entries ("alleen procesregie")."""
    return not user.has_role(Role.PROCESREGISSEUR)


def casus_person_ids(casus: Casus) -> list[int]:
    # Uses the prefetched betrokkenen when the caller's queryset has them (the detail page does).
    return [b.persoon_id for b in casus.betrokkenen.all()]


def casus_get_for_user(
    *, request: HttpRequest, pk: int, action: AccessAction | str = AccessAction.READ, queryset=None
) -> Casus:
    """The one lookup of a single case. Logs the access (allowed or denied); outside the user's scope: 404."""
    user = request.user
    casus = (queryset if queryset is not None else casus_queryset_for(user)).filter(pk=pk).first()
    if casus is None:
        existing = Casus.objects.filter(pk=pk).values("pk", "aanbrengende_partner_id").first()
        if existing:
            access_log_record(
                request=request,
                user=user,
                action=action,
                object_type="cases.casus",
                object_ids=[pk],
                person_ids=Betrokkene.objects.filter(casus_id=pk).values_list("persoon_id", flat=True),
                result=AccessResult.DENIED,
                on_behalf_of_id=existing["aanbrengende_partner_id"],
            )
        raise Http404
    access_log_record(
        request=request,
        user=user,
        action=action,
        object_type="cases.casus",
        object_ids=[casus.pk],
        person_ids=casus_person_ids(casus),
        on_behalf_of_id=casus.aanbrengende_partner_id,
    )
    return casus


def visible_person_ids(user, ids) -> set[int]:
    """Which of these persons the user may see: persons in a case the user may see, and for procesregisseurs
    also persons in an aanmelding they may see. Two index-backed semi-joins over just these ids (search asks in
    batches), so the cost follows the number of ids, not the number of persons."""
    ids = list(ids)
    if not ids or not user.is_authenticated:
        return set()
    if not user.has_role(Role.PROCESREGISSEUR, Role.KETENPARTNER, Role.SECRETARIAAT):
        return set()
    visible = set(
        Betrokkene.objects.filter(casus_condition(user, "casus__"), persoon_id__in=ids).values_list(
            "persoon_id", flat=True
        )
    )
    if user.has_role(Role.PROCESREGISSEUR) and len(visible) < len(set(ids)):
        from triage.models import AanmeldingBetrokkene
        from triage.selectors import aanmelding_condition

        visible |= set(
            AanmeldingBetrokkene.objects.filter(
                aanmelding_condition(user, "aanmelding__"), persoon_id__in=set(ids) - visible
            ).values_list("persoon_id", flat=True)
        )
    return visible


def persons_in_hidden_cases(user) -> QuerySet:
    """Ids of persons in any case of a restricted theme the user is not a member for (to leave them out)."""
    return Betrokkene.objects.filter(casus__thema__in=hidden_themes(user)).values("persoon_id")


def persoon_get_for_user(*, request: HttpRequest, pk: int) -> Persoon:
    user = request.user
    persoon = Persoon.objects.filter(pk=pk).first() if visible_person_ids(user, [pk]) else None
    if persoon is None:
        if Persoon.objects.filter(pk=pk).exists():
            access_log_record(
                request=request,
                user=user,
                action=AccessAction.READ,
                object_type="cases.persoon",
                object_ids=[pk],
                person_ids=[pk],
                result=AccessResult.DENIED,
            )
        raise Http404
    access_log_record(
        request=request,
        user=user,
        action=AccessAction.READ,
        object_type="cases.persoon",
        object_ids=[pk],
        person_ids=[pk],
    )
    return persoon


def log_list(
    *,
    request: HttpRequest,
    object_type: str,
    object_ids,
    person_ids,
    action: AccessAction | str = AccessAction.READ,
) -> None:
    """Log a list, search result, agenda or export: the ids actually shown on that page."""
    access_log_record(
        request=request,
        user=request.user,
        action=action,
        object_type=object_type,
        object_ids=list(object_ids),
        person_ids=list(person_ids),
    )
