"""Who may see a case: the role rule of the dossier type "cases.casus", registered with the access layer.

Rules (../shared/DOMAIN.md); the restricted-theme rule is added by the layer for every role:

- procesregisseur: every case of the ZVH;
- ketenpartner: only cases with an active grant to them or to their organisation (guardian's direct-FK tables,
  validity checked in the query, so an expired grant stops working at once);
- secretariaat: the cases on the agendas of meetings they support;
- manager, FG, beheerder: no case content at all.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from privacy.choices import AccessAction
from zvh.access import DossierType, PersonLink, conditions, gateway, register
from zvh.access.registry import NOTHING
from zvh.accounts.choices import Role

CASUS = "cases.casus"
VIEW_CASUS = "view_casus"


def casus_granted(user, prefix: str = "") -> Q:
    """An active grant on the case reached by ``prefix`` (to the user or their organisation): the partner rule of
    the case and of every dossier type that hangs on a case (mensenhandel traject, levensloopdossier)."""
    from .models import CasusGroupObjectPermission, CasusUserObjectPermission

    return conditions.granted(
        user,
        user_permissions=CasusUserObjectPermission,
        group_permissions=CasusGroupObjectPermission,
        codename=VIEW_CASUS,
        prefix=prefix,
    )


def casus_role_condition(user, prefix: str = "") -> Q:
    from .models import Agendapunt

    if user.has_role(Role.PROCESREGISSEUR):
        return Q()
    if user.has_role(Role.KETENPARTNER):
        return casus_granted(user, prefix)
    if user.has_role(Role.SECRETARIAAT):
        supported = Agendapunt.objects.filter(casus=OuterRef(f"{prefix}pk"), overleg__ondersteuning=user)
        return Q(Exists(supported))
    return NOTHING


def register_casus() -> None:
    from .models import Betrokkene, Casus

    register(
        DossierType(
            key=CASUS,
            model=Casus,
            label=_("casus"),
            condition=casus_role_condition,
            persons=(PersonLink(Betrokkene, "casus__", "persoon"),),
            # Uses the prefetched betrokkenen when the caller's queryset has them (the detail page does).
            person_ids=lambda casus: [b.persoon_id for b in casus.betrokkenen.all()],
            on_behalf_of="aanbrengende_partner",
            theme_field="thema",
            detail_url_name="cases:casus_detail",
        )
    )


def casus_queryset_for(user) -> QuerySet:
    """All cases the user may see (unordered, unrelated: callers add what they need)."""
    return conditions.visible(user, CASUS)


def casus_get_for_user(*, request: HttpRequest, pk, action=AccessAction.READ, queryset=None):
    return gateway.get_for_user(request=request, key=CASUS, pk=pk, action=action, queryset=queryset)


def is_partner_view(user) -> bool:
    """Partners and secretariaat do not see ZVH-internal logbook entries ("alleen procesregie")."""
    return not user.has_role(Role.PROCESREGISSEUR)
