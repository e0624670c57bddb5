"""The calendar: bookings of a week or a month, laid out per room, per medewerker or per partner."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.accounts.models import Organisation, User

from ..models import Booking, Room
from ..periods import month_bounds, week_start
from .bookings import active_rooms, bookings_for_user, partners_for_booking, secretariaat_medewerkers

PER_ROOM, PER_MEDEWERKER, PER_PARTNER = "zaal", "medewerker", "partner"
NO_ROOM = _("Geen ZVH-zaal")
NO_MEDEWERKER = _("Nog niet toegewezen")


@dataclass
class Row:
    key: object
    label: str
    detail: str = ""
    cells: list[list[Booking]] = field(default_factory=list)


@dataclass
class MonthWeek:
    monday: date
    days: list[tuple[date, bool, list[Booking]]]  # (day, in this month, bookings)

    @property
    def number(self) -> int:
        return self.monday.isocalendar()[1]


def period_for(view: str, day: date) -> tuple[date, date]:
    if view == "maand":
        return month_bounds(day)
    monday = week_start(day)
    return monday, monday + timedelta(days=7)


def calendar_bookings(
    user: User, start: date, end: date, *, room: Room | None, medewerker: User | None, partner: Organisation | None
) -> QuerySet[Booking]:
    queryset = bookings_for_user(user).filter(date__gte=start, date__lt=end)
    if room is not None:
        queryset = queryset.filter(room=room)
    if medewerker is not None:
        queryset = queryset.filter(medewerker=medewerker)
    if partner is not None:
        queryset = queryset.filter(organisation=partner)
    # Only what the grid and the list show: a busy week holds 170 bookings, a month 800 (250k cases, 30 ZVH's).
    return (
        queryset.select_related(None)
        .select_related("organisation", "room", "medewerker")
        .only(*CALENDAR_FIELDS)
        .order_by("date", "start_time", "pk")
    )


CALENDAR_FIELDS = (
    "title",
    "date",
    "start_time",
    "end_time",
    "status",
    "over_budget_reason",
    "organisation__name",
    "room__name",
    "medewerker__first_name",
    "medewerker__last_name",
    "medewerker__username",
)


def _key(booking: Booking, per: str):
    return {PER_ROOM: booking.room_id, PER_MEDEWERKER: booking.medewerker_id, PER_PARTNER: booking.organisation_id}[per]


def _resources(user: User, per: str, bookings: list[Booking]) -> list[Row]:
    if per == PER_ROOM:
        rows = [Row(r.pk, r.name, _("%(n)s personen") % {"n": r.capacity}) for r in active_rooms()]
        extra = {b.room_id: b.room for b in bookings if b.room_id}
        rows += [Row(r.pk, r.name) for pk, r in extra.items() if pk not in {row.key for row in rows}]
        return rows + [Row(None, str(NO_ROOM))]
    if per == PER_MEDEWERKER:
        people = list(secretariaat_medewerkers()) if user.has_role(Role.SECRETARIAAT) else []
        people += [b.medewerker for b in bookings if b.medewerker_id and b.medewerker not in people]
        return [Row(p.pk, p.display_name) for p in people] + [Row(None, str(NO_MEDEWERKER))]
    partners = list(partners_for_booking(user))
    partners += [b.organisation for b in bookings if b.organisation not in partners]
    return [Row(p.pk, p.name) for p in partners]


def week_rows(user: User, per: str, monday: date, bookings: list[Booking], *, only=None) -> list[Row]:
    """One row per room / medewerker / partner, one cell per day (Monday to Sunday)."""
    cells: dict[object, list[list[Booking]]] = defaultdict(lambda: [[] for _i in range(7)])
    for booking in bookings:
        cells[_key(booking, per)][(booking.date - monday).days].append(booking)
    rows = _resources(user, per, bookings)
    if only is not None:
        rows = [row for row in rows if row.key == only.pk]
    for row in rows:
        row.cells = cells[row.key]
    # Rows for 'no room' / 'not assigned' only when something is in them.
    return [row for row in rows if row.key is not None or any(row.cells)]


def month_weeks(start: date, end: date, bookings: list[Booking]) -> list[MonthWeek]:
    per_day: dict[date, list[Booking]] = defaultdict(list)
    for booking in bookings:
        per_day[booking.date].append(booking)
    weeks, monday = [], week_start(start)
    while monday < end:
        days = [monday + timedelta(days=i) for i in range(7)]
        weeks.append(MonthWeek(monday, [(d, start <= d < end, per_day.get(d, [])) for d in days]))
        monday += timedelta(days=7)
    return weeks
