"""Jaarplan figures for "Personen met verward gedrag met een hoog veiligheidsrisico", counted live. Numbers only."""

from datetime import datetime

from django.utils import timezone

from reporting.registry import register_metric

from . import monitor


def _days(start: datetime, end: datetime):
    # Selections, decisions and reviews are registered per day; the period's local dates decide.
    return timezone.localdate(start), timezone.localdate(end)


@register_metric(
    "levensloop.selecties",
    label="Selecties met het selectie-instrument verward gedrag",
    unit="zaken",
    definition="Ingevulde selectie-instrumenten verward gedrag (inclusie of geen inclusie), vastgesteld in de periode.",
)
def selecties(start: datetime, end: datetime) -> int:
    return monitor.selecties(*_days(start, end)).count()


@register_metric(
    "levensloop.inclusies",
    label="Inclusies in de levensloopaanpak (inclusietafel)",
    unit="personen",
    definition="Verschillende personen die de inclusietafel in de periode in de levensloopaanpak opnam.",
)
def inclusies(start: datetime, end: datetime) -> int:
    return monitor.inclusies(*_days(start, end)).values("persoon").distinct().count()


@register_metric(
    "levensloop.personen",
    label="Personen in de levensloopaanpak",
    unit="personen",
    stock=True,
    definition=(
        "Verschillende personen die op enige dag van de periode in de levensloopaanpak zaten "
        "(een stand: eerder opgenomen personen tellen mee)."
    ),
)
def personen(start: datetime, end: datetime) -> int:
    """Distinct persons in the approach on some day of the period (a stock: those included earlier count too)."""
    return monitor.personen(*_days(start, end))


@register_metric(
    "levensloop.reviews",
    label="Reviews aan de levenslooptafel",
    unit="zaken",
    definition="Reviews die de levenslooptafel in de periode hield.",
)
def reviews(start: datetime, end: datetime) -> int:
    return monitor.reviews(*_days(start, end)).count()


@register_metric(
    "levensloop.uitstroom",
    label="Uitstroom uit de levensloopaanpak",
    unit="personen",
    definition="Verschillende personen met een uitstroombesluit in de periode.",
)
def uitstroom(start: datetime, end: datetime) -> int:
    return monitor.uitstroom(*_days(start, end)).values("persoon").distinct().count()
