"""Jaarplan figures for "Personen met verward gedrag met een hoog veiligheidsrisico", counted live. Numbers only."""

from datetime import datetime

from django.utils import timezone

from reporting.registry import register_metric

from . import monitor


def _days(start: datetime, end: datetime):
    # Selections, decisions and reviews are registered per day; the period's local dates decide.
    return timezone.localdate(start), timezone.localdate(end)


@register_metric("levensloop.selecties", label="Selecties met het selectie-instrument verward gedrag", unit="zaken")
def selecties(start: datetime, end: datetime) -> int:
    return monitor.selecties(*_days(start, end)).count()


@register_metric("levensloop.inclusies", label="Inclusies in de levensloopaanpak (inclusietafel)", unit="personen")
def inclusies(start: datetime, end: datetime) -> int:
    return monitor.inclusies(*_days(start, end)).values("persoon").distinct().count()


@register_metric("levensloop.personen", label="Personen in de levensloopaanpak", unit="personen")
def personen(start: datetime, end: datetime) -> int:
    """Distinct persons in the approach on some day of the period (a stock: those included earlier count too)."""
    return monitor.personen(*_days(start, end))


@register_metric("levensloop.reviews", label="Reviews aan de levenslooptafel", unit="zaken")
def reviews(start: datetime, end: datetime) -> int:
    return monitor.reviews(*_days(start, end)).count()


@register_metric("levensloop.uitstroom", label="Uitstroom uit de levensloopaanpak", unit="personen")
def uitstroom(start: datetime, end: datetime) -> int:
    return monitor.uitstroom(*_days(start, end)).values("persoon").distinct().count()
