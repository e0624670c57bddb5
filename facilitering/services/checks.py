"""The booking rules, shared by the booking and series services: field rules, agreements, conflicts, budget.

Every check adds Dutch messages to an :class:`Errors` collection so a user sees all problems of a form at once.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role
from zvh.accounts.models import Organisation, User
from zvh.core.dates import datum_tekst

from ..choices import ACTIVE_STATUSES, OverlegType, SupportKind
from ..formatting import format_hours
from ..models import Booking, Room
from ..periods import aware, hours_between, iso_week, local_time_exists, week_start
from ..selectors.budget import agreements_for, booked_hours_per_week, week_budget
from ..validators import validate_no_client_data

MAX_LISTED = 5
MAX_HOURS = Decimal("24")


class Errors:
    """Field → messages, raised as one ValidationError."""

    def __init__(self) -> None:
        self.messages: dict[str, list[str]] = defaultdict(list)

    def add(self, field_name: str | None, message: str) -> None:
        self.messages[field_name or NON_FIELD_ERRORS].append(message)

    def __bool__(self) -> bool:
        return bool(self.messages)

    def raise_if_any(self) -> None:
        if self.messages:
            raise ValidationError(dict(self.messages))


@dataclass
class Slot:
    """One occurrence as it will be stored: what the conflict and budget checks look at."""

    date: date
    starts_at: datetime
    ends_at: datetime
    planned_hours: Decimal
    room: Room | None
    medewerker: User | None
    exclude_pk: int | None = None
    over_budget: bool = field(default=False)


def fmt_day(day: date) -> str:
    return datum_tekst(day, "dag")


def fmt_hours(hours: Decimal) -> str:
    return format_hours(hours)


def is_staff(user: User) -> bool:
    return user.has_role(Role.SECRETARIAAT)


def check_fields(
    errors: Errors,
    *,
    overleg_type: str,
    title: str,
    day: date | None,
    start_time: time | None,
    end_time: time | None,
    room: Room | None,
    participants: int | None,
    support_kinds: list[str],
    planned_hours: Decimal | None,
    notes: str,
) -> None:
    if overleg_type not in OverlegType.values:
        errors.add("overleg_type", _("Kies een soort overleg."))
    if not (title or "").strip():
        errors.add("title", _("Vul de titel van het overleg in."))
    for name, text in (("title", title), ("notes", notes)):
        _check_text(errors, name, text)
    if not support_kinds:
        errors.add("support_kinds", _("Kies minstens één soort ondersteuning."))
    elif set(support_kinds) - set(SupportKind.values):
        errors.add("support_kinds", _("Kies een bestaande soort ondersteuning."))
    elif SupportKind.ZAALRESERVERING in support_kinds and room is None:
        errors.add("room", _("Bij een zaalreservering hoort een zaal: kies een zaal van het ZVH."))
    if room is not None and not room.active:
        errors.add("room", _("Zaal %(room)s is niet meer in gebruik.") % {"room": room.name})
    if room is not None and participants and participants > room.capacity:
        errors.add(
            "participants",
            _("Zaal %(room)s heeft plaats voor %(capacity)s personen; u verwacht er %(n)s.")
            % {"room": room.name, "capacity": room.capacity, "n": participants},
        )
    if planned_hours is not None and not (Decimal("0.25") <= planned_hours <= MAX_HOURS):
        errors.add("planned_hours", _("Het aantal uren ligt tussen 0,25 en 24."))
    check_times(errors, day=day, start_time=start_time, end_time=end_time)


def _check_text(errors: Errors, name: str, text: str) -> None:
    try:
        validate_no_client_data(text)
    except ValidationError as exc:
        errors.add(name, exc.messages[0])


def check_times(errors: Errors, *, day: date | None, start_time: time | None, end_time: time | None) -> None:
    if day is None:
        errors.add("date", _("Vul de datum in."))
    if start_time is None:
        errors.add("start_time", _("Vul de begintijd in."))
    if end_time is None:
        errors.add("end_time", _("Vul de eindtijd in."))
    if start_time and end_time and end_time <= start_time:
        errors.add("end_time", _("De eindtijd ligt na de begintijd (een overleg eindigt op dezelfde dag)."))
    if day and start_time and end_time:
        for name, moment in (("start_time", start_time), ("end_time", end_time)):
            if not local_time_exists(day, moment):
                errors.add(name, _("Dit tijdstip bestaat niet op deze dag door de overgang naar de zomertijd."))


def make_slot(day: date, start_time: time, end_time: time, **kwargs) -> Slot:
    starts_at, ends_at = aware(day, start_time), aware(day, end_time)
    planned = kwargs.pop("planned_hours", None) or hours_between(starts_at, ends_at)
    return Slot(date=day, starts_at=starts_at, ends_at=ends_at, planned_hours=planned, **kwargs)


def check_medewerker(errors: Errors, medewerker: User | None) -> None:
    if medewerker is not None and not (medewerker.is_active and medewerker.has_role(Role.SECRETARIAAT)):
        errors.add("medewerker", _("Kies een actieve medewerker van het secretariaat."))


def check_agreements(errors: Errors, *, organisation: Organisation, overleg_type: str, days: list[date]) -> None:
    """Every date needs an agreement with this partner that covers it and includes this kind of overleg."""
    agreements = agreements_for(organisation)
    uncovered = [day for day in days if not any(a.covers(day) for a in agreements)]
    if uncovered:
        errors.add(
            "date",
            _("Voor %(partner)s is er geen faciliteringsafspraak op %(days)s.")
            % {"partner": organisation.name, "days": _listing([fmt_day(d) for d in uncovered])},
        )
        return
    unsupported = [d for d in days if not next(a for a in agreements if a.covers(d)).supports(overleg_type)]
    if unsupported:
        errors.add(
            "overleg_type",
            _("De afspraak met %(partner)s omvat geen ondersteuning voor %(overleg)s.")
            % {"partner": organisation.name, "overleg": OverlegType(overleg_type).label},
        )


def check_conflicts(errors: Errors, slots: list[Slot], *, detailed: bool) -> None:
    """No room and no medewerker in two places at once. ``detailed`` names the other booking (ZVH staff only)."""
    candidates = _overlapping_candidates(slots)
    room_lines, person_lines = [], []
    for slot in slots:
        for other in candidates:
            if other.pk == slot.exclude_pk or not (other.starts_at < slot.ends_at and other.ends_at > slot.starts_at):
                continue
            if slot.room is not None and other.room_id == slot.room.pk:
                room_lines.append(_conflict_line(_("Zaal %(name)s"), slot.room.name, other, detailed))
            if slot.medewerker is not None and other.medewerker_id == slot.medewerker.pk:
                person_lines.append(_conflict_line("%(name)s", slot.medewerker.display_name, other, detailed))
    room_lines += _overleg_room_lines(slots)
    if room_lines:
        errors.add("room", _("Dubbele boeking: %(lines)s") % {"lines": _listing(room_lines)})
    if person_lines:
        errors.add("medewerker", _("Dubbele boeking: %(lines)s") % {"lines": _listing(person_lines)})


def _overleg_room_lines(slots: list[Slot]) -> list[str]:
    """ZVH rooms are shared with casusoverleggen (cases.rooms): a booking may not take a room an overleg holds.
    The line names the overleg by its kind and time only, never its cases."""
    from cases.rooms import overleg_busy_line, overleggen_in_rooms  # cases loads facilitering's models, not v.v.

    rooms = {s.room.pk for s in slots if s.room is not None}
    if not rooms:
        return []
    overleggen = list(
        overleggen_in_rooms(
            room_ids=rooms, starts_at=min(s.starts_at for s in slots), ends_at=max(s.ends_at for s in slots)
        )
    )
    return [
        overleg_busy_line(slot.room.name, overleg)
        for slot in slots
        if slot.room is not None
        for overleg in overleggen
        if overleg.zaal_id == slot.room.pk and overleg.datum_tijd < slot.ends_at and overleg.einde > slot.starts_at
    ]


def _overlapping_candidates(slots: list[Slot]) -> list[Booking]:
    rooms = {s.room.pk for s in slots if s.room is not None}
    people = {s.medewerker.pk for s in slots if s.medewerker is not None}
    if not slots or not (rooms or people):
        return []
    return list(
        Booking.objects.filter(
            Q(room__in=rooms) | Q(medewerker__in=people),
            status__in=ACTIVE_STATUSES,
            starts_at__lt=max(s.ends_at for s in slots),
            ends_at__gt=min(s.starts_at for s in slots),
        ).select_related("organisation")
    )


def _conflict_line(template: str, name: str, other: Booking, detailed: bool) -> str:
    values = {
        "who": template % {"name": name},
        "day": fmt_day(other.date),
        "start": other.start_time.strftime("%H:%M"),
        "end": other.end_time.strftime("%H:%M"),
        "title": other.title,
        "partner": other.organisation.name,
    }
    if detailed:
        return _("%(who)s is op %(day)s van %(start)s tot %(end)s al geboekt voor ‘%(title)s’ (%(partner)s)") % values
    return _("%(who)s is op %(day)s van %(start)s tot %(end)s al bezet") % values


def check_budget(errors: Errors, *, organisation: Organisation, slots: list[Slot], reason: str) -> None:
    """A booking that takes an ISO week over the partner's weekly budget needs a reason. Marks those slots."""
    agreements = agreements_for(organisation)
    mondays = sorted({week_start(s.date) for s in slots})
    booked = booked_hours_per_week(organisation, mondays, exclude_pks=[s.exclude_pk for s in slots if s.exclude_pk])
    for slot in slots:
        booked[week_start(slot.date)] += slot.planned_hours
    over = []
    for monday in mondays:
        budget = week_budget(agreements, monday)
        if booked[monday] > budget:
            over.append((monday, booked[monday], budget))
    over_weeks = {monday for monday, _b, _bud in over}
    for slot in slots:
        slot.over_budget = week_start(slot.date) in over_weeks
    if over and not (reason or "").strip():
        lines = [
            _("week %(week)s van %(year)s: %(booked)s uur geboekt, budget %(budget)s uur")
            % {
                "week": iso_week(monday)[1],
                "year": iso_week(monday)[0],
                "booked": fmt_hours(total),
                "budget": fmt_hours(budget),
            }
            for monday, total, budget in over
        ]
        errors.add(
            "over_budget_reason",
            _("Met deze boeking gaat %(partner)s over het weekbudget (%(lines)s). Vul een reden in om toch te boeken.")
            % {"partner": organisation.name, "lines": _listing(lines)},
        )
    elif over:
        _check_text(errors, "over_budget_reason", reason)


def _listing(items: list[str]) -> str:
    shown = "; ".join(items[:MAX_LISTED])
    if len(items) > MAX_LISTED:
        shown += _(" en nog %(n)s") % {"n": len(items) - MAX_LISTED}
    return shown


def lock_resources(room: Room | None, medewerker: User | None) -> None:
    """Serialise bookings per room and per medewerker (PostgreSQL row locks; SQLite locks the whole database)."""
    if room is not None:
        list(Room.objects.select_for_update().filter(pk=room.pk).values_list("pk", flat=True))
    if medewerker is not None:
        list(User.objects.select_for_update().filter(pk=medewerker.pk).values_list("pk", flat=True))


def lock_agreements(organisation: Organisation) -> None:
    list(Organisation.objects.select_for_update().filter(pk=organisation.pk).values_list("pk", flat=True))
