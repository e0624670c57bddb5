"""Who may see BIJ: two dossier types registered with the access layer.

``bij.melding`` (the whole type is the restricted theme "bij": the layer adds "member of team bij" for every role):
- procesregisseur: every melding (so: the procesregisseurs in the BIJ team);
- ketenpartner: only meldingen they are invited to (an active ``Uitnodiging`` for them or their organisation).
  Invited partners are outside the BIJ team, so that invitation is also the theme exemption: per melding,
  never a role as a whole;
- secretariaat, manager, FG, beheerder: nothing.

``bij.advies`` (the advice to the burgemeester, not the melding):
- the OOV-adviseur (a ketenpartner of a gemeente in team "oov-adviseur"): the issued advice addressed to their
  own gemeente, nothing else of the melding;
- procesregisseurs in the BIJ team: every advice (checked here, as this type carries no theme: the gemeente
  receives the advice outside the BIJ team);
- everyone else: nothing.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from privacy.choices import AccessAction
from zvh.access import DossierType, PersonLink, conditions, gateway, register
from zvh.access.registry import NOTHING
from zvh.access.themes import teams_of
from zvh.accounts.choices import Role

from .choices import TEAM_BIJ, TEAM_OOV, THEMA_BIJ

MELDING = "bij.melding"
ADVIES = "bij.advies"


def _invited(user, prefix: str) -> Q:
    from .models import Uitnodiging

    mine = Q(user_id=user.pk)
    if user.organisation_id:
        mine |= Q(organisatie_id=user.organisation_id)
    invitations = Uitnodiging.objects.filter(conditions.valid_now(), mine, melding=OuterRef(f"{prefix}pk"))
    return Q(Exists(invitations))


def melding_role_condition(user, prefix: str = "") -> Q:
    if user.has_role(Role.PROCESREGISSEUR):
        return Q()
    if user.has_role(Role.KETENPARTNER):
        return _invited(user, prefix)
    return NOTHING


def melding_theme_exempt(user, prefix: str = "") -> Q:
    return _invited(user, prefix) if user.has_role(Role.KETENPARTNER) else NOTHING


def is_bij_team(user) -> bool:
    return user.has_role(Role.PROCESREGISSEUR) and TEAM_BIJ in teams_of(user)


def is_oov_adviseur(user) -> bool:
    return user.has_role(Role.KETENPARTNER) and TEAM_OOV in teams_of(user)


def advies_role_condition(user, prefix: str = "") -> Q:
    if is_bij_team(user):
        return Q()
    if is_oov_adviseur(user) and user.organisation_id:
        return Q(**{f"{prefix}gemeente_id": user.organisation_id, f"{prefix}uitgebracht_op__isnull": False})
    return NOTHING


def register_bij() -> None:
    from .models import Advies, Melding

    register(
        DossierType(
            key=MELDING,
            model=Melding,
            label=_("BIJ-melding"),
            condition=melding_role_condition,
            persons=(PersonLink(Melding, "", "persoon", few_per_user=True),),
            person_ids=lambda melding: [melding.persoon_id],
            theme=THEMA_BIJ,
            theme_exempt=melding_theme_exempt,
            detail_url_name="bij:melding_detail",
        )
    )
    register(
        DossierType(
            key=ADVIES,
            model=Advies,
            label=_("advies aan de burgemeester (BIJ)"),
            condition=advies_role_condition,
            persons=(PersonLink(Advies, "", "melding__persoon", few_per_user=True),),
            person_ids=lambda advies: [advies.melding.persoon_id],
            on_behalf_of="gemeente",
            detail_url_name="bij:advies_detail",
        )
    )


def melding_get_for_user(*, request: HttpRequest, pk, action=AccessAction.READ, queryset=None):
    return gateway.get_for_user(request=request, key=MELDING, pk=pk, action=action, queryset=queryset)


def advies_get_for_user(*, request: HttpRequest, pk, action=AccessAction.READ, queryset=None):
    return gateway.get_for_user(request=request, key=ADVIES, pk=pk, action=action, queryset=queryset)
