"""Names sorted the Dutch way: on the surname without its tussenvoegsel ("de Vries" under V, "van der Berg" under B).

``Persoon`` keeps the tussenvoegsel in its own field, so ordering on ``achternaam`` is already right there. Users
(and any other name typed as one surname, e.g. ``last_name="de Regisseur"``) need the prefix stripped: in Python
with ``naam_sorteersleutel``, in the database with ``achternaam_sortering`` (portable: no regular expressions).
"""

import unicodedata

from django.db.models import CharField, F, Func
from django.db.models.functions import Lower

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


class _ZonderTussenvoegsel(Func):
    """``LOWER(CASE WHEN LOWER(field) LIKE 'van der %' THEN SUBSTR(field, 9) … ELSE field END)``, the longest
    prefix first. Written as SQL text: the same condition as 37 ``When(field__istartswith=…)`` took Django 3.7 ms
    to compile on every query that lists users by name (a select of medewerkers on every calendar page)."""

    output_field = CharField()

    def as_sql(self, compiler, connection, **extra_context):
        column, column_params = compiler.compile(self.source_expressions[0])
        sql, params = [], []
        for prefix in TUSSENVOEGSELS:
            sql.append(f"WHEN LOWER({column}) LIKE %s THEN SUBSTR({column}, {len(prefix) + 2})")
            params += [*column_params, f"{prefix} %", *column_params]
        params += column_params
        return f"LOWER(CASE {' '.join(sql)} ELSE {column} END)", params


def achternaam_sortering(field: str = "last_name"):
    """A database expression: ``field`` lower-cased without a leading tussenvoegsel, for ``order_by``."""
    return _ZonderTussenvoegsel(F(field))


def users_op_naam(queryset, *extra: str):
    """Order users by surname without tussenvoegsel, then first name (``extra`` fields go first, e.g. organisation)."""
    return queryset.order_by(*extra, achternaam_sortering("last_name"), Lower("first_name"), "username")


__all__ = ["TUSSENVOEGSELS", "achternaam_sortering", "naam_sorteersleutel", "users_op_naam", "zonder_tussenvoegsel"]
