"""Authorization matrix for BIJ. The world's procesregisseur is in the BIJ team; its ketenpartner (Politie) is
invited to one melding only and is not an OOV-adviseur (the OOV-adviseur's pages are tested in test_views.py)."""

from datetime import timedelta

from django.utils import timezone

from bij import services
from bij.choices import TEAM_BIJ
from tests.authz import FORBIDDEN, NOT_FOUND, OK, REDIRECT, Variants, expect, only
from zvh.accounts.choices import Role

from .world import gemeente, join, melding

R, K, FG = Role.PROCESREGISSEUR, Role.KETENPARTNER, Role.FG


def pk(name: str):
    return lambda w: {"pk": w[name].pk}


def build_world(world: dict) -> None:
    regisseur = join(world["users"][R], TEAM_BIJ)
    politie = world["users"][K]
    invited = melding(regisseur, persoon={"voornamen": "Hendrik", "achternaam": "Visser"}, days=10)
    other = melding(regisseur, persoon={"voornamen": "Gerrit", "achternaam": "Zwart"}, days=40)
    services.uitnodiging_create(melding=invited, by=regisseur, organisatie=politie.organisation, doel="Risicotaxatie")
    services.melding_transition(melding=invited, name="onderzoeken", by=regisseur)
    world["bij_invited"], world["bij_other"] = invited, other
    world["bij_advies"] = services.advies_uitbrengen(
        melding=invited, by=regisseur, tekst="Informeren.", datum=timezone.localdate(), gemeente=gemeente()
    )
    at = timezone.now() + timedelta(days=7)
    world["bij_overleg"] = services.bij_overleg_create(by=regisseur, datum_tijd=at, locatie="ZVH", voorzitter=regisseur)
    world["bij_overleg_other"] = services.bij_overleg_create(
        by=regisseur, datum_tijd=at + timedelta(days=14), locatie="ZVH", voorzitter=regisseur
    )
    services.bij_agendapunt_add(bij_overleg=world["bij_overleg"], melding=invited, by=regisseur)
    world["bij_punt"] = services.bij_agendapunt_add(bij_overleg=world["bij_overleg_other"], melding=other, by=regisseur)


def invited_or_not(name_in: str, name_out: str) -> Variants:
    return Variants(
        {
            "uitgenodigd": only(R, K, kwargs=pk(name_in)),
            "niet-uitgenodigd": expect(default=FORBIDDEN, **{R: OK, K: NOT_FOUND}, kwargs=pk(name_out)),
        }
    )


MATRIX = {
    "bij:melding_list": only(R, K),
    "bij:melding_create": only(R),
    "bij:melding_detail": invited_or_not("bij_invited", "bij_other"),
    "bij:melding_edit": only(R, kwargs=pk("bij_other")),
    "bij:melding_transition": only(
        R, allowed=REDIRECT, kwargs=pk("bij_other"), method="post", data=lambda w: {"stap": "onbekend"}
    ),
    "bij:melding_uitnodigen": only(R, allowed=REDIRECT, kwargs=pk("bij_other"), method="post"),
    "bij:melding_advies": only(R, kwargs=pk("bij_other")),
    "bij:overleg_list": only(R, K),
    "bij:overleg_create": only(R, method="post"),
    "bij:overleg_detail": invited_or_not("bij_overleg", "bij_overleg_other"),
    "bij:agendapunt_add": only(R, allowed=REDIRECT, kwargs=pk("bij_overleg"), method="post"),
    "bij:agendapunt_verslag": only(R, kwargs=pk("bij_punt")),
    # Only an OOV-adviseur (a ketenpartner of a gemeente in team oov-adviseur); Politie is not one.
    "bij:advies_list": expect(default=FORBIDDEN),
    "bij:advies_detail": expect(default=FORBIDDEN, **{K: NOT_FOUND}, kwargs=pk("bij_advies")),
    "bij:register_list": only(R, FG),
    "bij:register_create": only(R),
}
