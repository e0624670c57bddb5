"""iCalendar (RFC 5545) for a casusoverleg: date, time, place and a link into the application.

No agenda, no case numbers, no names: a calendar file travels by e-mail and sits in calendars outside the
application. The meeting has no end time of its own; events last ``OVERLEG_DUUR``.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from zvh.core.fields import strip_control_characters

from .models import Casusoverleg

PRODID = "-//ZVH Casusregie//Casusoverleg//NL"
OVERLEG_DUUR = timedelta(hours=2)


def overleg_uid(overleg: Casusoverleg) -> str:
    return f"casusoverleg-{overleg.pk}@zvh-casusregie"


def overleg_link(overleg: Casusoverleg) -> str:
    return settings.ZVH_BASE_URL + reverse("cases:overleg_detail", kwargs={"pk": overleg.pk})


def overleg_event(overleg: Casusoverleg) -> Event:
    start = timezone.localtime(overleg.datum_tijd, timezone.get_default_timezone())
    event = Event()
    event.add("uid", overleg_uid(overleg))
    event.add("dtstamp", overleg.aangemaakt_op or timezone.now())
    event.add("dtstart", start)
    event.add("dtend", start + OVERLEG_DUUR)
    event.add("summary", f"{capfirst(overleg.get_soort_display())} — {settings.ZVH_NAME}")
    event.add("location", strip_control_characters(overleg.locatie))
    event.add(
        "description",
        _("De agenda en de stukken staan in ZVH Casusregie (inloggen nodig): %(link)s")
        % {"link": overleg_link(overleg)},
    )
    if settings.ZVH_BASE_URL:
        event.add("url", overleg_link(overleg))
    return event


def overleg_calendar(overleg: Casusoverleg) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(overleg_event(overleg))
    calendar.add_missing_timezones()
    return calendar.to_ical()
