"""Budget figures: hours booked and realised against the weekly budget, per ISO week and per period.

Rules (also on the budget page):
- A week is an ISO week, Monday to Sunday, in Europe/Amsterdam time. The budget of a week is that of the partner's
  agreement that overlaps the week and started last (a new agreement takes over in the week it starts).
- Booked hours are the planned hours of all bookings that are not cancelled; realised hours are the hours reported
  for bookings carried out.
- For a period (a quarter) bookings count by the moment they start, within the half-open period; the number of weeks
  is the number of days divided by seven, and the budget per week is averaged over those days.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from zvh.accounts.models import Organisation

from ..choices import ACTIVE_STATUSES, BookingStatus
from ..models import Agreement, Booking
from ..periods import local_midnight, week_start, weeks_in

ZERO = Decimal("0")
CENT = Decimal("0.01")


def agreements_for(organisation: Organisation) -> list[Agreement]:
    return list(Agreement.objects.filter(organisation=organisation).order_by("valid_from"))


def week_budget(agreements: list[Agreement], monday: date) -> Decimal:
    sunday = monday + timedelta(days=6)
    overlapping = [
        a for a in agreements if a.valid_from <= sunday and (a.valid_until is None or a.valid_until >= monday)
    ]
    return max(overlapping, key=lambda a: a.valid_from).hours_per_week if overlapping else ZERO


def day_budget(agreements: list[Agreement], day: date) -> Decimal:
    """Hours per week of the agreement valid on ``day`` (0 without one)."""
    valid = [a for a in agreements if a.covers(day)]
    return max(valid, key=lambda a: a.valid_from).hours_per_week if valid else ZERO


def average_budget_per_week(agreements: list[Agreement], start: date, end: date) -> Decimal:
    days = (end - start).days
    if days <= 0:
        return ZERO
    total = sum((day_budget(agreements, start + timedelta(days=i)) for i in range(days)), ZERO)
    return (total / days).quantize(CENT)


def _active_bookings(organisation: Organisation) -> QuerySet[Booking]:
    return Booking.objects.filter(organisation=organisation, status__in=ACTIVE_STATUSES)


def booked_hours_per_week(
    organisation: Organisation, mondays: list[date], *, exclude_pks: list[int] = ()
) -> dict[date, Decimal]:
    """Planned hours of the partner's active bookings per ISO week (keys: the Mondays asked for)."""
    totals: dict[date, Decimal] = defaultdict(lambda: ZERO)
    if not mondays:
        return totals
    rows = (
        _active_bookings(organisation)
        .filter(date__gte=min(mondays), date__lt=max(mondays) + timedelta(days=7))
        .exclude(pk__in=list(exclude_pks))
        .values_list("date", "planned_hours")
    )
    for day, hours in rows:
        totals[week_start(day)] += hours
    return totals


@dataclass
class WeekFigures:
    monday: date
    budget: Decimal
    booked: Decimal = ZERO
    realised: Decimal = ZERO
    partial: bool = False  # the week lies partly outside the period shown

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def week_number(self) -> int:
        return self.monday.isocalendar()[1]

    @property
    def over_booked(self) -> bool:
        return self.booked > self.budget

    @property
    def over_realised(self) -> bool:
        return self.realised > self.budget


@dataclass
class PartnerPeriod:
    organisation: Organisation
    start: date
    end: date  # exclusive
    budget_per_week: Decimal
    booked: Decimal
    realised: Decimal
    weeks: list[WeekFigures] = field(default_factory=list)

    @property
    def week_count(self) -> Decimal:
        return weeks_in(self.start, self.end)

    @property
    def budget_total(self) -> Decimal:
        return (self.budget_per_week * self.week_count).quantize(CENT)

    @property
    def realised_per_week(self) -> Decimal:
        return realised_per_week(self.realised, self.start, self.end)

    @property
    def booked_per_week(self) -> Decimal:
        return realised_per_week(self.booked, self.start, self.end)

    @property
    def weeks_over_budget(self) -> int:
        return sum(1 for week in self.weeks if week.over_booked or week.over_realised)


def realised_per_week(total: Decimal, start: date, end: date) -> Decimal:
    weeks = weeks_in(start, end)
    return (total / weeks).quantize(CENT) if weeks else ZERO


def period_totals(organisation: Organisation, start: date, end: date) -> tuple[Decimal, Decimal]:
    """(booked, realised) hours of bookings starting in [start, end) local time."""
    rows = _active_bookings(organisation).filter(
        starts_at__gte=local_midnight(start), starts_at__lt=local_midnight(end)
    )
    booked = rows.aggregate(total=Sum("planned_hours"))["total"] or ZERO
    realised = rows.filter(status=BookingStatus.UITGEVOERD).aggregate(total=Sum("realised_hours"))["total"] or ZERO
    return booked, realised


def partner_period(organisation: Organisation, start: date, end: date, *, with_weeks: bool = True) -> PartnerPeriod:
    agreements = agreements_for(organisation)
    booked, realised = period_totals(organisation, start, end)
    result = PartnerPeriod(
        organisation=organisation,
        start=start,
        end=end,
        budget_per_week=average_budget_per_week(agreements, start, end),
        booked=booked,
        realised=realised,
    )
    if with_weeks:
        result.weeks = _weeks(organisation, agreements, start, end)
    return result


def _weeks(organisation: Organisation, agreements: list[Agreement], start: date, end: date) -> list[WeekFigures]:
    first, last = week_start(start), week_start(end - timedelta(days=1))
    weeks: dict[date, WeekFigures] = {}
    monday = first
    while monday <= last:
        partial = monday < start or monday + timedelta(days=7) > end
        weeks[monday] = WeekFigures(monday=monday, budget=week_budget(agreements, monday), partial=partial)
        monday += timedelta(days=7)
    rows = _active_bookings(organisation).filter(date__gte=first, date__lt=last + timedelta(days=7))
    for day, status, planned, realised in rows.values_list("date", "status", "planned_hours", "realised_hours"):
        week = weeks[week_start(day)]
        week.booked += planned
        if status == BookingStatus.UITGEVOERD and realised is not None:
            week.realised += realised
    return list(weeks.values())


def partners_with_agreement(start: date, end: date) -> QuerySet[Organisation]:
    """Partners whose agreement overlaps [start, end)."""
    return (
        Organisation.objects.filter(
            Q(facilitering_agreements__valid_from__lt=end)
            & (
                Q(facilitering_agreements__valid_until__isnull=True)
                | Q(facilitering_agreements__valid_until__gte=start)
            )
        )
        .distinct()
        .order_by("name")
    )


def budget_overview(start: date, end: date) -> list[PartnerPeriod]:
    return [partner_period(org, start, end) for org in partners_with_agreement(start, end)]
