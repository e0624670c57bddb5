"""The e-mail preference: every logged-in, verified user sets their own (nothing else to reach)."""

from tests.authz import REDIRECT, Variants, expect

MATRIX = {
    "notifications:preference": Variants(
        {
            "get": expect(default=200),
            "post": expect(default=REDIRECT, method="post", data=lambda w: {"frequency": "dagelijks"}),
        }
    ),
}
