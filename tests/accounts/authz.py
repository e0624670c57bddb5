"""Authorization matrix for accounts: the one-time password link (no login needed) and the FG's role changes."""

from tests.authz import OK, SETUP, expect, only
from zvh.accounts.choices import Role

MATRIX = {
    # An invalid link renders a Dutch "ongeldig" page; a verified user may open it too (it logs nobody in).
    "password_reset_confirm": expect(
        anon=OK, unverified=SETUP, default=OK, kwargs=lambda w: {"uidb64": "MQ", "token": "ongeldig-token"}
    ),
    "password_set_done": expect(anon=OK, unverified=SETUP, default=OK),
    "role_change_list": only(Role.FG),
}
