"""Writes on a whole series: confirm and assign all requested occurrences, cancel the remaining occurrences."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role
from zvh.accounts.models import User

from ..choices import BookingStatus
from ..models import Booking, Series
from . import checks
from .bookings import EDITABLE, require_staff, save_booking
from .checks import Errors, Slot


def _occurrences(series: Series, statuses: tuple[str, ...], from_date: date | None = None) -> list[Booking]:
    queryset = Booking.objects.select_for_update().filter(series=series, status__in=statuses)
    if from_date is not None:
        queryset = queryset.filter(date__gte=from_date)
    return list(queryset.order_by("date"))


@transaction.atomic
def series_confirm(*, actor: User, series: Series, medewerker: User | None) -> list[Booking]:
    """Confirm every requested occurrence and assign one medewerker, who must be free on all those dates."""
    require_staff(actor)
    errors = Errors()
    if medewerker is None:
        errors.add("medewerker", _("Kies de medewerker die de ondersteuning geeft."))
    checks.check_medewerker(errors, medewerker)
    errors.raise_if_any()
    checks.lock_resources(None, medewerker)
    bookings = _occurrences(series, (BookingStatus.AANGEVRAAGD,))
    if not bookings:
        raise ValidationError(_("Deze reeks heeft geen aangevraagde boekingen meer om te bevestigen."))
    slots = [
        Slot(
            date=b.date,
            starts_at=b.starts_at,
            ends_at=b.ends_at,
            planned_hours=b.planned_hours,
            room=None,
            medewerker=medewerker,
            exclude_pk=b.pk,
        )
        for b in bookings
    ]
    checks.check_conflicts(errors, slots, detailed=True)
    errors.raise_if_any()
    now = timezone.now()
    for booking in bookings:
        booking.medewerker = medewerker
        booking.status = BookingStatus.BEVESTIGD
        booking.confirmed_by, booking.confirmed_at = actor, now
        booking.sequence += 1
        save_booking(booking)
    return bookings


@transaction.atomic
def series_cancel(*, actor: User, series: Series, from_date: date | None, reason: str) -> list[Booking]:
    """Cancel all occurrences on or after ``from_date`` that were not carried out yet."""
    if not checks.is_staff(actor) and not (
        actor.has_role(Role.KETENPARTNER) and series.organisation_id == actor.organisation_id
    ):
        raise PermissionDenied(_("U kunt alleen reeksen van uw eigen organisatie annuleren."))
    errors = Errors()
    if from_date is None:
        errors.add("from_date", _("Vul in vanaf welke datum de reeks vervalt."))
    if not (reason or "").strip():
        errors.add("reason", _("Vul de reden van de annulering in."))
    errors.raise_if_any()
    bookings = _occurrences(series, EDITABLE, from_date)
    if not bookings:
        raise ValidationError({"from_date": _("Vanaf deze datum zijn er geen boekingen meer om te annuleren.")})
    now = timezone.now()
    for booking in bookings:
        booking.status = BookingStatus.GEANNULEERD
        booking.cancel_reason = reason.strip()
        booking.cancelled_at = now
        booking.sequence += 1
        save_booking(booking)
    return bookings
