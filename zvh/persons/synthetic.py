"""Fictitious persons for scale data: frequent Dutch surnames plus a long tail of composed ones. Never a BSN.

Used by ``seed_demo --scale`` (cases, triage); the demo's named fixtures do not come from here.
"""

import random
from datetime import date

from .models import Persoon, normalise_name
from .names import (
    FREQUENTE_ACHTERNAMEN,
    NAAM_BEGIN,
    NAAM_EINDE,
    NAAM_STAM,
    POSTCODE_LETTERS,
    SCALE_VOORNAMEN_M,
    SCALE_VOORNAMEN_V,
    STRATEN,
    TUSSENVOEGSELS,
)

FREQUENT_SHARE = 0.5  # half of the persons carry one of the frequent surnames
DOUBLE_FIRST_NAME = 0.12
_FREQUENT, _WEIGHTS = zip(*FREQUENTE_ACHTERNAMEN, strict=True)


class PersonFactory:
    def __init__(self, rnd: random.Random, woonplaatsen: list[str]) -> None:
        self.rnd = rnd
        self.woonplaatsen = woonplaatsen or ["Breda"]
        self._cum_weights = list(_cumulative(_WEIGHTS))

    def surname(self) -> tuple[str, str]:
        rnd = self.rnd
        if rnd.random() < FREQUENT_SHARE:
            return rnd.choices(_FREQUENT, cum_weights=self._cum_weights)[0]
        name = rnd.choice(NAAM_BEGIN) + rnd.choice(NAAM_STAM) + rnd.choice(NAAM_EINDE)
        return rnd.choice(TUSSENVOEGSELS), name

    def first_names(self, geslacht: str) -> str:
        names = SCALE_VOORNAMEN_M if geslacht == "m" else SCALE_VOORNAMEN_V
        first = self.rnd.choice(names)
        if self.rnd.random() < DOUBLE_FIRST_NAME:
            second = self.rnd.choice(names)
            return first if second == first else f"{first} {second}"
        return first

    def full_name(self) -> str:
        tussen, achter = self.surname()
        return " ".join(p for p in (self.first_names(self.rnd.choice("mv")), tussen, achter) if p)

    def persoon(self) -> Persoon:
        rnd = self.rnd
        geslacht = rnd.choice("mv")
        voornamen = self.first_names(geslacht)
        tussen, achter = self.surname()
        woonplaats = rnd.choice(self.woonplaatsen)
        return Persoon(
            bsn=None,  # scale persons have no BSN: only the demo's fixtures use the test range
            voornamen=voornamen,
            tussenvoegsel=tussen,
            achternaam=achter,
            geslacht=geslacht,
            geboortedatum=date(rnd.randint(1945, 2008), rnd.randint(1, 12), rnd.randint(1, 28)),
            straat=rnd.choice(STRATEN),
            huisnummer=str(rnd.randint(1, 300)),
            postcode=f"{rnd.randint(4800, 5199)} {rnd.choice(POSTCODE_LETTERS)}{rnd.choice(POSTCODE_LETTERS)}",
            woonplaats=woonplaats,
            brp_gemeente=woonplaats,
            zoeknaam=normalise_name(voornamen, tussen, achter),
        )


def _cumulative(weights):
    total = 0
    for weight in weights:
        total += weight
        yield total
