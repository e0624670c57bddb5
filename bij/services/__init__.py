"""All writes of the BIJ app. Keyword-only, atomic, full_clean then save, Dutch errors."""

from .melding import (
    advies_uitbrengen,
    besluit_registreren,
    melding_create,
    melding_transition,
    melding_update,
    uitnodiging_create,
)
from .overleg import bij_agendapunt_add, bij_agendapunt_verslag, bij_overleg_create
from .register import uitwisseling_create

__all__ = [
    "advies_uitbrengen",
    "besluit_registreren",
    "bij_agendapunt_add",
    "bij_agendapunt_verslag",
    "bij_overleg_create",
    "melding_create",
    "melding_transition",
    "melding_update",
    "uitnodiging_create",
    "uitwisseling_create",
]
