from .importeren import detentiemeldingen_import, detentiemeldingen_preview
from .isd import isd_close, isd_create, isd_fase_update, isd_max_einde
from .traject import (
    TRANSITIONS,
    available_transitions,
    require_director,
    toegang_end,
    toegang_grant,
    traject_create,
    traject_transition,
    traject_update_dates,
)
from .voorwaarden import voorwaarde_consent, voorwaarde_update

__all__ = [
    "TRANSITIONS",
    "available_transitions",
    "detentiemeldingen_import",
    "detentiemeldingen_preview",
    "isd_close",
    "isd_create",
    "isd_fase_update",
    "isd_max_einde",
    "require_director",
    "toegang_end",
    "toegang_grant",
    "traject_create",
    "traject_transition",
    "traject_update_dates",
    "voorwaarde_consent",
    "voorwaarde_update",
]
