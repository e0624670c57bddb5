"""Authorization matrix for aanmeldingen, triage and advies op verzoek (the world comes from tests/cases/authz.py)."""

from tests.authz import FORBIDDEN, NOT_FOUND, OK, REDIRECT, Variants, expect, only
from zvh.accounts.choices import Role

R, K = Role.PROCESREGISSEUR, Role.KETENPARTNER


def pk(name: str):
    return lambda w: {"pk": w[name].pk}


MATRIX = {
    "triage:aanmelding_list": only(R, K),
    "triage:aanmelding_create": only(R, K),
    "triage:aanmelding_detail": Variants(
        {
            "eigen-organisatie": only(R, K, kwargs=pk("aanmelding_own")),
            "andere-organisatie": expect(default=FORBIDDEN, **{R: OK, K: NOT_FOUND}, kwargs=pk("aanmelding_other")),
            "concept-van-ander": expect(default=FORBIDDEN, **{R: NOT_FOUND, K: OK}, kwargs=pk("aanmelding_draft")),
        }
    ),
    "triage:aanmelding_edit": Variants(
        {
            "eigen-concept": expect(default=FORBIDDEN, **{R: NOT_FOUND, K: OK}, kwargs=pk("aanmelding_draft")),
            "ingediend": only(R, K, allowed=REDIRECT, kwargs=pk("aanmelding_own")),
            "andere-organisatie": expect(
                default=FORBIDDEN, **{R: REDIRECT, K: NOT_FOUND}, kwargs=pk("aanmelding_other")
            ),
        }
    ),
    "triage:aanmelding_place": only(
        R, allowed=REDIRECT, kwargs=pk("aanmelding_own"), method="post", data=lambda w: {"sessie": w["sessie"].pk}
    ),
    "triage:weging_create": only(R, kwargs=pk("aanmelding_placed")),
    "triage:aanvulling_request": Variants(
        {
            "ingediend": only(R, kwargs=pk("aanmelding_own")),
            "andere-organisatie": expect(default=FORBIDDEN, **{R: OK}, kwargs=pk("aanmelding_other")),
        }
    ),
    "triage:aanvulling_answer": Variants(
        {
            "vraag-open": expect(default=FORBIDDEN, **{R: REDIRECT, K: OK}, kwargs=pk("aanmelding_aanvulling")),
            "andere-organisatie": expect(
                default=FORBIDDEN, **{R: REDIRECT, K: NOT_FOUND}, kwargs=pk("aanmelding_other")
            ),
        }
    ),
    "triage:sessie_add": Variants(
        {
            "open-bord": only(
                R,
                allowed=REDIRECT,
                kwargs=pk("sessie"),
                method="post",
                data=lambda w: {"aanmeldingen": [w["aanmelding_own"].pk]},
            ),
            "weegploeg-geen-lid": only(
                R,
                allowed=NOT_FOUND,
                kwargs=pk("sessie_weegploeg"),
                method="post",
                data=lambda w: {"aanmeldingen": [w["aanmelding_own"].pk]},
            ),
        }
    ),
    "triage:board_list": only(R),
    "triage:sessie_create": Variants(
        {
            "open-bord": only(
                R, allowed=REDIRECT, kwargs=pk("bord"), method="post", data=lambda w: {"datum": "2026-12-08"}
            ),
            "weegploeg-geen-lid": only(
                R, allowed=NOT_FOUND, kwargs=pk("bord_weegploeg"), method="post", data=lambda w: {"datum": "2026-12-08"}
            ),
        }
    ),
    "triage:sessie_detail": Variants(
        {
            "open-bord": only(R, kwargs=pk("sessie")),
            "weegploeg-geen-lid": only(R, allowed=NOT_FOUND, kwargs=pk("sessie_weegploeg")),
        }
    ),
    "triage:advies_list": only(R),
}
