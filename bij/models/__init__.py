from .melding import Advies, Melding, Overgang, Uitnodiging
from .overleg import BijAgendapunt, BijOverleg
from .register import Dagmelding, Uitwisseling18b

__all__ = [
    "Advies",
    "BijAgendapunt",
    "BijOverleg",
    "Dagmelding",
    "Melding",
    "Overgang",
    "Uitnodiging",
    "Uitwisseling18b",
]
