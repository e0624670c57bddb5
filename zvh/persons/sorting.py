"""Names sorted the Dutch way: on the surname without its tussenvoegsel ("de Vries" under V, "van der Berg" under B).

``Persoon`` keeps the tussenvoegsel in its own field, so ordering on ``achternaam`` is already right there. Users
(and any other name typed as one surname, e.g. ``last_name="de Regisseur"``) need the prefix stripped: in Python
with ``naam_sorteersleutel``, in the database with ``achternaam_sortering`` (portable: no regular expressions).
"""

import unicodedata

from django.db.models import Case, F, When
from django.db.models.functions import Lower, Substr

# Longest first, so "van der" wins over "van". Lower case; matched case-insensitively.
TUSSENVOEGSELS = (
    "van de",
    "van der",
    "van den",
    "van het",
    "van 't",
    "in 't",
    "in de",
    "in het",
    "op de",
    "op den",
    "op 't",
    "uit de",
    "uit den",
    "uit het",
    "aan de",
    "aan den",
    "aan het",
    "bij de",
    "onder de",
    "over de",
    "van",
    "de",
    "den",
    "der",
    "het",
    "'t",
    "te",
    "ter",
    "ten",
    "in",
    "op",
    "le",
    "la",
    "du",
    "da",
    "di",
    "el",
)
TUSSENVOEGSELS = tuple(sorted(set(TUSSENVOEGSELS), key=len, reverse=True))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


def zonder_tussenvoegsel(achternaam: str) -> str:
    """ "van der Berg" → "Berg"; a surname that is only a tussenvoegsel word ("Van") stays as it is."""
    naam = " ".join((achternaam or "").split())
    lower = naam.lower()
    for prefix in TUSSENVOEGSELS:
        if lower.startswith(prefix + " ") and len(naam) > len(prefix) + 1:
            return naam[len(prefix) + 1 :]
    return naam


def naam_sorteersleutel(achternaam: str, voornaam: str = "") -> tuple[str, str, str]:
    """Sort key: surname without tussenvoegsel, then first name, then the whole surname (accents and case ignored)."""
    return (_fold(zonder_tussenvoegsel(achternaam)), _fold(voornaam), _fold(achternaam))


def achternaam_sortering(field: str = "last_name"):
    """A database expression: ``field`` lower-cased without a leading tussenvoegsel, for ``order_by``."""
    whens = [
        When(**{f"{field}__istartswith": f"{prefix} "}, then=Substr(field, len(prefix) + 2))
        for prefix in TUSSENVOEGSELS
    ]
    return Lower(Case(*whens, default=F(field)))


def users_op_naam(queryset, *extra: str):
    """Order users by surname without tussenvoegsel, then first name (``extra`` fields go first, e.g. organisation)."""
    return queryset.order_by(*extra, achternaam_sortering("last_name"), Lower("first_name"), "username")


__all__ = ["TUSSENVOEGSELS", "achternaam_sortering", "naam_sorteersleutel", "users_op_naam", "zonder_tussenvoegsel"]
