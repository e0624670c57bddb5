"""Reads for the case core, always through the access gateway (cases/access.py) and scoped to the user."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import BigIntegerField, CharField, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models import Value as V
from django.db.models.functions import Cast, Coalesce, Concat, Lower
from django.http import HttpRequest
from django.utils import timezone

from zvh.access import conditions, gateway
from zvh.access.registry import NOTHING
from zvh.accounts.choices import Role
from zvh.persons.matching import name_matches, normalise_bsn
from zvh.persons.models import Persoon, normalise_name

from .access import CASUS, casus_queryset_for, is_partner_view
from .choices import OPEN_STATUSES, AfspraakStatus, CasusStatus, LogboekSoort, OverlegSoort, Relatie
from .models import (
    Afspraak,
    Agendapunt,
    Betrokkene,
    Casus,
    Casusoverleg,
    Grant,
    LogboekEntry,
    StatusWijziging,
)

LIST_RELATED = ("hoofdpersoon", "gemeente", "procesregisseur")


def casus_list(user) -> QuerySet[Casus]:
    """The case list (and the lists built on it) is always evaluated itself: the access rule compiled once per
    process serves it (a partner's rule cost ≈ 4 ms of Python to build and compile on every request)."""
    return conditions.visible_compiled(user, CASUS).select_related(*LIST_RELATED).order_by("-jaar", "-volgnummer")


def log_casus_page(request: HttpRequest, cases) -> None:
    gateway.log_shown(
        request=request,
        object_type=CASUS,
        object_ids=[c.pk for c in cases],
        person_ids=[c.hoofdpersoon_id for c in cases],
    )


@dataclass(frozen=True)
class TimelineItem:
    kind: str  # "status", "logboek" or "overleg"
    moment: datetime
    label: str
    text: str
    who: str = ""
    source: str = ""
    internal: bool = False
    overleg_id: int | None = None
    van: str = ""


@dataclass
class CasusDetail:
    casus: Casus
    betrokkenen: list[Betrokkene]
    afspraken: list[Afspraak]
    timeline: list[TimelineItem]
    grants: list[Grant]
    plan: object | None


def casus_detail(*, user, casus: Casus) -> CasusDetail:
    """Everything on the case page, in a fixed number of queries. Partners do not see internal logbook entries."""
    plan = getattr(casus, "plan", None)  # reverse one-to-one: None when there is no plan yet
    return CasusDetail(
        casus=casus,
        betrokkenen=sorted(
            casus.betrokkenen.all(),
            key=lambda b: (b.relatie != Relatie.HOOFDPERSOON, b.persoon.achternaam),
        ),
        afspraken=list(casus.afspraken.select_related("eigenaar_organisatie", "eigenaar_persoon")),
        timeline=casus_timeline(casus, partner_view=is_partner_view(user)),
        grants=list(casus.grants.select_related("user__organisation", "organisatie", "verleend_door"))
        if user.has_role(Role.PROCESREGISSEUR)
        else [],
        plan=plan,
    )


def _name(prefix: str):
    return Concat(F(f"{prefix}__first_name"), V(" "), F(f"{prefix}__last_name"), output_field=CharField())


def casus_timeline(casus: Casus, *, partner_view: bool) -> list[TimelineItem]:
    """Status changes, logbook lines and meetings, newest first, in one query (a UNION of the three)."""
    columns = ("k", "m", "a", "b", "t", "w", "s", "i", "o")
    none_id = Cast(V(None), output_field=BigIntegerField())  # typed NULL: PostgreSQL must match the UNION
    status = StatusWijziging.objects.filter(casus=casus).annotate(
        k=V("status"),
        m=F("op"),
        a=F("van"),
        b=F("naar"),
        t=F("reden"),
        w=_name("door"),
        s=V(""),
        i=V(False),
        o=none_id,
    )
    logboek = LogboekEntry.objects.filter(casus=casus)
    if partner_view:
        logboek = logboek.filter(alleen_procesregie=False)
    logboek = logboek.annotate(
        k=V("logboek"),
        m=F("datum"),
        a=F("soort"),
        b=V(""),
        t=F("tekst"),
        w=_name("auteur"),
        s=F("bron"),
        i=F("alleen_procesregie"),
        o=none_id,
    )
    overleg = Agendapunt.objects.filter(casus=casus).annotate(
        k=V("overleg"),
        m=F("overleg__datum_tijd"),
        a=F("overleg__soort"),
        b=V(""),
        t=F("besluiten"),
        w=V(""),
        s=V(""),
        i=V(False),
        o=F("overleg_id"),
    )
    rows = (
        status.order_by()
        .values_list(*columns)
        .union(logboek.order_by().values_list(*columns), overleg.order_by().values_list(*columns), all=True)
        .order_by("-m")
    )
    return [_timeline_item(*row) for row in rows]


def _timeline_item(kind, moment, a, b, text, who, source, internal, overleg_id) -> TimelineItem:
    if kind == "status":
        return TimelineItem(
            kind, moment, str(CasusStatus(b).label), text or "", who, van=a and str(CasusStatus(a).label)
        )
    if kind == "logboek":
        return TimelineItem(kind, moment, str(LogboekSoort(a).label), text, who, source, bool(internal))
    return TimelineItem(kind, moment, str(OverlegSoort(a).label), text, overleg_id=overleg_id)


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


# Word similarity from which a name counts as a match (0.4: tolerant of a typo or two; pg_trgm's default is 0.6).
SEARCH_MIN_SIMILARITY = 0.4


def persoon_search(*, user, naam: str = "", bsn: str = "", geboortedatum=None) -> list[Persoon]:
    """Tolerant name matching within the persons the user may see: nearest names by trigram word distance on
    PostgreSQL, substrings elsewhere.

    Matches are ranked first and the access layer's person condition is evaluated on the ranked rows only, window
    by window, until a page of visible persons is found or the matches run out: right for any number of
    candidates, and a user who may see few of the matches costs a few more windows, not a check of every match.
    """
    candidates = Persoon.objects.all()
    if bsn:
        candidates = candidates.filter(bsn=normalise_bsn(bsn))
    if geboortedatum:
        candidates = candidates.filter(geboortedatum=geboortedatum)
    if not naam:
        return _visible_in_order(user, candidates.order_by("achternaam", "voornamen", "pk"))
    term = normalise_name(naam)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramWordDistance

        # One word: nearest names from the GiST index on lower(zoeknaam). Several words: the matches from the GIN
        # index on zoeknaam, sorted (see migration cases/0007 for why the two indexes are split like this).
        column = Lower("zoeknaam") if " " not in term else F("zoeknaam")
        ranked = (
            candidates.annotate(naam=column)
            .filter(naam__trigram_word_similar=term)
            .annotate(distance=TrigramWordDistance(term, column))
            .order_by("distance")
        )
        one_word = " " not in term
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL pg_trgm.word_similarity_threshold = %s", [SEARCH_MIN_SIMILARITY])
            surname = None
            if one_word:
                exact = candidates.annotate(achternaam_laag=Lower("achternaam")).filter(achternaam_laag=term)
                rest = ranked.annotate(achternaam_laag=Lower("achternaam")).exclude(achternaam_laag=term)
                surname = (exact, rest)
            return _visible_in_order(user, ranked, surname=surname)
    return _visible_in_order(user, _fuzzy_fallback(candidates, term))


# The fallback reads names into Python: fine for the demo's register, bounded for anything bigger.
FALLBACK_SCAN_LIMIT = 20_000
FALLBACK_MATCH_LIMIT = 2_000  # below SQLite's limit on query parameters


def _fuzzy_fallback(candidates: QuerySet[Persoon], term: str) -> QuerySet[Persoon]:
    """Without pg_trgm (SQLite, the demo): exact substrings first, else names one edit away per word."""
    exact = candidates
    for word in term.split():
        exact = exact.filter(zoeknaam__contains=word)
    ordering = ("achternaam", "voornamen", "pk")
    if exact.exists():
        return exact.order_by(*ordering)
    names = candidates.order_by("pk").values_list("pk", "zoeknaam")[:FALLBACK_SCAN_LIMIT]
    ids = [pk for pk, zoeknaam in names.iterator() if name_matches(term, zoeknaam)][:FALLBACK_MATCH_LIMIT]
    return candidates.filter(pk__in=ids).order_by(*ordering)


SEARCH_WINDOW = 100
# Ranked ids read at once for the windows: ranking costs the same for 100 or 2,100 ids (the GIN matches are all
# read and sorted either way: 2,600 matches of "petra baker" at 250k, ≈ 36 ms), so the first three windows share one
# ranking instead of paying it again per window.
SEARCH_FETCH = SEARCH_WINDOW * (1 + 4 + 16)


def _visible_in_order(user, ranked: QuerySet, *, surname: tuple[QuerySet, QuerySet] | None = None) -> list[Persoon]:
    """The first ``SEARCH_LIMIT`` visible persons of ``ranked``, in its order.

    ``surname`` (one word on PostgreSQL: the persons whose surname is exactly the word, and ``ranked`` without
    them): those first, in id order from the ``persoon_achternaam_laag`` index with the person condition answered
    from indexes (word distance 0, so a valid nearest-first page whatever else matches; no person row is read for
    a match the user may not see). A full page answers at once; otherwise the ranking, a nearest-first scan of the
    GiST trigram index, fills the rest in one query: the index yields names nearest first and the person condition
    is asked of each in turn until the page is full, so a user who sees one match in ten reads ten names per
    result, never all matches; it passes over the exact surnames with a cheap check on the name instead of asking
    the person condition of each again (a partner who sees 1 in 10 of 300 Jansens). Bitmap scans are switched off
    for these queries: the planner misjudges how many names match (a hundred, where a common surname has
    thousands) and would otherwise read and sort every match first.

    Otherwise (several words: the GIN index, whose matches are sorted) the ranking runs alone, a window at a time;
    the access layer's person condition is then asked about that window's persons only. Windows grow ×4 and go on
    until the matches run out, so the answer is right for any number of candidates. The ranked ids are read
    ``SEARCH_FETCH`` at a time, one ranking for several windows. Only ids pass through Python, never a user's
    grants.

    A partner with few grants (``narrow_scope``) sees few persons: those drive the queries instead of the walk."""
    rule = conditions.person_condition_compiled(user)
    if rule is NOTHING:
        return []
    narrow = conditions.narrow_scope(user)
    if surname is not None:
        if not narrow:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_bitmapscan = off")
        exact, rest = surname
        ids = list(exact.filter(rule).order_by("pk").values_list("pk", flat=True)[:SEARCH_LIMIT])
        persons = Persoon.objects.in_bulk(ids)
        found = [persons[pk] for pk in ids]
        if len(found) < SEARCH_LIMIT:
            found += rest.filter(rule)[: SEARCH_LIMIT - len(found)]
        return found
    if narrow:
        return list(ranked.filter(rule)[:SEARCH_LIMIT])
    ids = ranked.values_list("pk", flat=True)
    ranking: list[int] = []  # the ranked ids read so far
    complete = False
    found: list[int] = []
    offset, window = 0, SEARCH_WINDOW
    while True:
        end = offset + window
        if len(ranking) < end and not complete:
            want = max(end, len(ranking) + SEARCH_FETCH)
            more = list(ids[len(ranking) : want])
            complete = len(ranking) + len(more) < want
            ranking += more
        batch = ranking[offset:end]
        visible = set(Persoon.objects.filter(rule, pk__in=batch).values_list("pk", flat=True)) if batch else set()
        found += [pk for pk in batch if pk in visible]
        if len(found) >= SEARCH_LIMIT or (complete and end >= len(ranking)):
            break
        offset, window = end, window * 4
    persons = Persoon.objects.in_bulk(found[:SEARCH_LIMIT])
    return [persons[pk] for pk in found[:SEARCH_LIMIT]]


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
        .order_by("deadline", "pk")
    )


def dashboard_regisseur(user) -> dict:
    mine = casus_queryset_for(user).filter(procesregisseur=user)
    # The work in hand: closed cases are history (the case list has them), and counting a career's worth of them on
    # every start page is what made Mijn werk slow at scale.
    active = [s for s in CasusStatus if s != CasusStatus.AFGESLOTEN]
    counts = dict(
        mine.filter(status__in=active).values_list("status").annotate(n=Count("*")).values_list("status", "n")
    )
    recent = list(mine.filter(status__in=OPEN_STATUSES).select_related(*LIST_RELATED).order_by("-gewijzigd_op")[:10])
    return {
        "status_counts": [(s, counts.get(s.value, 0)) for s in active],
        "cases": recent,
        "meetings": list(upcoming_meetings(user)[:5]),
    }


def dashboard_partner(user) -> dict:
    return {"cases": list(casus_list(user).filter(status__in=[*OPEN_STATUSES, CasusStatus.AFGESCHAALD])[:20])}


def mijnwerk_afspraken(user) -> QuerySet[Afspraak]:
    """Open afspraken that need attention, by deadline: a procesregisseur's in the cases they direct (due within
    two weeks or late), a partner's those of their organisation in cases they may see (due within two months)."""
    if user.has_role(Role.PROCESREGISSEUR):
        # The access condition on the joined case itself (no second scan of cases_casus in a subquery): one
        # relation less to plan, which took PostgreSQL longer than running the query.
        mine = conditions.condition(user, CASUS, prefix="casus__") & Q(casus__procesregisseur=user)
        return afspraken_due(Afspraak.objects.filter(mine))
    if user.has_role(Role.KETENPARTNER):
        visible = conditions.visible_pks_compiled(user, CASUS)
        return afspraken_due(
            Afspraak.objects.filter(casus__in=visible, eigenaar_organisatie=user.organisation_id), days=60
        )
    return Afspraak.objects.none()


def upcoming_meetings(user) -> QuerySet[Casusoverleg]:
    """Coming meetings, soonest first. Counted and tested per meeting (a subquery, EXISTS), not by joining every
    agenda item and grouping: PostgreSQL then walks the date index and stops at the page's limit."""
    qs = Casusoverleg.objects.filter(datum_tijd__gte=timezone.now() - timedelta(hours=12)).order_by("datum_tijd")
    if user.has_role(Role.PROCESREGISSEUR):
        return qs.annotate(n=_agenda_size())
    if user.has_role(Role.SECRETARIAAT):
        return qs.filter(ondersteuning=user).annotate(n=_agenda_size())
    if user.has_role(Role.KETENPARTNER):
        mine = Agendapunt.objects.filter(overleg=OuterRef("pk"), casus__in=conditions.visible_pks_compiled(user, CASUS))
        return qs.filter(Exists(mine))
    return qs.none()


def _agenda_size() -> Coalesce:
    punten = Agendapunt.objects.filter(overleg=OuterRef("pk")).order_by().values("overleg").annotate(c=Count("*"))
    return Coalesce(Subquery(punten.values("c")), 0)


# --- Meetings ---------------------------------------------------------------------------------------------------


def overleg_queryset_for(user) -> QuerySet[Casusoverleg]:
    """Meetings a user may open: ZVH staff all they run/support; partners those with an item they take part in."""
    qs = Casusoverleg.objects.select_related("voorzitter")
    if user.has_role(Role.PROCESREGISSEUR):
        return qs
    if user.has_role(Role.SECRETARIAAT):
        return qs.filter(ondersteuning=user)
    if user.has_role(Role.KETENPARTNER):
        return qs.filter(agendapunten__casus__in=conditions.visible_pks_compiled(user, CASUS)).distinct()
    return qs.none()


@dataclass
class AgendaItem:
    nummer: int
    punt: Agendapunt
    toegang: bool


def overleg_agenda(*, request: HttpRequest, overleg: Casusoverleg, action: str = "read") -> list[AgendaItem]:
    """All items, but only those of cases the user takes part in carry content; others only show they exist."""
    # Whether the user takes part in each item's case: asked in the same query as the items.
    visible = casus_queryset_for(request.user).filter(pk=OuterRef("casus_id"))
    punten = list(
        overleg.agendapunten.annotate(toegang=Exists(visible))
        .select_related("casus__hoofdpersoon", "casus__procesregisseur")
        .prefetch_related(
            Prefetch(
                "afspraken",
                queryset=Afspraak.objects.select_related("eigenaar_organisatie", "eigenaar_persoon"),
            ),
            Prefetch("casus__grants", queryset=Grant.objects.select_related("organisatie", "user__organisation")),
        )
    )
    items = [AgendaItem(nummer=i, punt=p, toegang=p.toegang) for i, p in enumerate(punten, start=1)]
    shown = [item.punt.casus for item in items if item.toegang]
    gateway.log_shown(
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


def overleggen_coming(user) -> QuerySet[Casusoverleg]:
    """Coming casusoverleggen the user may plan cases on, the next one first (BIJ-overleggen carry meldingen, not
    cases: they are left out)."""
    return overleg_queryset_for(user).filter(datum_tijd__gte=timezone.now(), bij__isnull=True).order_by("datum_tijd")


def cases_waiting_for_overleg(*, user, overleg: Casusoverleg | None = None) -> QuerySet[Casus]:
    """Cases the user may see that wait for their first casusoverleg (status aangemaakt), oldest first."""
    qs = casus_queryset_for(user).filter(status=CasusStatus.AANGEMAAKT)
    if overleg is not None:
        qs = qs.exclude(agendapunten__overleg=overleg)
    return qs.select_related("hoofdpersoon").order_by("aangemaakt_op")


def grondslag_choices() -> list[tuple[str, str]]:
    """The grondslagen a melder can choose (the FG's list, those in use)."""
    from .models import Grondslag

    return list(Grondslag.objects.filter(actief=True).values_list("code", "naam"))
