"""The shared person register in the AVG field classification (privacy.avg)."""

from privacy.avg import classify

from .models import Persoon

classify(
    Persoon,
    identificerend=("bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "zoeknaam"),
    gewoon=(
        "geslacht",
        "straat",
        "huisnummer",
        "postcode",
        "woonplaats",
        "brp_gemeente",
        "aangemaakt_op",
        "gewijzigd_op",
    ),
    geen=("id",),
)
