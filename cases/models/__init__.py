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
from .meetings import Agendapunt, Casusoverleg, Deelnemer
from .persons import Persoon, normalise_name, validate_bsn
from .teams import RESTRICTED_THEMES, WEEGPLOEG, Team

__all__ = [
    "RESTRICTED_THEMES",
    "WEEGPLOEG",
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
    "LogboekEntry",
    "Persoon",
    "PlanVanAanpak",
    "StatusWijziging",
    "Team",
    "normalise_name",
    "validate_bsn",
]
