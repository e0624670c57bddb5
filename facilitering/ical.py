"""iCalendar (RFC 5545) for bookings, built with the ``icalendar`` package.

Times carry TZID=Europe/Amsterdam and the calendar holds the matching VTIMEZONE, so calendar programs place
winter and summer bookings at the right local time. Events say which overleg, where, for which partner and by whom;
never notes or anything about clients.
"""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from zvh.core.fields import strip_control_characters

from .choices import BookingStatus, OverlegType
from .models import Booking

PRODID = "-//ZVH Casusregie//Facilitering//NL"
ICAL_STATUS = {
    BookingStatus.AANGEVRAAGD: "TENTATIVE",
    BookingStatus.BEVESTIGD: "CONFIRMED",
    BookingStatus.UITGEVOERD: "CONFIRMED",
    BookingStatus.GEANNULEERD: "CANCELLED",
}


def booking_uid(booking: Booking) -> str:
    return f"facilitering-boeking-{booking.pk}@zvh-casusregie"


def _local(moment: datetime) -> datetime:
    return timezone.localtime(moment, timezone.get_default_timezone())


def booking_event(booking: Booking) -> Event:
    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("dtstamp", booking.updated_at or timezone.now())
    event.add("dtstart", _local(booking.starts_at))
    event.add("dtend", _local(booking.ends_at))
    # The form refuses line breaks; older rows or other paths must still not break the file.
    event.add("summary", strip_control_characters(booking.title))
    event.add("status", ICAL_STATUS[BookingStatus(booking.status)])
    event.add("sequence", booking.sequence)
    if booking.room is not None:
        event.add("location", f"{settings.ZVH_NAME}, {booking.room.name}")
    event.add("description", _description(booking))
    return event


def _description(booking: Booking) -> str:
    lines = [
        _("Partner: %(partner)s") % {"partner": booking.organisation.name},
        _("Overleg: %(type)s") % {"type": OverlegType(booking.overleg_type).label},
        _("Ondersteuning: %(kinds)s") % {"kinds": ", ".join(booking.support_kind_labels)},
        _("Status: %(status)s") % {"status": booking.get_status_display()},
    ]
    if booking.medewerker is not None:
        lines.append(_("Medewerker secretariaat: %(name)s") % {"name": booking.medewerker.display_name})
    return "\n".join(lines)


def calendar_for(bookings: Iterable[Booking], *, name: str, method: str | None = "PUBLISH") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", strip_control_characters(name))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for booking in bookings:
        calendar.add_component(booking_event(booking))
    calendar.add_missing_timezones()
    return calendar.to_ical()
