"""Reads for aanmeldingen, triage boards and adviezen, scoped to the user (need-to-know)."""

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from cases.access import hidden_themes, log_list
from privacy.choices import AccessAction, AccessResult
from privacy.services import access_log_record
from zvh.accounts.choices import Role

from .choices import AanmeldingStatus
from .models import Aanmelding, Advies, TriageBord, TriageSessie


def aanmelding_condition(user, prefix: str = "") -> Q:
    """Partners: their organisation's submitted aanmeldingen and their own drafts.
    Procesregisseurs: every submitted aanmelding (restricted themes for team members only) and their own drafts.
    ``prefix`` reaches the aanmelding from a related model (e.g. "aanmelding__")."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    p = prefix
    concept = Q(**{f"{p}status": AanmeldingStatus.CONCEPT})
    own_draft = concept & Q(**{f"{p}ingediend_door": user})
    if user.has_role(Role.PROCESREGISSEUR):
        hidden = hidden_themes(user)
        submitted = ~concept & ~Q(**{f"{p}thema__in": hidden}) if hidden else ~concept
        return submitted | own_draft
    if user.has_role(Role.KETENPARTNER):
        return (~concept & Q(**{f"{p}aanbrengende_partner": user.organisation_id})) | own_draft
    return Q(pk__in=[])


def aanmelding_queryset_for(user) -> QuerySet[Aanmelding]:
    return Aanmelding.objects.filter(aanmelding_condition(user))


def aanmelding_person_ids(aanmelding: Aanmelding) -> list[int]:
    return [b.persoon_id for b in aanmelding.betrokkenen.all() if b.persoon_id]


def aanmelding_get_for_user(*, request: HttpRequest, pk: int, action=AccessAction.READ) -> Aanmelding:
    user = request.user
    aanmelding = (
        aanmelding_queryset_for(user)
        .select_related("aanbrengende_partner", "gemeente", "ingediend_door", "sessie__bord")
        .prefetch_related("betrokkenen", "voorgestelde_partners")
        .filter(pk=pk)
        .first()
    )
    if aanmelding is None:
        existing = Aanmelding.objects.filter(pk=pk).values("aanbrengende_partner_id").first()
        if existing:
            access_log_record(
                request=request,
                user=user,
                action=action,
                object_type="triage.aanmelding",
                object_ids=[pk],
                result=AccessResult.DENIED,
                on_behalf_of_id=existing["aanbrengende_partner_id"],
            )
        raise Http404
    access_log_record(
        request=request,
        user=user,
        action=action,
        object_type="triage.aanmelding",
        object_ids=[pk],
        person_ids=aanmelding_person_ids(aanmelding),
        on_behalf_of_id=aanmelding.aanbrengende_partner_id,
    )
    return aanmelding


def boards_for(user) -> QuerySet[TriageBord]:
    if not user.has_role(Role.PROCESREGISSEUR):
        return TriageBord.objects.none()
    return TriageBord.objects.filter(Q(team__isnull=True) | Q(team__leden=user)).distinct().order_by("naam")


def board_get_for_user(*, user, pk: int) -> TriageBord:
    bord = boards_for(user).filter(pk=pk).first()
    if bord is None:
        raise Http404
    return bord


def sessie_get_for_user(*, user, pk: int) -> TriageSessie:
    sessie = TriageSessie.objects.select_related("bord").filter(pk=pk, bord__in=boards_for(user)).first()
    if sessie is None:
        raise Http404
    return sessie


def sessie_aanmeldingen(*, request: HttpRequest, sessie: TriageSessie) -> list[Aanmelding]:
    """The aanmeldingen on a triage moment, with their persons; the persons shown are logged."""
    aanmeldingen = list(
        aanmelding_queryset_for(request.user)
        .filter(sessie=sessie)
        .select_related("aanbrengende_partner", "gemeente", "weging", "casus")
        .prefetch_related("betrokkenen")
        .order_by("-spoed", "ingediend_op")
    )
    log_list(
        request=request,
        object_type="triage.aanmelding",
        object_ids=[a.pk for a in aanmeldingen],
        person_ids=[pid for a in aanmeldingen for pid in aanmelding_person_ids(a)],
    )
    return aanmeldingen


def waiting_for_triage(user) -> QuerySet[Aanmelding]:
    return (
        aanmelding_queryset_for(user)
        .filter(status__in=(AanmeldingStatus.INGEDIEND, AanmeldingStatus.GEAGENDEERD))
        .select_related("aanbrengende_partner", "sessie__bord")
        .prefetch_related("betrokkenen")
        .order_by("-spoed", "ingediend_op")
    )


def advies_queryset_for(user) -> QuerySet[Advies]:
    if not user.has_role(Role.PROCESREGISSEUR):
        return Advies.objects.none()
    return Advies.objects.select_related("organisatie", "geregistreerd_door")
