from .casus import (
    Afspraak,
    Betrokkene,
    Casus,
    CasusNummerReeks,
    Doel,
    LogboekEntry,
    PlanVanAanpak,
    StatusWijziging,
)
from .grants import CasusGroupObjectPermission, CasusUserObjectPermission, Grant
from .grondslagen import Grondslag
from .meetings import Agendapunt, Casusoverleg, Deelnemer

__all__ = [
    "Afspraak",
    "Agendapunt",
    "Betrokkene",
    "Casus",
    "CasusGroupObjectPermission",
    "CasusNummerReeks",
    "CasusUserObjectPermission",
    "Casusoverleg",
    "Deelnemer",
    "Doel",
    "Grant",
    "Grondslag",
    "LogboekEntry",
    "PlanVanAanpak",
    "StatusWijziging",
]
