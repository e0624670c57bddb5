"""Who may see a re-integratie traject or an ISD-traject (dossier types "reintegration.traject" / ".isd").

- procesregisseur: every traject and ISD-traject;
- coördinator re-integratie: a ketenpartner of a gemeente who is a member of the team "coordinator-reintegratie"
  (created in migration 0002): the trajecten and ISD-trajecten of their own gemeente's residents;
- other ketenpartners: a traject only through an active TrajectToegang for their organisation, or as the acting
  organisation of a basisvoorwaarde for which consent holds; never an ISD-traject. Inside a traject a partner sees
  a voorwaarde only while consent for it holds, and only one it acts on unless it holds a toegang
  (``voorwaarde_condition``);
- secretariaat, manager, FG, beheerder: nothing.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from zvh.access import DossierType, PersonLink, conditions, register
from zvh.access.registry import NOTHING
from zvh.access.themes import teams_of
from zvh.accounts.choices import OrganisationType, Role

from .choices import Toestemming

TRAJECT = "reintegration.traject"
ISD = "reintegration.isd"
COORDINATOR_TEAM = "coordinator-reintegratie"


def is_coordinator(user) -> bool:
    organisation = getattr(user, "organisation", None)
    return (
        user.has_role(Role.KETENPARTNER)
        and COORDINATOR_TEAM in teams_of(user)
        and organisation is not None
        and organisation.type == OrganisationType.GEMEENTE
    )


def is_director(user) -> bool:
    """Who runs trajecten (enters meldingen, works the checklist, moves the status): regie, not partners."""
    return user.has_role(Role.PROCESREGISSEUR) or is_coordinator(user)


def voorwaarde_condition(user, prefix: str = "") -> Q:
    """Which voorwaarden of a visible traject the user sees: all for regie (the procesregisseur, the coördinator of
    the traject's gemeente). A partner only while consent holds, and then only the voorwaarden it acts on or, with
    a toegang to the traject, all consented ones."""
    from .models import TrajectToegang

    if user.has_role(Role.PROCESREGISSEUR):
        return Q()
    if not user.has_role(Role.KETENPARTNER) or user.organisation_id is None:
        return NOTHING
    granted = TrajectToegang.objects.filter(
        conditions.valid_now(), traject=OuterRef(f"{prefix}traject"), organisatie=user.organisation_id
    )
    consent = Q(**{f"{prefix}toestemming": Toestemming.GEGEVEN}) & (
        Q(**{f"{prefix}organisatie": user.organisation_id}) | Q(Exists(granted))
    )
    if is_coordinator(user):
        return Q(**{f"{prefix}traject__gemeente": user.organisation_id}) | consent
    return consent


def traject_role_condition(user, prefix: str = "") -> Q:
    from .models import Basisvoorwaarde, TrajectToegang

    if user.has_role(Role.PROCESREGISSEUR):
        return Q()
    if not user.has_role(Role.KETENPARTNER) or user.organisation_id is None:
        return NOTHING
    outer = OuterRef(f"{prefix}pk")
    granted = TrajectToegang.objects.filter(conditions.valid_now(), traject=outer, organisatie=user.organisation_id)
    acting = Basisvoorwaarde.objects.filter(
        traject=outer, organisatie=user.organisation_id, toestemming=Toestemming.GEGEVEN
    )
    rule = Q(Exists(granted)) | Q(Exists(acting))
    if is_coordinator(user):
        rule |= Q(**{f"{prefix}gemeente": user.organisation_id})
    return rule


def isd_role_condition(user, prefix: str = "") -> Q:
    if user.has_role(Role.PROCESREGISSEUR):
        return Q()
    if is_coordinator(user):
        return Q(**{f"{prefix}gemeente": user.organisation_id})
    return NOTHING


def register_reintegratie() -> None:
    from .models import ISDTraject, Traject

    register(
        DossierType(
            key=TRAJECT,
            model=Traject,
            label=_("re-integratietraject"),
            condition=traject_role_condition,
            persons=(PersonLink(Traject, "", "persoon", few_per_user=True),),
            person_ids=lambda traject: [traject.persoon_id],
            on_behalf_of="gemeente",
            detail_url_name="reintegration:traject_detail",
        )
    )
    register(
        DossierType(
            key=ISD,
            model=ISDTraject,
            label=_("ISD-traject"),
            condition=isd_role_condition,
            persons=(PersonLink(ISDTraject, "", "persoon", few_per_user=True),),
            person_ids=lambda isd: [isd.persoon_id],
            on_behalf_of="gemeente",
            detail_url_name="reintegration:isd_detail",
        )
    )
