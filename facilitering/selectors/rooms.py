"""The room calendar of the ZVH is shared: facilitering bookings and casusoverleggen take the same rooms."""

from datetime import datetime

from django.db.models import QuerySet

from ..choices import ACTIVE_STATUSES
from ..models import Booking


def room_bookings_between(*, room_ids, starts_at: datetime, ends_at: datetime) -> QuerySet[Booking]:
    """Active bookings that hold one of these rooms at some moment in [starts_at, ends_at)."""
    return Booking.objects.filter(
        room__in=room_ids, status__in=ACTIVE_STATUSES, starts_at__lt=ends_at, ends_at__gt=starts_at
    ).select_related("organisation", "room")
