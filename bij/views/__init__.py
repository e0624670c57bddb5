from .advies import advies_detail, advies_list
from .meldingen import (
    melding_advies,
    melding_create,
    melding_detail,
    melding_edit,
    melding_list,
    melding_transition,
    melding_uitnodigen,
)
from .overleg import agendapunt_add, agendapunt_verslag, overleg_create, overleg_detail, overleg_list
from .register import register_create, register_list

__all__ = [
    "advies_detail",
    "advies_list",
    "agendapunt_add",
    "agendapunt_verslag",
    "melding_advies",
    "melding_create",
    "melding_detail",
    "melding_edit",
    "melding_list",
    "melding_transition",
    "melding_uitnodigen",
    "overleg_create",
    "overleg_detail",
    "overleg_list",
    "register_create",
    "register_list",
]
