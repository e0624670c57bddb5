"""Authorization matrix for the case core (cases/). Variants: toegang / geen-toegang / verlopen / beperkt-thema."""

from tests.authz import FORBIDDEN, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, Variants, expect, only
from zvh.accounts.choices import Role

from .world import build_case_world

R, S, K, FG = Role.PROCESREGISSEUR, Role.SECRETARIAAT, Role.KETENPARTNER, Role.FG


def a_grondslag(world) -> dict:
    from cases.models import Grondslag

    return {"pk": Grondslag.objects.order_by("pk").first().pk}


def build_world(world: dict) -> None:
    build_case_world(world)
    from tests.triage.world import build_triage_world

    build_triage_world(world)


def pk(name: str):
    return lambda w: {"pk": w[name].pk}


def case_pages(*roles: str, granted: dict, **extra) -> Variants:
    """A case page: outcome per role for a granted, a non-granted, an expired and a restricted case."""
    base = {role: FORBIDDEN for role in Role.values if role not in roles}
    return Variants(
        {
            "toegang": expect(**{**base, **granted}, kwargs=pk("casus_granted"), **extra),
            "geen-toegang": expect(
                **{**base, **{r: (NOT_FOUND if r == K else granted[r]) for r in granted}},
                kwargs=pk("casus_other"),
                **extra,
            ),
            "verlopen": expect(
                **{**base, **{r: (NOT_FOUND if r in (K, S) else granted[r]) for r in granted}},
                kwargs=pk("casus_expired"),
                **extra,
            ),
            "beperkt-thema": expect(
                **{**base, **{r: NOT_FOUND for r in granted}}, kwargs=pk("casus_restricted"), **extra
            ),
        }
    )


AFSPRAAK_DATA = {"status": "gereed"}
DEADLINE_DATA = {"deadline": "2030-01-01", "terug": "mijnwerk"}

MATRIX = {
    "cases:dashboard": only(R, S, K),
    "cases:casus_list": only(R, S, K),
    "cases:casus_detail": case_pages(R, S, K, granted={R: OK, S: OK, K: OK}),
    "cases:casus_transition": case_pages(R, granted={R: OK}),
    "cases:plan_edit": case_pages(R, granted={R: OK}),
    "cases:afspraak_create": case_pages(R, S, granted={R: OK, S: OK}),
    "cases:logboek_create": case_pages(R, K, granted={R: OK, K: OK}),
    "cases:grant_list": case_pages(R, granted={R: OK}),
    "cases:afspraak_status": Variants(
        {
            "eigen-organisatie": only(
                R, S, K, allowed=REDIRECT, kwargs=pk("afspraak"), method="post", data=lambda w: AFSPRAAK_DATA
            ),
            "geen-toegang": expect(
                default=FORBIDDEN,
                **{R: REDIRECT, S: REDIRECT, K: NOT_FOUND},
                kwargs=pk("afspraak_other"),
                method="post",
                data=lambda w: AFSPRAAK_DATA,
            ),
            "get": expect(default=NOT_ALLOWED, kwargs=pk("afspraak")),
        }
    ),
    "cases:afspraak_deadline": Variants(
        {
            "eigen-organisatie": only(
                R, S, allowed=REDIRECT, kwargs=pk("afspraak"), method="post", data=lambda w: DEADLINE_DATA
            ),
            "geen-toegang": expect(
                default=FORBIDDEN,
                **{R: REDIRECT, S: REDIRECT},
                kwargs=pk("afspraak_other"),
                method="post",
                data=lambda w: DEADLINE_DATA,
            ),
            "get": expect(default=NOT_ALLOWED, kwargs=pk("afspraak")),
        }
    ),
    "cases:grant_change": Variants(
        {
            "toegang": only(R, kwargs=pk("grant")),
            "beperkt-thema": only(R, allowed=NOT_FOUND, kwargs=lambda w: {"pk": w["casus_restricted"].grants.get().pk}),
        }
    ),
    "cases:grant_revoke": Variants(
        {
            "bevestigen": only(R, kwargs=pk("grant")),
            "intrekken": only(R, allowed=REDIRECT, kwargs=pk("grant_expired"), method="post"),
        }
    ),
    "cases:search": only(R, S, K),
    "cases:persoon_detail": Variants(
        {
            "toegang": only(R, S, K, kwargs=pk("p_granted")),
            "geen-toegang": expect(default=FORBIDDEN, **{R: OK, S: NOT_FOUND, K: NOT_FOUND}, kwargs=pk("p_expired")),
            "beperkt-thema": expect(
                default=FORBIDDEN, **{R: NOT_FOUND, S: NOT_FOUND, K: NOT_FOUND}, kwargs=pk("p_restricted")
            ),
        }
    ),
    "cases:overleg_list": only(R, S, K),
    "cases:overleg_create": only(R, S),
    "cases:overleg_detail": Variants(
        {
            "deelnemer": only(R, S, K, kwargs=pk("overleg")),
            "geen-deelnemer": expect(
                default=FORBIDDEN, **{R: OK, S: NOT_FOUND, K: NOT_FOUND}, kwargs=pk("overleg_other")
            ),
        }
    ),
    "cases:overleg_print": Variants(
        {
            "deelnemer": only(R, S, K, kwargs=pk("overleg")),
            "geen-deelnemer": expect(
                default=FORBIDDEN, **{R: OK, S: NOT_FOUND, K: NOT_FOUND}, kwargs=pk("overleg_other")
            ),
        }
    ),
    "cases:overleg_pdf": Variants(
        {
            "deelnemer": only(R, S, K, kwargs=pk("overleg")),
            "geen-deelnemer": expect(
                default=FORBIDDEN, **{R: OK, S: NOT_FOUND, K: NOT_FOUND}, kwargs=pk("overleg_other")
            ),
        }
    ),
    # The meeting as .ics: only for who may open the meeting (a partner not invited: 404).
    "cases:overleg_ics": Variants(
        {
            "deelnemer": only(R, S, K, kwargs=pk("overleg")),
            "geen-deelnemer": expect(
                default=FORBIDDEN, **{R: OK, S: NOT_FOUND, K: NOT_FOUND}, kwargs=pk("overleg_other")
            ),
        }
    ),
    "cases:agendapunt_add": only(
        R,
        allowed=REDIRECT,
        kwargs=pk("overleg"),
        method="post",
        data=lambda w: {"casusnummer": w["casus_expired"].nummer},
    ),
    "cases:deelnemer_add": only(R, S, kwargs=pk("overleg")),
    "cases:agendapunt_add_waiting": only(
        R,
        allowed=REDIRECT,
        kwargs=pk("overleg"),
        method="post",
        data=lambda w: {"casussen": [w["casus_expired"].pk]},
    ),
    "cases:casus_agenderen": case_pages(
        R, granted={R: REDIRECT}, method="post", data=lambda w: {"overleg": w["overleg"].pk}
    ),
    "cases:grondslag_list": only(FG),
    "cases:grondslag_create": only(FG),
    "cases:grondslag_edit": only(FG, kwargs=a_grondslag),
    "cases:agendapunt_verslag": only(R, S, kwargs=pk("punt_granted")),
    "cases:agendapunt_afspraak": only(
        R,
        S,
        allowed=REDIRECT,
        kwargs=pk("punt_granted"),
        method="post",
        data=lambda w: {
            "afspraak-actie": "Terugkoppeling",
            "afspraak-eigenaar_organisatie": w["reclassering"].pk,
            "afspraak-deadline": "2030-01-01",
        },
    ),
}
