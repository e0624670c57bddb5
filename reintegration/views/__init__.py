from .importeren import import_confirm, import_upload
from .isd import isd_create, isd_detail, isd_fase_edit, isd_list_view
from .trajecten import (
    toegang_create,
    traject_create,
    traject_detail,
    traject_list_view,
    traject_transition,
    voorwaarde_consent,
    voorwaarde_edit,
)

__all__ = [
    "import_confirm",
    "import_upload",
    "isd_create",
    "isd_detail",
    "isd_fase_edit",
    "isd_list_view",
    "toegang_create",
    "traject_create",
    "traject_detail",
    "traject_list_view",
    "traject_transition",
    "voorwaarde_consent",
    "voorwaarde_edit",
]
