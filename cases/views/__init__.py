from .casus import (
    afspraak_create,
    afspraak_status,
    casus_detail,
    casus_list,
    casus_transition,
    grant_change,
    grant_list,
    grant_revoke,
    logboek_create,
    plan_edit,
)
from .dashboard import dashboard
from .meetings import (
    agendapunt_add,
    agendapunt_afspraak,
    agendapunt_verslag,
    deelnemer_add,
    overleg_create,
    overleg_detail,
    overleg_list,
    overleg_print,
)
from .search import persoon_detail, search

__all__ = [
    "afspraak_create",
    "afspraak_status",
    "agendapunt_add",
    "agendapunt_afspraak",
    "agendapunt_verslag",
    "casus_detail",
    "casus_list",
    "casus_transition",
    "dashboard",
    "deelnemer_add",
    "grant_change",
    "grant_list",
    "grant_revoke",
    "logboek_create",
    "overleg_create",
    "overleg_detail",
    "overleg_list",
    "overleg_print",
    "persoon_detail",
    "plan_edit",
    "search",
]
