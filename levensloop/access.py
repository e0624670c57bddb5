"""Who may see a levensloopdossier ("levensloop.dossier"), registered with the access layer.

- procesregisseur: every dossier (except one linked to a case of a restricted theme outside their team);
- ketenpartner: only a dossier whose linked case has an active grant to them or their organisation (the partners at
  the levenslooptafel are invited on the case); a dossier without a case (a selection on an aanmelding) none;
- secretariaat, manager, FG, beheerder: nothing (the manager sees the monitor's aggregates only).
"""

from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from privacy.choices import AccessAction
from zvh.access import DossierType, PersonLink, gateway, register
from zvh.access.registry import NOTHING
from zvh.access.themes import hidden_themes
from zvh.accounts.choices import Role

DOSSIER = "levensloop.dossier"


def dossier_role_condition(user, prefix: str = "") -> Q:
    from cases.access import casus_granted

    if user.has_role(Role.PROCESREGISSEUR):
        # A linked case of a restricted theme (radicalisering, mensenhandel) stays with that theme's team.
        hidden = hidden_themes(user)
        if not hidden:
            return Q()
        return Q(**{f"{prefix}casus__isnull": True}) | ~Q(**{f"{prefix}casus__thema__in": sorted(hidden)})
    if user.has_role(Role.KETENPARTNER):
        return casus_granted(user, f"{prefix}casus__")
    return NOTHING


def register_levensloop() -> None:
    from .models import Dossier

    register(
        DossierType(
            key=DOSSIER,
            model=Dossier,
            label=_("levensloopdossier"),
            condition=dossier_role_condition,
            persons=(PersonLink(Dossier, "", "persoon", few_per_user=True),),
            person_ids=lambda dossier: [dossier.persoon_id],
            detail_url_name="levensloop:dossier_detail",
        )
    )


def dossier_get_for_user(*, request: HttpRequest, pk, action=AccessAction.READ, queryset=None):
    return gateway.get_for_user(request=request, key=DOSSIER, pk=pk, action=action, queryset=queryset)
