"""Typo-tolerant name matching without the database's help: the SQLite fallback of the person search.

PostgreSQL ranks names with pg_trgm (``cases.selectors.persoon_search``); on SQLite (the demo) every word typed
must be a word of the name, a prefix of one, or one edit away from one (a letter missing, added, changed, or two
neighbours swapped: "Vris", "Vires" → "Vries"). Short words ("de", "van") must match exactly or as a prefix.
"""

import re

# Below this length a word must match exactly or as a prefix: one edit in "de" matches half the register.
FUZZY_MIN_LENGTH = 4

BSN_SEPARATORS = re.compile(r"[\s.\-]")


def normalise_bsn(value: str) -> str:
    """A BSN as people type it ("9999 90 019", "999.990.019") as nine digits; other input unchanged."""
    stripped = BSN_SEPARATORS.sub("", value or "")
    return stripped if stripped.isdigit() else (value or "").strip()


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (a swap of two neighbours is one edit), cut off above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def word_matches(word: str, name_words: list[str]) -> bool:
    for candidate in name_words:
        if candidate.startswith(word):
            return True
        if len(word) >= FUZZY_MIN_LENGTH and edit_distance(word, candidate, limit=1) <= 1:
            return True
    return False


def name_matches(term: str, zoeknaam: str) -> bool:
    """Every word of the (normalised) term matches a word of the (normalised) name."""
    name_words = zoeknaam.split()
    return all(word_matches(word, name_words) for word in term.split())
