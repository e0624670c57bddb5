"""Who may see mensenhandel dossiers: the role rules of "mensenhandel.signaal" and "mensenhandel.traject".

Both types are restricted as a whole to the theme "mensenhandel" (``BeperktThema``, team "mensenhandel", created in
migration 0002): the access layer adds "the user is in the team" to every rule below, for every role. So:

- procesregisseur: every signaal and traject, but only as a member of the mensenhandel team;
- ketenpartner: a traject only through an active grant on its linked case (to them or their organisation), and
  only as a member of the team; never signalen;
- secretariaat, manager, FG, beheerder: nothing.

The linked case itself (``cases.casus`` with thema mensenhandel) is restricted to the same team by the same row.
"""

from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from privacy.choices import AccessAction
from zvh.access import DossierType, PersonLink, gateway, register
from zvh.access.registry import NOTHING
from zvh.accounts.choices import Role

from .choices import TEAM

SIGNAAL = "mensenhandel.signaal"
TRAJECT = "mensenhandel.traject"


def signaal_role_condition(user, prefix: str = "") -> Q:
    return Q() if user.has_role(Role.PROCESREGISSEUR) else NOTHING


def traject_role_condition(user, prefix: str = "") -> Q:
    from cases.access import casus_granted

    if user.has_role(Role.PROCESREGISSEUR):
        return Q()
    if user.has_role(Role.KETENPARTNER):
        return casus_granted(user, f"{prefix}casus__")
    return NOTHING


def register_mensenhandel() -> None:
    from .models import Signaal, Traject

    register(
        DossierType(
            key=SIGNAAL,
            model=Signaal,
            label=_("signaal mensenhandel"),
            condition=signaal_role_condition,
            persons=(PersonLink(Signaal, "", "persoon", few_per_user=True),),
            person_ids=lambda signaal: [signaal.persoon_id] if signaal.persoon_id else [],
            theme=TEAM,
            detail_url_name="mensenhandel:signaal_detail",
        )
    )
    register(
        DossierType(
            key=TRAJECT,
            model=Traject,
            label=_("zorgcoördinatietraject"),
            condition=traject_role_condition,
            persons=(PersonLink(Traject, "", "persoon", few_per_user=True),),
            person_ids=lambda traject: [traject.persoon_id],
            theme=TEAM,
            detail_url_name="mensenhandel:traject_detail",
        )
    )


def signaal_get_for_user(*, request: HttpRequest, pk, action=AccessAction.READ, queryset=None):
    return gateway.get_for_user(request=request, key=SIGNAAL, pk=pk, action=action, queryset=queryset)


def traject_get_for_user(*, request: HttpRequest, pk, action=AccessAction.READ, queryset=None):
    return gateway.get_for_user(request=request, key=TRAJECT, pk=pk, action=action, queryset=queryset)


def is_team_regisseur(user) -> bool:
    """May write in mensenhandel: a procesregisseur in the mensenhandel team (partners read through grants)."""
    from zvh.access.themes import teams_of

    return user.has_role(Role.PROCESREGISSEUR) and TEAM in teams_of(user)
