"""The ZVH's room calendar seen from the casusoverleg: facilitering bookings and casusoverleggen share the rooms.

Messages name the other occupant without personal data: a booking by its title and partner (titles hold no client
data, see facilitering.validators), a casusoverleg by its kind and time only.
"""

from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Casusoverleg
from .models.meetings import DEFAULT_DUUR


def overleggen_in_rooms(*, room_ids, starts_at: datetime, ends_at: datetime, exclude_pk=None) -> QuerySet[Casusoverleg]:
    """Casusoverleggen that hold one of these rooms at some moment in [starts_at, ends_at)."""
    ends = Q(eindigt_op__gt=starts_at) | Q(eindigt_op__isnull=True, datum_tijd__gt=starts_at - DEFAULT_DUUR)
    qs = Casusoverleg.objects.filter(ends, zaal__in=room_ids, datum_tijd__lt=ends_at).select_related("zaal")
    return qs.exclude(pk=exclude_pk) if exclude_pk else qs


def _when(start: datetime, end: datetime) -> dict:
    start, end = timezone.localtime(start), timezone.localtime(end)
    return {"day": date_format(start.date(), "l j F Y"), "start": f"{start:%H:%M}", "end": f"{end:%H:%M}"}


def overleg_busy_line(room_name: str, overleg: Casusoverleg) -> str:
    values = {"room": room_name, "soort": overleg.get_soort_display(), **_when(overleg.datum_tijd, overleg.einde)}
    return _("Zaal %(room)s is op %(day)s van %(start)s tot %(end)s al bezet door een %(soort)s van het ZVH") % values


def room_conflicts(*, zaal, starts_at: datetime, ends_at: datetime, exclude_overleg_pk=None) -> list[str]:
    """Dutch lines for everything that holds ``zaal`` during the overleg: other overleggen and facilitering bookings."""
    from facilitering.selectors.rooms import room_bookings_between  # facilitering's models load after the cases app

    lines = [
        overleg_busy_line(zaal.name, other)
        for other in overleggen_in_rooms(
            room_ids=[zaal.pk], starts_at=starts_at, ends_at=ends_at, exclude_pk=exclude_overleg_pk
        )
    ]
    for booking in room_bookings_between(room_ids=[zaal.pk], starts_at=starts_at, ends_at=ends_at):
        values = {
            "room": zaal.name,
            "title": booking.title,
            "partner": booking.organisation.name,
            **_when(booking.starts_at, booking.ends_at),
        }
        lines.append(
            _("Zaal %(room)s is op %(day)s van %(start)s tot %(end)s al geboekt voor ‘%(title)s’ (%(partner)s)")
            % values
        )
    return lines
