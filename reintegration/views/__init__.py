from .importeren import import_confirm, import_upload
from .isd import isd_close, isd_create, isd_detail, isd_fase_edit, isd_list_view
from .trajecten import (
    toegang_create,
    toegang_end,
    traject_create,
    traject_dates,
    traject_detail,
    traject_list_view,
    traject_transition,
    voorwaarde_consent,
    voorwaarde_edit,
)

__all__ = [
    "import_confirm",
    "import_upload",
    "isd_close",
    "isd_create",
    "isd_detail",
    "isd_fase_edit",
    "isd_list_view",
    "toegang_create",
    "toegang_end",
    "traject_dates",
    "traject_create",
    "traject_detail",
    "traject_list_view",
    "traject_transition",
    "voorwaarde_consent",
    "voorwaarde_edit",
]
