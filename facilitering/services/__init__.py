"""All writes of the facilitering app."""

from .agreements import agreement_create, agreement_update
from .bookings import (
    BookingRequest,
    booking_cancel,
    booking_confirm,
    booking_realise,
    booking_request,
    booking_request_errors,
    booking_update,
    realised_week_warning,
)
from .feeds import feed_token, feed_token_create, feed_token_revoke
from .rooms import room_create
from .series import series_cancel, series_confirm

__all__ = [
    "BookingRequest",
    "agreement_create",
    "agreement_update",
    "booking_cancel",
    "booking_confirm",
    "booking_realise",
    "booking_request",
    "booking_request_errors",
    "booking_update",
    "feed_token",
    "feed_token_create",
    "feed_token_revoke",
    "realised_week_warning",
    "room_create",
    "series_cancel",
    "series_confirm",
]
