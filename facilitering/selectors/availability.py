"""What a booking form shows next to a conflict: the bookings in the way and what is free at that time.

The rule itself (no room or medewerker in two places at once) is ``services.checks.check_conflicts``; this only
reads, for display: a short list of the conflicting bookings and free rooms and medewerkers to choose instead.
"""

from dataclasses import dataclass, field
from datetime import date, time
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db.models import Q

from zvh.accounts.models import User

from ..choices import ACTIVE_STATUSES
from ..models import Booking, Room
from ..periods import aware
from ..services.bookings import occurrence_dates
from ..services.checks import Errors
from .bookings import active_rooms, secretariaat_medewerkers

MAX_CONFLICTS_SHOWN = 5
MAX_SUGGESTIONS = 5


@dataclass
class Availability:
    conflicts: list[Booking] = field(default_factory=list)
    more_conflicts: int = 0
    rooms: list[Room] = field(default_factory=list)
    medewerkers: list[User] = field(default_factory=list)


def availability_for(
    *,
    day: date,
    start_time: time,
    end_time: time,
    frequency: str = "",
    until: date | None = None,
    room: Room | None = None,
    medewerker: User | None = None,
    participants: int | None = None,
    exclude_pk: int | None = None,
) -> Availability:
    """For the dates of a booking (or series): the bookings that hold its room or medewerker, and the rooms and
    medewerkers free on every one of those dates. Three queries."""
    days = occurrence_dates(day, frequency, until, Errors())
    moments = [(aware(d, start_time), aware(d, end_time)) for d in days]
    overlapping = reduce(or_, (Q(starts_at__lt=end, ends_at__gt=start) for start, end in moments))
    busy = Booking.objects.filter(overlapping, status__in=ACTIVE_STATUSES).exclude(pk=exclude_pk)
    mine = Q(pk__in=[])
    if room is not None:
        mine |= Q(room=room)
    if medewerker is not None:
        mine |= Q(medewerker=medewerker)
    conflicts = list(
        busy.filter(mine)
        .select_related("organisation", "room", "medewerker")
        .order_by("starts_at")[: MAX_CONFLICTS_SHOWN + 1]
    )
    rooms = active_rooms().exclude(pk__in=busy.filter(room__isnull=False).values("room"))
    if participants:
        rooms = rooms.filter(capacity__gte=participants)
    medewerkers = secretariaat_medewerkers().exclude(pk__in=busy.filter(medewerker__isnull=False).values("medewerker"))
    return Availability(
        conflicts=conflicts[:MAX_CONFLICTS_SHOWN],
        more_conflicts=max(0, len(conflicts) - MAX_CONFLICTS_SHOWN),
        rooms=list(rooms[:MAX_SUGGESTIONS]),
        medewerkers=list(medewerkers[:MAX_SUGGESTIONS]),
    )


def availability_for_form(form) -> Availability | None:
    """After a failed submit with a room or medewerker error: the availability of the times the form holds."""
    if not ({"room", "medewerker"} & set(form.errors)):
        return None
    data = form.cleaned_data
    if not (data.get("date") and data.get("start_time") and data.get("end_time")):
        return None
    if data["end_time"] <= data["start_time"]:
        return None
    return availability_for(
        day=data["date"],
        start_time=data["start_time"],
        end_time=data["end_time"],
        frequency=data.get("frequency") or "",
        until=data.get("until"),
        room=_chosen(form, "room"),
        medewerker=_chosen(form, "medewerker"),
        participants=data.get("participants"),
        exclude_pk=getattr(form, "booking_pk", None),
    )


def _chosen(form, name: str):
    """The choice posted in a field, also when the field carries an error (Django then drops it from
    cleaned_data): the conflicting room or medewerker is exactly such a field."""
    if name not in form.fields:
        return None
    try:
        return form.fields[name].clean(form[name].value())
    except ValidationError:
        return None
