"""Feeds the "Monitor verward gedrag" table of the quarterly PDF (templates/pdf/_monitor_levensloop.html)."""

from django import template

from levensloop.monitor import Monitor, monitor

register = template.Library()


@register.simple_tag
def levensloop_monitor(jaar: int, kwartaal: int) -> Monitor:
    """Aggregates for the report's year up to its quarter; never a person."""
    return monitor(int(jaar), int(kwartaal))
