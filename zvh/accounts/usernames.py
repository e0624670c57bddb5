"""One normalisation of a typed username, used by the login form and by every lockout lookup.

A username reaches the application in many spellings: ``" kr8"``, ``"kr8 "``, ``"\\tkr8"``, full-width ``"ｋｒ８"``,
``"KR8"``. The login form and the lockout must agree on which account is meant, or guessing never stops.
"""

import unicodedata

# Control (Cc) and format (Cf: zero-width space, joiners, direction marks) characters carry no meaning in a name.
_INVISIBLE = {"Cc", "Cf"}


def normalize_username(value: str | None) -> str:
    """The spelling the login form uses: Unicode NFKC, invisible characters removed, whitespace stripped."""
    value = unicodedata.normalize("NFKC", value or "")
    return "".join(c for c in value if unicodedata.category(c) not in _INVISIBLE).strip()


# axes stores the key in a column of 255 characters; no account name is longer than 150.
LOCKOUT_KEY_MAX_LENGTH = 255


def lockout_key(value: str | None) -> str | None:
    """The key failures and locks are counted under: the normalised name, case-folded (``KR8`` is ``kr8``), cut
    to what axes can store (a longer name belongs to no account, so the cut merges nothing that matters)."""
    normalised = normalize_username(value)
    return normalised.casefold()[:LOCKOUT_KEY_MAX_LENGTH] if normalised else None
