"""Authorization matrix for mensenhandel (mensenhandel/). The matrix's procesregisseur and ketenpartner (Politie)
are members of the mensenhandel team; a non-member regisseur is tested in test_access.py.
Variants: toegang (Politie has a grant on the traject's case) / geen-toegang (no grant)."""

from tests.authz import FORBIDDEN, NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, Variants, expect, only
from zvh.accounts.choices import Role

from .world import build_mensenhandel_world

R, K = Role.PROCESREGISSEUR, Role.KETENPARTNER


def build_world(world: dict) -> None:
    build_mensenhandel_world(world)


def pk(name: str):
    return lambda w: {"pk": w[name].pk}


def team_post(name: str, data, allowed=REDIRECT) -> Variants:
    return Variants(
        {
            "post": only(R, allowed=allowed, kwargs=pk(name), method="post", data=data),
            "get": expect(default=NOT_ALLOWED, kwargs=pk(name)),
        }
    )


MATRIX = {
    "mensenhandel:signaal_list": only(R),
    "mensenhandel:signaal_create": only(R),
    "mensenhandel:signaal_detail": only(R, kwargs=pk("signaal")),
    "mensenhandel:signaal_decide": team_post(
        "signaal_open", lambda w: {"uitkomst": "doorverwezen", "reden": "Naar de GGD doorverwezen."}
    ),
    "mensenhandel:traject_start": Variants(
        {
            "open-signaal": only(R, kwargs=pk("signaal_open")),
            "al-gestart": only(R, allowed=REDIRECT, kwargs=pk("signaal")),
        }
    ),
    "mensenhandel:traject_list": only(R, K),
    "mensenhandel:traject_detail": Variants(
        {
            "toegang": only(R, K, kwargs=pk("mh_traject_granted")),
            "geen-toegang": expect(default=FORBIDDEN, **{R: OK, K: NOT_FOUND}, kwargs=pk("mh_traject_other")),
        }
    ),
    "mensenhandel:traject_edit": only(R, kwargs=pk("mh_traject_granted")),
    "mensenhandel:opvangadres_edit": only(R, kwargs=pk("mh_traject_granted")),
    "mensenhandel:opvangadres_reveal": team_post(
        "mh_traject_granted", lambda w: {"reden": "Vervoer naar de opvang regelen."}, allowed=OK
    ),
    "mensenhandel:overleg_add": team_post("mh_traject_granted", lambda w: {"overleg": w["mh_overleg"].pk}),
    "mensenhandel:procedure_edit": only(R, kwargs=pk("procedure")),
    "mensenhandel:advies_list": only(R),
}
