"""Who may see contextverzoeken ("zsm.contextverzoek").

- procesregisseur: every verzoek (every procesregisseur answers; ZSM is not a restricted theme), and the suspect
  in the person register;
- ketenpartner in the ZSM team: the verzoeken of their own organisation (the requesting partner), with the answer
  given; never the person in the register — the register's data would tell whether the ZVH knows the suspect
  (``persons_condition``);
- everybody else (also a ketenpartner outside the ZSM team, e.g. a wijkagent of Politie): nothing, a 404.

The requesting organisation is the type's ``on_behalf_of``: every read, answer and list of a verzoek is logged
with it, so the FG sees to whom the ZVH gave (or would give) the context.
"""

from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from privacy.choices import AccessAction
from zvh.access import DossierType, PersonLink, gateway, register
from zvh.access.registry import NOTHING
from zvh.access.themes import teams_of
from zvh.accounts.choices import Role

from .choices import TEAM

CONTEXTVERZOEK = "zsm.contextverzoek"


def is_zsm_partner(user) -> bool:
    return user.has_role(Role.KETENPARTNER) and TEAM in teams_of(user)


def may_request(user) -> bool:
    return user.has_role(Role.PROCESREGISSEUR) or is_zsm_partner(user)


def verzoek_role_condition(user, prefix: str = "") -> Q:
    if user.has_role(Role.PROCESREGISSEUR):
        return Q()
    if is_zsm_partner(user) and user.organisation_id:
        return Q(**{f"{prefix}partner_organisatie_id": user.organisation_id})
    return NOTHING


def verzoek_persons_condition(user, prefix: str = "") -> Q:
    return Q() if user.has_role(Role.PROCESREGISSEUR) else NOTHING


def register_zsm() -> None:
    from .models import Contextverzoek

    register(
        DossierType(
            key=CONTEXTVERZOEK,
            model=Contextverzoek,
            label=_("contextverzoek ZSM"),
            condition=verzoek_role_condition,
            persons=(PersonLink(Contextverzoek, "", "persoon", few_per_user=True),),
            person_ids=lambda verzoek: [verzoek.persoon_id] if verzoek.persoon_id else [],
            on_behalf_of="partner_organisatie",
            detail_url_name="zsm:verzoek_detail",
            persons_condition=verzoek_persons_condition,
        )
    )


def verzoek_get_for_user(*, request: HttpRequest, pk, action=AccessAction.READ, queryset=None):
    return gateway.get_for_user(request=request, key=CONTEXTVERZOEK, pk=pk, action=action, queryset=queryset)
