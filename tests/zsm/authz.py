"""Authorization matrix for ZSM contextinformatie (zsm/). The matrix's ketenpartner (Politie) is in the ZSM team;
a partner outside the team is tested in test_access.py. Variants: eigen (a verzoek of Politie) / ander (of the OM)."""

from tests.authz import FORBIDDEN, NOT_ALLOWED, NOT_FOUND, OK, Variants, expect, only
from zvh.accounts.choices import Role

from .world import build_zsm_world, later_today

R, K = Role.PROCESREGISSEUR, Role.KETENPARTNER


def build_world(world: dict) -> None:
    build_zsm_world(world)


def pk(name: str):
    return lambda w: {"pk": w[name].pk}


def _verzoek_data(w) -> dict:
    return {
        "namens": w["zsm_ander"].partner_organisatie_id,
        "partner": "om",
        "voornamen": "Anna",
        "achternaam": "Matrix",
        "leeftijd": "meerderjarig",
        "deadline": later_today().strftime("%H:%M"),
    }


MATRIX = {
    "zsm:verzoek_list": only(R, K),
    "zsm:verzoek_create": Variants(
        {
            "get": only(R, K),
            # Politie's partner posts without "namens" (its own organisation); the regisseur must choose one.
            "post": only(R, K, allowed=OK, method="post", data=lambda w: {}),
        }
    ),
    "zsm:verzoek_detail": Variants(
        {
            "eigen": only(R, K, kwargs=pk("zsm_eigen")),
            "ander": expect(default=FORBIDDEN, **{R: OK, K: NOT_FOUND}, kwargs=pk("zsm_ander")),
        }
    ),
    "zsm:verzoek_answer": Variants(
        {
            "post": expect(
                default=FORBIDDEN,
                **{R: OK},
                kwargs=pk("zsm_eigen"),
                method="post",
                data=lambda w: {"bekend": "ja", "context": ""},
            ),
            "get": expect(default=NOT_ALLOWED, kwargs=pk("zsm_eigen")),
        }
    ),
}
