"""Restricted themes as data: theme → team (``BeperktThema``), read with the user's roles in one query.

The user's memberships (``User.memberships``, one query per request) get "team:<code>" for every team the user is
in and "hidden:<thema>" for every restricted theme whose team the user is *not* in. The conditions below read
those, so no page pays an extra query for the theme rule.
"""

from django.db.models import CharField, F, Value
from django.db.models.functions import Concat

TEAM = "team:"
HIDDEN = "hidden:"


def _teams(user):
    from .models import Team

    return (
        Team.objects.filter(leden=user)
        .annotate(label=Concat(Value(TEAM), F("code"), output_field=CharField()))
        .values_list("label", flat=True)
    )


def _hidden_themes(user):
    from .models import BeperktThema

    return (
        BeperktThema.objects.exclude(team__leden=user)
        .annotate(label=Concat(Value(HIDDEN), F("thema"), output_field=CharField()))
        .values_list("label", flat=True)
    )


def register_membership_source() -> None:
    from zvh.accounts.models import User

    known = {source.__qualname__ for source in User.membership_sources}
    for source in (_teams, _hidden_themes):
        if source.__qualname__ not in known:
            User.membership_sources.append(source)


def hidden_themes(user) -> frozenset[str]:
    """Restricted themes whose team the user is not a member of (all of them for a user without memberships)."""
    if not getattr(user, "is_authenticated", False):
        from .models import BeperktThema

        return frozenset(BeperktThema.objects.values_list("thema", flat=True))
    return frozenset(name.removeprefix(HIDDEN) for name in user.memberships if name.startswith(HIDDEN))


def teams_of(user) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    return frozenset(name.removeprefix(TEAM) for name in user.memberships if name.startswith(TEAM))
