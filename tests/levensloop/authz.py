"""Authorization matrix for levensloop/. Variants of the dossier page: toegang (Politie has a grant on the linked
case) / geen-toegang (no grant: 404 for Politie, as if the dossier did not exist)."""

from tests.authz import FORBIDDEN, NOT_FOUND, OK, Variants, expect, only
from zvh.accounts.choices import Role

from .world import build_levensloop_world

R, K, M = Role.PROCESREGISSEUR, Role.KETENPARTNER, Role.MANAGER


def build_world(world: dict) -> None:
    build_levensloop_world(world)


def pk(name: str):
    return lambda w: {"pk": w[name].pk}


MATRIX = {
    "levensloop:dossier_list": only(R, K),
    "levensloop:monitor": only(R, M),
    "levensloop:selectie_aanmelding": only(R, kwargs=pk("ll_aanmelding")),
    "levensloop:selectie_casus": only(R, kwargs=pk("ll_casus_nieuw")),
    "levensloop:dossier_detail": Variants(
        {
            "toegang": only(R, K, kwargs=pk("ll_dossier_granted")),
            "geen-toegang": expect(default=FORBIDDEN, **{R: OK, K: NOT_FOUND}, kwargs=pk("ll_dossier_other")),
        }
    ),
    "levensloop:besluit": only(R, kwargs=pk("ll_dossier_aangemeld")),
    "levensloop:review_create": only(R, kwargs=pk("ll_dossier_granted")),
    "levensloop:uitstroom": only(R, kwargs=pk("ll_dossier_granted")),
}
