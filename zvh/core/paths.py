"""Paths of rows: ``path_pk("cases:casus_detail", pk)`` is ``reverse("cases:casus_detail", args=[pk])``, at a
fraction of the cost.

Django's ``reverse`` walks the resolver and quotes the result on every call (≈ 50 µs); a start page with 40
afspraken, two forms each, spent several milliseconds on it. The path of a URL name with one integer argument is
reversed once per (name, script prefix) with a marker in place of the key and then filled in by formatting.
"""

from functools import lru_cache

from django.urls import NoReverseMatch, get_script_prefix, reverse

_MARKER = "918273645"  # digits, so it passes an <int:pk> converter; appears in no URL pattern


@lru_cache(maxsize=256)
def _halves(name: str, script_prefix: str) -> tuple[str, str]:
    path = reverse(name, args=[int(_MARKER)])
    before, marker, after = path.partition(_MARKER)
    if not marker or _MARKER in after:
        raise NoReverseMatch(f"{name}: geen pad met één sleutel")
    return before, after


def path_pk(name: str, pk: int) -> str:
    """The path of ``name`` for the integer key ``pk`` (what ``reverse(name, args=[pk])`` returns)."""
    key = int(pk)
    if key < 0:
        raise NoReverseMatch(f"{name}: sleutel {key}")
    before, after = _halves(name, get_script_prefix())
    return f"{before}{key}{after}"
