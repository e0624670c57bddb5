"""Authorization matrix for the activities register: kept by secretariaat and procesregisseur, the manager reads
the totals only."""

from tests.authz import REDIRECT, only
from zvh.accounts.choices import Role

R, S, M = Role.PROCESREGISSEUR, Role.SECRETARIAAT, Role.MANAGER


def build_world(world: dict) -> None:
    from datetime import date

    from netwerk import services

    if "netwerk_activiteit" in world:
        return
    secretariaat = world["users"][S]
    activiteit = services.activiteit_create(
        by=secretariaat, datum=date(2022, 5, 19), soort="training", training="gegevensdeling", onderwerp="Privacy"
    )
    world["netwerk_activiteit"] = activiteit
    world["netwerk_deelname"] = services.deelname_add(
        activiteit=activiteit,
        by=secretariaat,
        organisatie=world["users"][Role.KETENPARTNER].organisation,
        maat="getraind",
        aantal=5,
    )


def _pk(name: str):
    def kwargs(world: dict) -> dict:
        build_world(world)
        return {"pk": world[name].pk}

    return kwargs


MATRIX = {
    "netwerk:activiteit_list": only(R, S),
    "netwerk:activiteit_create": only(R, S),
    "netwerk:activiteit_detail": only(R, S, kwargs=_pk("netwerk_activiteit")),
    "netwerk:activiteit_edit": only(R, S, kwargs=_pk("netwerk_activiteit")),
    # An empty post: the form errors are shown on the detail page (400 would also be a permitted answer; the
    # matrix needs one outcome, so a valid post is made).
    "netwerk:deelname_add": only(
        R,
        S,
        allowed=REDIRECT,
        kwargs=_pk("netwerk_activiteit"),
        method="post",
        data=lambda w: {"organisatie": w["users"][M].organisation.pk, "maat": "bereikt", "aantal": "3"},
    ),
    "netwerk:deelname_remove": only(R, S, allowed=REDIRECT, kwargs=_pk("netwerk_deelname"), method="post"),
    "netwerk:overzicht": only(R, S, M),
}
