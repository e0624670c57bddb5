"""Authorization matrix for the FG's screens (the world comes from tests/cases/authz.py)."""

from tests.authz import only
from zvh.accounts.choices import Role

F = Role.FG

MATRIX = {
    "privacy:person_lookup": only(F),
    "privacy:person_log": only(F, kwargs=lambda w: {"pk": w["p_granted"].pk}),
    "privacy:user_list": only(F),
    "privacy:user_log": only(F, kwargs=lambda w: {"pk": w["users"]["ketenpartner"].pk}),
}
