"""Reads for aanmeldingen, triage boards and adviezen, scoped to the user (need-to-know)."""

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from privacy.choices import AccessAction
from zvh.access import conditions, gateway
from zvh.access.models import BeperktThema
from zvh.access.themes import hidden_themes
from zvh.accounts.choices import Role

from .access import AANMELDING
from .choices import AanmeldingStatus
from .models import Aanmelding, Advies, TriageBord, TriageSessie


def aanmelding_queryset_for(user) -> QuerySet[Aanmelding]:
    return conditions.visible(user, AANMELDING)


def aanmelding_list(user, *, status: str | None = None) -> QuerySet[Aanmelding]:
    """The list page: newest first, walked along the (status,) aangemaakt_op index so a page never sorts them all.
    Evaluated itself, so the access rule compiled once per process serves it (see ``conditions.visible_compiled``)."""
    qs = conditions.visible_compiled(user, AANMELDING)
    if status:
        qs = qs.filter(status=status)
    return (
        qs.select_related("aanbrengende_partner", "weging")
        .prefetch_related(personen())
        .order_by("-aangemaakt_op", "-pk")
    )


def personen() -> Prefetch:
    """The betrokkenen of each aanmelding on a list, as a plain list (``Aanmelding.personen()``)."""
    return Prefetch("betrokkenen", to_attr="betrokkenen_gelezen")


def own_aanmeldingen(user) -> QuerySet[Aanmelding]:
    """What this user submitted, newest first (Mijn werk of a partner; evaluated itself, compiled rule)."""
    return (
        conditions.visible_compiled(user, AANMELDING)
        .filter(ingediend_door=user)
        .select_related("weging", "casus")
        .prefetch_related("betrokkenen")
        .order_by("-aangemaakt_op")
    )


def aanmelding_person_ids(aanmelding: Aanmelding) -> list[int]:
    return [b.persoon_id for b in aanmelding.personen() if b.persoon_id]


def aanmelding_get_for_user(*, request: HttpRequest, pk, action=AccessAction.READ) -> Aanmelding:
    queryset = Aanmelding.objects.select_related(
        "aanbrengende_partner", "gemeente", "ingediend_door", "sessie__bord"
    ).prefetch_related("betrokkenen", "voorgestelde_partners")
    return gateway.get_for_user(request=request, key=AANMELDING, pk=pk, action=action, queryset=queryset)


def boards_for(user) -> QuerySet[TriageBord]:
    if not user.has_role(Role.PROCESREGISSEUR):
        return TriageBord.objects.none()
    return (
        TriageBord.objects.filter(Q(team__isnull=True) | Q(team__leden=user))
        .distinct()
        .select_related("team")
        .order_by("naam")
    )


def board_get_for_user(*, user, pk: int) -> TriageBord:
    bord = boards_for(user).filter(pk=pk).first()
    if bord is None:
        raise Http404
    return bord


def sessies_for(user) -> QuerySet[TriageSessie]:
    """Triage moments on the boards the user may use (newest first)."""
    return TriageSessie.objects.filter(bord__in=boards_for(user)).select_related("bord").order_by("-datum")


def boards_with_recent_sessies(user, per_board: int = 8) -> list[tuple[TriageBord, list[TriageSessie]]]:
    """Each board the user may use with its latest moments (one query per board: there are two boards)."""
    return [
        (bord, list(TriageSessie.objects.filter(bord=bord).order_by("-datum")[:per_board])) for bord in boards_for(user)
    ]


def _restricted_team(thema: str):
    return BeperktThema.objects.filter(thema=thema).values_list("team_id", flat=True).first()


def boards_fitting(*, user, aanmelding: Aanmelding) -> QuerySet[TriageBord]:
    """The boards that weigh this aanmelding: a restricted theme's team board (radicalisering → Weegploeg), else
    the boards open to every procesregisseur."""
    team_id = _restricted_team(aanmelding.thema)
    return boards_for(user).filter(team_id=team_id) if team_id else boards_for(user).filter(team__isnull=True)


def sessies_upcoming_for(*, user, aanmelding: Aanmelding) -> QuerySet[TriageSessie]:
    """Coming triage moments (today or later) of the boards that fit the aanmelding, the next one first."""
    return (
        TriageSessie.objects.filter(bord__in=boards_fitting(user=user, aanmelding=aanmelding))
        .filter(datum__gte=timezone.localdate())
        .select_related("bord")
        .order_by("datum", "bord__naam")
    )


def waiting_for_sessie(*, user, sessie: TriageSessie) -> QuerySet[Aanmelding]:
    """Submitted aanmeldingen without a triage moment whose theme belongs on this board."""
    restricted = BeperktThema.objects.values_list("thema", flat=True)
    qs = aanmelding_queryset_for(user).filter(status=AanmeldingStatus.INGEDIEND, sessie__isnull=True)
    if sessie.bord.team_id:
        qs = qs.filter(thema__in=restricted.filter(team_id=sessie.bord.team_id))
    else:
        qs = qs.exclude(thema__in=restricted)
    return qs.select_related("aanbrengende_partner").prefetch_related(personen()).order_by("-spoed", "ingediend_op")


def sessie_get_for_user(*, user, pk: int) -> TriageSessie:
    sessie = TriageSessie.objects.select_related("bord").filter(pk=pk, bord__in=boards_for(user)).first()
    if sessie is None:
        raise Http404
    return sessie


SESSIE_PAGE_SIZE = 25


def sessie_aanmeldingen(*, request: HttpRequest, sessie: TriageSessie, page_number=None) -> Page:
    """One page of the aanmeldingen on a triage moment (spoed first, then the oldest), with their persons; the
    persons shown are logged. A busy moment holds hundreds: a page never renders or logs them all at once."""
    queryset = (
        aanmelding_queryset_for(request.user)
        .filter(sessie=sessie)
        .select_related("aanbrengende_partner", "weging", "casus")
        .prefetch_related(personen())
        .order_by("-spoed", "ingediend_op", "pk")
    )
    page = Paginator(queryset, SESSIE_PAGE_SIZE).get_page(page_number)
    page.object_list = list(page.object_list)
    gateway.log_shown(
        request=request,
        object_type="triage.aanmelding",
        object_ids=[a.pk for a in page.object_list],
        person_ids=[pid for a in page.object_list for pid in aanmelding_person_ids(a)],
    )
    return page


def waiting_unplaced(user) -> QuerySet[Aanmelding]:
    """Submitted aanmeldingen without a triage moment yet (status ingediend), spoed first, then the oldest."""
    return waiting_for_triage(user).filter(sessie__isnull=True).prefetch_related(None).prefetch_related(personen())


def waiting_for_triage(user) -> QuerySet[Aanmelding]:
    """Evaluated itself (Mijn werk, the boards page and its count), so with the compiled access rule."""
    return (
        conditions.visible_compiled(user, AANMELDING)
        .filter(status__in=(AanmeldingStatus.INGEDIEND, AanmeldingStatus.GEAGENDEERD))
        .select_related("aanbrengende_partner", "sessie__bord")
        .prefetch_related("betrokkenen")
        .order_by("-spoed", "ingediend_op")
    )


def advies_queryset_for(user) -> QuerySet[Advies]:
    if not user.has_role(Role.PROCESREGISSEUR):
        return Advies.objects.none()
    # Advice on a restricted theme (e.g. mensenhandel) is for that theme's team only.
    return Advies.objects.exclude(thema__in=sorted(hidden_themes(user))).select_related(
        "organisatie", "geregistreerd_door"
    )
