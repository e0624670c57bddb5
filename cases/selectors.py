"""Reads for the case core, always through the access gateway (cases/access.py) and scoped to the user."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone

from zvh.accounts.choices import Role

from .access import casus_queryset_for, hidden_themes, is_partner_view, log_list, persoon_queryset_for
from .choices import OPEN_STATUSES, AfspraakStatus, CasusStatus, Relatie
from .models import (
    Afspraak,
    Agendapunt,
    Betrokkene,
    Casus,
    Casusoverleg,
    Grant,
    LogboekEntry,
    Persoon,
    StatusWijziging,
    normalise_name,
)

LIST_RELATED = ("hoofdpersoon", "gemeente", "procesregisseur")


def casus_list(user) -> QuerySet[Casus]:
    return casus_queryset_for(user).select_related(*LIST_RELATED).order_by("-jaar", "-volgnummer")


def log_casus_page(request: HttpRequest, cases) -> None:
    log_list(
        request=request,
        object_type="cases.casus",
        object_ids=[c.pk for c in cases],
        person_ids=[c.hoofdpersoon_id for c in cases],
    )


@dataclass
class CasusDetail:
    casus: Casus
    betrokkenen: list[Betrokkene]
    afspraken: list[Afspraak]
    logboek: list[LogboekEntry]
    statuswijzigingen: list[StatusWijziging]
    agendapunten: list[Agendapunt]
    grants: list[Grant]
    plan: object | None

    @property
    def timeline(self) -> list[tuple]:
        """Status changes, logbook entries and meetings in one chronological list (newest first)."""
        items = [("status", s.op, s) for s in self.statuswijzigingen]
        items += [("logboek", e.datum, e) for e in self.logboek]
        items += [("overleg", a.overleg.datum_tijd, a) for a in self.agendapunten]
        return sorted(items, key=lambda item: item[1], reverse=True)


def casus_detail(*, user, casus: Casus) -> CasusDetail:
    """Everything on the case page, in a fixed number of queries. Partners do not see internal logbook entries."""
    logboek = casus.logboek.select_related("auteur")
    if is_partner_view(user):
        logboek = logboek.filter(alleen_procesregie=False)
    plan = getattr(casus, "plan", None)  # reverse one-to-one: None when there is no plan yet
    return CasusDetail(
        casus=casus,
        betrokkenen=sorted(
            casus.betrokkenen.all(),
            key=lambda b: (b.relatie != Relatie.HOOFDPERSOON, b.persoon.achternaam),
        ),
        afspraken=list(casus.afspraken.select_related("eigenaar_organisatie", "eigenaar_persoon")),
        logboek=list(logboek),
        statuswijzigingen=list(casus.statuswijzigingen.select_related("door")),
        agendapunten=list(casus.agendapunten.select_related("overleg")),
        grants=list(casus.grants.select_related("user__organisation", "organisatie", "verleend_door"))
        if user.has_role(Role.PROCESREGISSEUR)
        else [],
        plan=plan,
    )


def casus_for_detail(user) -> QuerySet[Casus]:
    return (
        casus_queryset_for(user)
        # Every join costs planning time on each request: only what every case page shows. The casusregisseur
        # (often empty) loads on its own when set.
        .select_related("hoofdpersoon", "aanbrengende_partner", "procesregisseur", "gemeente", "plan")
        .prefetch_related(
            "plan__doelen", Prefetch("betrokkenen", queryset=Betrokkene.objects.select_related("persoon"))
        )
    )


def grant_is_active(grant: Grant, now=None) -> bool:
    now = now or timezone.now()
    return (
        grant.ingetrokken_op is None
        and grant.geldig_van <= now
        and (grant.geldig_tot is None or grant.geldig_tot > now)
    )


# --- Search ---------------------------------------------------------------------------------------------------

SEARCH_LIMIT = 25


def persoon_search(*, user, naam: str = "", bsn: str = "", geboortedatum=None) -> list[Persoon]:
    """Tolerant name matching (trigram similarity on PostgreSQL, normalised substring elsewhere)."""
    qs = persoon_queryset_for(user)
    if bsn:
        qs = qs.filter(bsn=bsn.strip())
    if geboortedatum:
        qs = qs.filter(geboortedatum=geboortedatum)
    if naam:
        term = normalise_name(naam)
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import TrigramWordSimilarity

            qs = (
                qs.annotate(score=TrigramWordSimilarity(term, "zoeknaam"))
                .filter(Q(zoeknaam__trigram_word_similar=term) | Q(zoeknaam__contains=term))
                .order_by("-score", "achternaam")
            )
        else:
            words = term.split()
            for word in words:
                qs = qs.filter(zoeknaam__contains=word)
            qs = qs.order_by("achternaam", "voornamen")
    else:
        qs = qs.order_by("achternaam", "voornamen")
    return list(qs[:SEARCH_LIMIT])


def casus_by_number(*, user, nummer: str) -> list[Casus]:
    return list(casus_list(user).filter(nummer=nummer.strip().upper())[:1])


def persoon_cases(*, user, persoon: Persoon) -> list[Casus]:
    return list(casus_list(user).filter(betrokkenen__persoon=persoon).order_by("-aangemaakt_op"))


# --- Dashboard --------------------------------------------------------------------------------------------------


def afspraken_due(qs: QuerySet[Afspraak], days: int = 14) -> QuerySet[Afspraak]:
    horizon = timezone.localdate() + timedelta(days=days)
    return (
        qs.filter(status=AfspraakStatus.OPEN, deadline__lte=horizon)
        .select_related("casus__hoofdpersoon", "eigenaar_organisatie", "eigenaar_persoon")
        .order_by("deadline")
    )


def dashboard_regisseur(user) -> dict:
    mine = casus_queryset_for(user).filter(procesregisseur=user)
    counts = dict(mine.values_list("status").annotate(n=Count("pk")).values_list("status", "n"))
    recent = list(mine.filter(status__in=OPEN_STATUSES).select_related(*LIST_RELATED).order_by("-gewijzigd_op")[:10])
    afspraken = list(afspraken_due(Afspraak.objects.filter(casus__in=mine.values("pk")))[:15])
    from triage.selectors import waiting_for_triage

    return {
        "status_counts": [(s, counts.get(s.value, 0)) for s in CasusStatus],
        "cases": recent,
        "afspraken": afspraken,
        "meetings": list(upcoming_meetings(user)[:5]),
        "waiting": list(waiting_for_triage(user)[:10]),
    }


def dashboard_partner(user) -> dict:
    from triage.selectors import aanmelding_queryset_for

    cases = list(casus_list(user).filter(status__in=[*OPEN_STATUSES, CasusStatus.AFGESCHAALD])[:20])
    visible = casus_queryset_for(user).values("pk")
    afspraken = list(
        afspraken_due(Afspraak.objects.filter(casus__in=visible, eigenaar_organisatie=user.organisation_id), days=60)[
            :20
        ]
    )
    aanmeldingen = list(
        aanmelding_queryset_for(user)
        .filter(ingediend_door=user)
        .select_related("weging", "casus")
        .prefetch_related("betrokkenen")
        .order_by("-aangemaakt_op")[:10]
    )
    return {"cases": cases, "afspraken": afspraken, "aanmeldingen": aanmeldingen}


def upcoming_meetings(user) -> QuerySet[Casusoverleg]:
    qs = Casusoverleg.objects.filter(datum_tijd__gte=timezone.now() - timedelta(hours=12)).order_by("datum_tijd")
    if user.has_role(Role.PROCESREGISSEUR):
        return qs.annotate(n=Count("agendapunten"))
    if user.has_role(Role.SECRETARIAAT):
        return qs.filter(ondersteuning=user).annotate(n=Count("agendapunten"))
    if user.has_role(Role.KETENPARTNER):
        return qs.filter(agendapunten__casus__in=casus_queryset_for(user).values("pk")).distinct()
    return qs.none()


# --- Meetings ---------------------------------------------------------------------------------------------------


def overleg_queryset_for(user) -> QuerySet[Casusoverleg]:
    """Meetings a user may open: ZVH staff all they run/support; partners those with an item they take part in."""
    qs = Casusoverleg.objects.select_related("voorzitter")
    if user.has_role(Role.PROCESREGISSEUR):
        return qs
    if user.has_role(Role.SECRETARIAAT):
        return qs.filter(ondersteuning=user)
    if user.has_role(Role.KETENPARTNER):
        return qs.filter(agendapunten__casus__in=casus_queryset_for(user).values("pk")).distinct()
    return qs.none()


@dataclass
class AgendaItem:
    nummer: int
    punt: Agendapunt
    toegang: bool


def overleg_agenda(*, request: HttpRequest, overleg: Casusoverleg, action: str = "read") -> list[AgendaItem]:
    """All items, but only those of cases the user takes part in carry content; others only show they exist."""
    visible = set(casus_queryset_for(request.user).values_list("pk", flat=True).filter(agendapunten__overleg=overleg))
    hidden = hidden_themes(request.user)
    punten = list(
        overleg.agendapunten.select_related("casus__hoofdpersoon", "casus__procesregisseur").prefetch_related(
            Prefetch(
                "afspraken",
                queryset=Afspraak.objects.select_related("eigenaar_organisatie", "eigenaar_persoon"),
            ),
            Prefetch("casus__grants", queryset=Grant.objects.select_related("organisatie", "user__organisation")),
        )
    )
    items = [
        AgendaItem(nummer=i, punt=p, toegang=p.casus_id in visible and p.casus.thema not in hidden)
        for i, p in enumerate(punten, start=1)
    ]
    shown = [item.punt.casus for item in items if item.toegang]
    log_list(
        request=request,
        action=action,
        object_type="cases.casusoverleg",
        object_ids=[overleg.pk, *[c.pk for c in shown]],
        person_ids=[c.hoofdpersoon_id for c in shown],
    )
    return items


def invitees(punt: Agendapunt, now=None) -> list[str]:
    """Who is invited for an agenda item: the partners with an active grant on its case."""
    return sorted({g.ontvanger for g in punt.casus.grants.all() if grant_is_active(g, now)})
