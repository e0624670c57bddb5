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
from .grondslagen import Grondslag
from .grants import CasusGroupObjectPermission, CasusUserObjectPermission, Grant
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
