from .signalen import signaal_create, signaal_decide, signaal_detail, signaal_list, traject_start
from .trajecten import (
    advies_list,
    opvangadres_edit,
    opvangadres_reveal,
    overleg_add,
    procedure_edit,
    traject_detail,
    traject_edit,
    traject_list,
)

__all__ = [
    "advies_list",
    "opvangadres_edit",
    "opvangadres_reveal",
    "overleg_add",
    "procedure_edit",
    "signaal_create",
    "signaal_decide",
    "signaal_detail",
    "signaal_list",
    "traject_detail",
    "traject_edit",
    "traject_list",
    "traject_start",
]
