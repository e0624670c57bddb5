"""Authorization matrix for re-integratie and ISD. The matrix's ketenpartner works at Politie: a partner that
sees a traject through a toegang or as acting organisation with consent, never an ISD-traject, and never writes
(writes are for the procesregisseur and the coördinator re-integratie, see test_views.py for the coördinator)."""

from tests.authz import FORBIDDEN, NOT_FOUND, OK, REDIRECT, Variants, expect, only
from zvh.accounts.choices import Role

from .world import build_reintegratie_world

R, K = Role.PROCESREGISSEUR, Role.KETENPARTNER
BAD_REQUEST = 400


def build_world(world: dict) -> None:
    build_reintegratie_world(world)


def pk(name: str):
    return lambda w: {"pk": w[name].pk}


def voorwaarde(traject: str, name: str):
    return lambda w: {"pk": w[traject].pk, "vpk": w[name].pk}


def hidden_from_partner(**extra):
    return expect(default=FORBIDDEN, **{R: OK, K: NOT_FOUND}, **extra)


MATRIX = {
    "reintegration:traject_list": only(R, K),
    "reintegration:traject_create": only(R),
    "reintegration:traject_detail": Variants(
        {
            "toegang": only(R, K, kwargs=pk("traject_granted")),
            "uitvoerder-met-toestemming": only(R, K, kwargs=pk("traject_acting")),
            "toestemming-ingetrokken": hidden_from_partner(kwargs=pk("traject_withdrawn")),
            "geen-toegang": hidden_from_partner(kwargs=pk("traject_other")),
        }
    ),
    "reintegration:traject_transition": only(R, kwargs=pk("traject_granted")),
    "reintegration:toegang_create": only(R, kwargs=pk("traject_granted")),
    "reintegration:traject_dates": only(R, kwargs=pk("traject_granted")),
    "reintegration:toegang_end": only(
        R, allowed=REDIRECT, method="post", kwargs=lambda w: {"pk": w["traject_granted"].pk, "tpk": w["toegang"].pk}
    ),
    "reintegration:voorwaarde_edit": Variants(
        {
            "met-toestemming": only(R, kwargs=voorwaarde("traject_acting", "voorwaarde_acting")),
            "zonder-toestemming": only(R, kwargs=voorwaarde("traject_acting", "voorwaarde_hidden")),
            "ander-traject": only(R, allowed=NOT_FOUND, kwargs=voorwaarde("traject_acting", "voorwaarde_other")),
        }
    ),
    "reintegration:voorwaarde_consent": only(R, kwargs=voorwaarde("traject_acting", "voorwaarde_acting")),
    "reintegration:import_upload": only(R),
    "reintegration:import_confirm": only(R, allowed=BAD_REQUEST, method="post"),
    "reintegration:isd_list": only(R, K),
    "reintegration:isd_create": only(R),
    "reintegration:isd_detail": hidden_from_partner(kwargs=pk("isd")),
    "reintegration:isd_close": only(R, allowed=REDIRECT, method="post", kwargs=pk("isd")),
    "reintegration:isd_fase_edit": only(R, kwargs=lambda w: {"pk": w["isd"].pk, "fpk": w["isd_fase"].pk}),
}
