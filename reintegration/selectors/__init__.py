from .signals import signal_counts, signals_of, traject_signal_conditions, with_signals
from .trajecten import (
    isd_for_detail,
    isd_list,
    ordered_voorwaarden,
    signal_panel,
    traject_for_detail,
    traject_list,
    voorwaarde_for_user,
)

__all__ = [
    "isd_for_detail",
    "isd_list",
    "ordered_voorwaarden",
    "signal_counts",
    "signal_panel",
    "signals_of",
    "traject_for_detail",
    "traject_list",
    "traject_signal_conditions",
    "voorwaarde_for_user",
    "with_signals",
]
