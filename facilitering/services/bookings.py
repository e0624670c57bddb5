"""Writes of bookings: request (one date or a recurring series), change, confirm and assign, realise, cancel.

Every write runs in a transaction, locks the room, the medewerker and the partner first, then checks the rules
(``checks.py``). On PostgreSQL exclusion constraints refuse overlapping bookings as a last line of defence against
concurrent requests; such a refusal becomes the same Dutch message.
"""

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zvh.accounts.choices import Role
from zvh.accounts.models import Organisation, User

from ..choices import BookingStatus, Frequency
from ..models import Booking, Room, Series
from ..periods import week_start
from ..selectors.budget import agreements_for, partner_period, week_budget
from . import checks
from .checks import Errors, Slot

MAX_SERIES_DAYS = 366
EDITABLE = (BookingStatus.AANGEVRAAGD, BookingStatus.BEVESTIGD)
OVERLAP_CONSTRAINTS = ("fac_booking_no_room_overlap", "fac_booking_no_medewerker_overlap")
RACE_MESSAGE = gettext_lazy(
    "Dubbele boeking: zaal of medewerker is op dat moment net door een ander geboekt. Kies een ander tijdstip."
)


def occurrence_dates(first: date, frequency: str, until: date | None, errors: Errors) -> list[date]:
    """The dates of a booking: one, or every (two) week(s) from ``first`` up to and including ``until``."""
    if not frequency and until is None:
        return [first]
    if not frequency:
        errors.add("frequency", _("Kies hoe vaak het overleg terugkomt, of maak het veld ‘tot en met’ leeg."))
        return [first]
    if until is None:
        errors.add("until", _("Vul in tot en met welke datum de reeks loopt."))
        return [first]
    if until < first:
        errors.add("until", _("De reeks loopt tot een datum na de eerste datum."))
        return [first]
    if (until - first).days > MAX_SERIES_DAYS:
        errors.add("until", _("Een reeks loopt hoogstens een jaar. Maak daarna een nieuwe reeks."))
        return [first]
    step = timedelta(weeks=Frequency(frequency).interval_weeks)
    days, day = [], first
    while day <= until:
        days.append(day)
        day += step
    return days


# Fields the calendar checks (agreements, conflicts, budget) build on: with an error in one of them those checks
# are left for the next round; with errors elsewhere (a title, a kind of support) they still run, so a user sees
# every problem of the form at once.
SLOT_FIELDS = frozenset(
    ("organisation", "overleg_type", "date", "start_time", "end_time", "frequency", "until", "room", "medewerker")
    + ("planned_hours",)
)


@dataclass(frozen=True)
class BookingRequest:
    """What a partner requests or the secretariaat books: the one input of ``booking_request`` and of its rule
    checks. ``frequency`` and ``until`` make a series. A form that could not read a field passes it empty."""

    organisation: Organisation | None
    overleg_type: str
    title: str
    date: date | None
    start_time: time | None
    end_time: time | None
    support_kinds: list[str] = field(default_factory=list)
    room: Room | None = None
    participants: int | None = None
    planned_hours: Decimal | None = None
    notes: str = ""
    medewerker: User | None = None
    over_budget_reason: str = ""
    frequency: str = ""
    until: date | None = None


def _request_checks(errors: Errors, *, actor: User, details: BookingRequest) -> tuple[list[date], list[Slot]]:
    """Every rule of a request, collected in ``errors``; the dates and slots when the calendar could be checked."""
    d = details
    staff = checks.is_staff(actor)
    checks.check_fields(
        errors,
        overleg_type=d.overleg_type,
        title=d.title,
        day=d.date,
        start_time=d.start_time,
        end_time=d.end_time,
        room=d.room,
        participants=d.participants,
        support_kinds=d.support_kinds,
        planned_hours=d.planned_hours,
        notes=d.notes,
    )
    checks.check_medewerker(errors, d.medewerker)
    if d.date is not None and not staff and d.date < timezone.localdate():
        errors.add("date", _("Een aanvraag kan niet in het verleden liggen."))
    days = occurrence_dates(d.date, d.frequency, d.until, errors) if d.date else []
    if d.organisation is None or SLOT_FIELDS & set(errors.messages):
        return days, []
    checks.lock_agreements(d.organisation)
    checks.lock_resources(d.room, d.medewerker)
    slots = [
        checks.make_slot(
            day, d.start_time, d.end_time, planned_hours=d.planned_hours, room=d.room, medewerker=d.medewerker
        )
        for day in days
    ]
    checks.check_agreements(errors, organisation=d.organisation, overleg_type=d.overleg_type, days=days)
    checks.check_conflicts(errors, slots, detailed=staff)
    checks.check_budget(errors, organisation=d.organisation, slots=slots, reason=d.over_budget_reason)
    return days, slots


def booking_request_errors(*, actor: User, details: BookingRequest) -> dict[str, list[str]]:
    """The rule errors of a request, without saving: for a form that has errors of its own (wrong input in a
    field), so its answer also names what the rules find in the other fields."""
    errors = Errors()
    with transaction.atomic():
        _request_checks(errors, actor=actor, details=details)
    return dict(errors.messages)


@transaction.atomic
def booking_request(*, actor: User, details: BookingRequest) -> list[Booking]:
    """Request support (a ketenpartner for their own organisation) or book it (secretariaat).

    With ``frequency`` and ``until`` a Series is made with one booking per occurrence. A booking made by the
    secretariaat with a medewerker is confirmed at once; otherwise it waits for the secretariaat as 'aangevraagd'.
    All rule errors are raised together (``_request_checks``).
    """
    d = details
    staff = checks.is_staff(actor)
    _check_may_request(actor, d.organisation, d.medewerker)
    errors = Errors()
    days, slots = _request_checks(errors, actor=actor, details=d)
    errors.raise_if_any()

    series = None
    if len(days) > 1 or d.frequency:
        series = Series(
            organisation=d.organisation,
            overleg_type=d.overleg_type,
            title=d.title.strip(),
            frequency=d.frequency,
            first_date=days[0],
            until_date=d.until,
            start_time=d.start_time,
            end_time=d.end_time,
            room=d.room,
            requested_by=actor,
        )
        series.full_clean()
        series.save()
    now = timezone.now()
    confirmed = staff and d.medewerker is not None
    bookings = []
    for slot in slots:
        booking = Booking(
            organisation=d.organisation,
            series=series,
            overleg_type=d.overleg_type,
            title=d.title.strip(),
            date=slot.date,
            start_time=d.start_time,
            end_time=d.end_time,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            room=d.room,
            participants=d.participants,
            support_kinds=list(d.support_kinds),
            planned_hours=slot.planned_hours,
            medewerker=d.medewerker,
            status=BookingStatus.BEVESTIGD if confirmed else BookingStatus.AANGEVRAAGD,
            over_budget_reason=d.over_budget_reason.strip() if slot.over_budget else "",
            notes=d.notes.strip(),
            requested_by=actor,
            confirmed_by=actor if confirmed else None,
            confirmed_at=now if confirmed else None,
        )
        save_booking(booking)
        bookings.append(booking)
    return bookings


def _check_may_request(actor: User, organisation: Organisation, medewerker: User | None) -> None:
    if checks.is_staff(actor):
        return
    if not actor.has_role(Role.KETENPARTNER) or organisation.pk != actor.organisation_id:
        raise PermissionDenied(_("U kunt alleen ondersteuning aanvragen voor uw eigen organisatie."))
    if medewerker is not None:
        raise PermissionDenied(_("Alleen het secretariaat wijst een medewerker toe."))


# Foreign keys arrive as instances the caller just read, and the check constraints are pre-checked by the rules
# and enforced by the database on save: validating them again would cost ten queries per booking of a series.
CLEAN_EXCLUDE = ["organisation", "series", "room", "medewerker", "requested_by", "confirmed_by"]


def save_booking(booking: Booking) -> None:
    """full_clean and save; an overlap refused by the database (concurrent request) becomes a Dutch message."""
    booking.full_clean(exclude=CLEAN_EXCLUDE, validate_constraints=False)
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as exc:
        if any(name in str(exc) for name in OVERLAP_CONSTRAINTS):
            raise ValidationError(str(RACE_MESSAGE)) from exc
        raise


def _locked(booking: Booking) -> Booking:
    return (
        Booking.objects.select_for_update(of=("self",))
        .select_related("organisation", "room", "medewerker")
        .get(pk=booking.pk)
    )


def _require_status(booking: Booking, allowed: tuple[str, ...], message: str) -> None:
    if booking.status not in allowed:
        raise ValidationError(message)


def require_staff(actor: User) -> None:
    if not checks.is_staff(actor):
        raise PermissionDenied(_("Alleen het secretariaat kan dit doen."))


@transaction.atomic
def booking_update(
    *,
    actor: User,
    booking: Booking,
    overleg_type: str,
    title: str,
    date: date | None,
    start_time: time | None,
    end_time: time | None,
    support_kinds: list[str],
    room: Room | None = None,
    participants: int | None = None,
    planned_hours: Decimal | None = None,
    notes: str = "",
    medewerker: User | None = None,
    over_budget_reason: str = "",
) -> Booking:
    """Change one booking (also one occurrence of a series, which then deviates from it). Secretariaat only."""
    require_staff(actor)
    booking = _locked(booking)
    _require_status(booking, EDITABLE, _("Een uitgevoerde of geannuleerde boeking kan niet meer worden gewijzigd."))
    errors = Errors()
    checks.check_fields(
        errors,
        overleg_type=overleg_type,
        title=title,
        day=date,
        start_time=start_time,
        end_time=end_time,
        room=room,
        participants=participants,
        support_kinds=support_kinds,
        planned_hours=planned_hours,
        notes=notes,
    )
    checks.check_medewerker(errors, medewerker)
    if booking.status == BookingStatus.BEVESTIGD and medewerker is None:
        errors.add("medewerker", _("Een bevestigde boeking heeft een medewerker. Kies een medewerker."))
    errors.raise_if_any()

    checks.lock_agreements(booking.organisation)
    checks.lock_resources(room, medewerker)
    slot = checks.make_slot(
        date, start_time, end_time, planned_hours=planned_hours, room=room, medewerker=medewerker, exclude_pk=booking.pk
    )
    checks.check_agreements(errors, organisation=booking.organisation, overleg_type=overleg_type, days=[date])
    checks.check_conflicts(errors, [slot], detailed=True)
    checks.check_budget(errors, organisation=booking.organisation, slots=[slot], reason=over_budget_reason)
    errors.raise_if_any()

    before = _schedule(booking)
    booking.overleg_type, booking.title, booking.date = overleg_type, title.strip(), date
    booking.start_time, booking.end_time = start_time, end_time
    booking.starts_at, booking.ends_at = slot.starts_at, slot.ends_at
    booking.room, booking.participants, booking.support_kinds = room, participants, list(support_kinds)
    booking.planned_hours, booking.medewerker, booking.notes = slot.planned_hours, medewerker, notes.strip()
    booking.over_budget_reason = over_budget_reason.strip() if slot.over_budget else ""
    if booking.series_id and _schedule(booking) != before:
        booking.deviates_from_series = True
    booking.sequence += 1
    save_booking(booking)
    return booking


def _schedule(booking: Booking) -> tuple:
    return (booking.date, booking.start_time, booking.end_time, booking.room_id)


@transaction.atomic
def booking_confirm(*, actor: User, booking: Booking, medewerker: User | None) -> Booking:
    """Secretariaat confirms a request and assigns a medewerker (who must be free then)."""
    require_staff(actor)
    booking = _locked(booking)
    _require_status(booking, (BookingStatus.AANGEVRAAGD,), _("Alleen een aangevraagde boeking kan worden bevestigd."))
    errors = Errors()
    if medewerker is None:
        errors.add("medewerker", _("Kies de medewerker die de ondersteuning geeft."))
    checks.check_medewerker(errors, medewerker)
    errors.raise_if_any()
    checks.lock_resources(None, medewerker)
    slot = Slot(
        date=booking.date,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        planned_hours=booking.planned_hours,
        room=None,
        medewerker=medewerker,
        exclude_pk=booking.pk,
    )
    checks.check_conflicts(errors, [slot], detailed=True)
    errors.raise_if_any()
    booking.medewerker = medewerker
    booking.status = BookingStatus.BEVESTIGD
    booking.confirmed_by, booking.confirmed_at = actor, timezone.now()
    booking.sequence += 1
    save_booking(booking)
    return booking


@transaction.atomic
def booking_realise(*, actor: User, booking: Booking, realised_hours: Decimal | None) -> Booking:
    """Report a confirmed booking as carried out with the hours actually spent (also to correct them later)."""
    require_staff(actor)
    booking = _locked(booking)
    _require_status(
        booking,
        (BookingStatus.BEVESTIGD, BookingStatus.UITGEVOERD),
        _("Alleen een bevestigde boeking kan als uitgevoerd worden gemeld."),
    )
    if booking.date > timezone.localdate():
        raise ValidationError(
            {
                "realised_hours": _("Deze boeking ligt in de toekomst: meld de uren op of na %(day)s.")
                % {"day": checks.fmt_day(booking.date)}
            }
        )
    if realised_hours is None or not (Decimal("0.25") <= realised_hours <= checks.MAX_HOURS):
        raise ValidationError({"realised_hours": _("Vul de gewerkte uren in: tussen 0,25 en 24.")})
    booking.realised_hours = realised_hours
    booking.status = BookingStatus.UITGEVOERD
    booking.realised_at = timezone.now()
    save_booking(booking)
    return booking


@transaction.atomic
def booking_cancel(*, actor: User, booking: Booking, reason: str) -> Booking:
    """Cancel a booking that was not carried out, with a reason. A ketenpartner only for their own organisation."""
    booking = _locked(booking)
    if not checks.is_staff(actor) and not (
        actor.has_role(Role.KETENPARTNER) and booking.organisation_id == actor.organisation_id
    ):
        raise PermissionDenied(_("U kunt alleen boekingen van uw eigen organisatie annuleren."))
    _require_status(booking, EDITABLE, _("Deze boeking is al uitgevoerd of geannuleerd."))
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Vul de reden van de annulering in.")})
    booking.status = BookingStatus.GEANNULEERD
    booking.cancel_reason = reason.strip()
    booking.cancelled_at = timezone.now()
    booking.sequence += 1
    save_booking(booking)
    return booking


def realised_week_warning(booking: Booking) -> str:
    """A Dutch warning when the realised hours of the booking's week exceed the budget ('' otherwise)."""
    monday = week_start(booking.date)
    figures = partner_period(booking.organisation, monday, monday + timedelta(days=7))
    realised = figures.weeks[0].realised if figures.weeks else Decimal(0)
    budget = week_budget(agreements_for(booking.organisation), monday)
    if realised <= budget:
        return ""
    return _(
        "Let op: voor %(partner)s is in week %(week)s nu %(realised)s uur gerealiseerd, "
        "boven het budget van %(budget)s uur."
    ) % {
        "partner": booking.organisation.name,
        "week": monday.isocalendar()[1],
        "realised": checks.fmt_hours(realised),
        "budget": checks.fmt_hours(budget),
    }
