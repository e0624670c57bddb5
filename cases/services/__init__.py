"""Writes for the case core. All go through these functions (see ../shared/STYLE.md)."""

from .casus import (
    afspraak_create,
    afspraak_set_deadline,
    afspraak_set_status,
    casus_number_next,
    casus_open,
    casus_transition,
    logboek_add,
    plan_save,
)
from .grants import (
    grant_change,
    grant_create,
    grant_revoke,
    grants_remove_expired_permissions,
    grants_set_end_after,
)
from .grondslagen import grondslag_create, grondslag_update
from .meetings import agendapunt_add, agendapunt_verslag, deelnemer_add, overleg_create

__all__ = [
    "afspraak_create",
    "afspraak_set_deadline",
    "afspraak_set_status",
    "agendapunt_add",
    "agendapunt_verslag",
    "casus_number_next",
    "casus_open",
    "casus_transition",
    "deelnemer_add",
    "grant_change",
    "grant_create",
    "grant_revoke",
    "grants_remove_expired_permissions",
    "grants_set_end_after",
    "grondslag_create",
    "grondslag_update",
    "logboek_add",
    "overleg_create",
    "plan_save",
]
