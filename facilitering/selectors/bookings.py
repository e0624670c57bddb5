"""Reads of bookings, series and agreements, scoped to the user.

The secretariaat sees everything; a ketenpartner sees only their own organisation's. Anything outside the user's
scope does not exist for them (404).
"""

from datetime import date, timedelta

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from zvh.accounts.choices import Role
from zvh.accounts.models import Organisation, User
from zvh.persons.sorting import users_op_naam

from ..models import Agreement, Booking, Room, Series

FEED_HISTORY_DAYS = 180


def _scope(queryset: QuerySet, user: User, organisation_field: str = "organisation") -> QuerySet:
    if user.has_role(Role.SECRETARIAAT):
        return queryset
    if user.has_role(Role.KETENPARTNER):
        return queryset.filter(**{organisation_field: user.organisation_id})
    return queryset.none()


def bookings_for_user(user: User) -> QuerySet[Booking]:
    return _scope(Booking.objects.all(), user).select_related("organisation", "room", "medewerker", "series")


def booking_get_for_user(*, user: User, pk: int) -> Booking:
    """The one gateway to a single booking."""
    return get_object_or_404(bookings_for_user(user).select_related("requested_by", "confirmed_by"), pk=pk)


def series_get_for_user(*, user: User, pk: int) -> Series:
    return get_object_or_404(_scope(Series.objects.select_related("organisation", "room"), user), pk=pk)


def series_occurrences(series: Series) -> QuerySet[Booking]:
    return series.bookings.select_related("room", "medewerker").order_by("date", "start_time")


def agreements_for_user(user: User) -> QuerySet[Agreement]:
    queryset = Agreement.objects.select_related("organisation", "contact")
    if user.has_role(Role.SECRETARIAAT, Role.MANAGER):
        return queryset
    if user.has_role(Role.KETENPARTNER):
        return queryset.filter(organisation=user.organisation_id)
    return queryset.none()


def agreement_get_for_user(*, user: User, pk: int) -> Agreement:
    return get_object_or_404(agreements_for_user(user), pk=pk)


def partners_for_booking(user: User) -> QuerySet[Organisation]:
    """Organisations the user may book support for: with an agreement, and for a ketenpartner only their own."""
    queryset = Organisation.objects.filter(facilitering_agreements__isnull=False).distinct().order_by("name")
    return _scope(queryset, user, organisation_field="pk")


def active_rooms() -> QuerySet[Room]:
    return Room.objects.filter(active=True).order_by("name")


def secretariaat_medewerkers() -> QuerySet[User]:
    return users_op_naam(User.objects.filter(is_active=True, groups__name=Role.SECRETARIAAT))


def partner_contacts() -> QuerySet[User]:
    return users_op_naam(
        User.objects.filter(is_active=True, groups__name=Role.KETENPARTNER).select_related("organisation"),
        "organisation__name",
    )


def bookings_for_feed(user: User, *, today: date) -> QuerySet[Booking]:
    """A user's own bookings for their calendar: assigned to them or requested by them (recent and future)."""
    return (
        Booking.objects.filter(Q(medewerker=user) | Q(requested_by=user))
        .filter(date__gte=today - timedelta(days=FEED_HISTORY_DAYS))
        .select_related("organisation", "room", "medewerker")
        .order_by("starts_at")
    )
