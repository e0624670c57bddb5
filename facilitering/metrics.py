"""Facilitering figures for the quarterly report (autodiscovered by reporting.registry).

Both metrics take the partner organisation's stable code (``Organisation.code``, e.g. ``veilig-thuis-west-brabant``:
a renamed organisation keeps its code) and a half-open period of local midnights. Realised hours count
by the moment a booking starts; weeks are calendar days divided by seven (see ``selectors/budget.py``).
"""

from datetime import datetime
from decimal import Decimal

from reporting.registry import register_metric
from zvh.accounts.models import Organisation

from .periods import local_date
from .selectors.budget import agreements_for, average_budget_per_week, period_totals, realised_per_week


def _organisation(partner: str) -> Organisation:
    organisation = Organisation.objects.filter(code=partner).first()
    if organisation is None:
        raise ValueError(f"facilitering: onbekende partner {partner!r}")
    return organisation


@register_metric(
    "facilitering.uren_per_week",
    label="Facilitering: gemiddeld gerealiseerde uren per week",
    unit="uur per week",
    params=("partner",),
    definition=(
        "Gerealiseerde uren van uitgevoerde boekingen voor de partner (facilitering), naar het moment waarop de "
        "boeking begint, gedeeld door het aantal weken in de periode (dagen / 7)."
    ),
)
def realised_hours_per_week(start: datetime, end: datetime, *, partner: str) -> Decimal:
    organisation = _organisation(partner)
    _booked, realised = period_totals(organisation, local_date(start), local_date(end))
    return realised_per_week(realised, local_date(start), local_date(end))


@register_metric(
    "facilitering.budget_uren_per_week",
    label="Facilitering: budget in uren per week",
    unit="uur per week",
    params=("partner",),
    definition="Afgesproken uren per week voor de partner (facilitering), gemiddeld over de dagen van de periode.",
)
def budget_hours_per_week(start: datetime, end: datetime, *, partner: str) -> Decimal:
    organisation = _organisation(partner)
    return average_budget_per_week(agreements_for(organisation), local_date(start), local_date(end))
