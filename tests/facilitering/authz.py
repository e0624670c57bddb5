"""Facilitering URLs in the authorization matrix.

The world's ketenpartner belongs to "Politie", which has no agreement: bookings of MaSS are outside their scope
(404). ``build_world`` adds the objects these URLs need; the kwargs call it themselves, so the entries also work
when the matrix test does not call the hook.
"""

from datetime import time, timedelta
from decimal import Decimal

from django.utils import timezone

from tests.authz import FORBIDDEN, NOT_FOUND, OK, SETUP, expect, only
from zvh.accounts.choices import Role

KEY = "facilitering"


def build_world(world: dict) -> None:
    """A MaSS agreement, a confirmed booking of last week (to realise) and a requested weekly series."""
    if KEY in world:
        return
    from facilitering import services
    from facilitering.choices import Frequency, OverlegType, SupportKind
    from tests.facilitering import factories

    org = factories.organisation("MaSS (matrix)")
    agreement = factories.agreement(org, start=timezone.localdate() - timedelta(days=60))
    staff = factories.secretariaat("matrix-sec")
    room = factories.room("Matrixzaal", 10)
    common = {
        "organisation": org,
        "overleg_type": OverlegType.MASS_CASUSOVERLEG,
        "title": "MaSS casusoverleg",
        "start_time": time(10),
        "end_time": time(11),
        "support_kinds": [SupportKind.NOTULEREN, SupportKind.ZAALRESERVERING],
        "room": room,
    }
    [booking] = services.booking_request(
        actor=staff,
        details=services.BookingRequest(date=timezone.localdate() - timedelta(days=7), medewerker=staff, **common),
    )
    series = services.booking_request(
        actor=staff,
        details=services.BookingRequest(
            date=timezone.localdate() + timedelta(days=7),
            frequency=Frequency.WEEKLY,
            until=timezone.localdate() + timedelta(days=21),
            planned_hours=Decimal(1),
            **common,
        ),
    )[0].series
    world[KEY] = {"agreement": agreement, "booking": booking, "series": series}


def _get(world: dict, name: str):
    build_world(world)
    return world[KEY][name]


def booking(world: dict) -> dict:
    return {"pk": _get(world, "booking").pk}


def series(world: dict) -> dict:
    return {"pk": _get(world, "series").pk}


def agreement(world: dict) -> dict:
    return {"pk": _get(world, "agreement").pk}


STAFF_OR_PARTNER = {Role.SECRETARIAAT: OK, Role.KETENPARTNER: OK}
# Per object: the secretariaat sees it, the Politie ketenpartner does not (another organisation's), others 403.
OWN_ORG_ONLY = {Role.SECRETARIAAT: OK, Role.KETENPARTNER: NOT_FOUND}

MATRIX = {
    "facilitering:booking_list": expect(default=FORBIDDEN, **STAFF_OR_PARTNER),
    "facilitering:booking_create": expect(default=FORBIDDEN, **STAFF_OR_PARTNER),
    "facilitering:booking_detail": expect(default=FORBIDDEN, kwargs=booking, **OWN_ORG_ONLY),
    "facilitering:booking_update": only(Role.SECRETARIAAT, kwargs=booking),
    "facilitering:booking_confirm": only(Role.SECRETARIAAT, kwargs=booking),
    "facilitering:booking_realise": only(Role.SECRETARIAAT, kwargs=booking),
    "facilitering:booking_cancel": expect(default=FORBIDDEN, kwargs=booking, **OWN_ORG_ONLY),
    "facilitering:booking_ics": expect(default=FORBIDDEN, kwargs=booking, **OWN_ORG_ONLY),
    "facilitering:series_detail": expect(default=FORBIDDEN, kwargs=series, **OWN_ORG_ONLY),
    "facilitering:series_confirm": only(Role.SECRETARIAAT, kwargs=series),
    "facilitering:series_cancel": expect(default=FORBIDDEN, kwargs=series, **OWN_ORG_ONLY),
    "facilitering:calendar": expect(default=FORBIDDEN, **STAFF_OR_PARTNER),
    "facilitering:budget_overview": only(Role.SECRETARIAAT, Role.MANAGER),
    "facilitering:agreement_list": only(Role.SECRETARIAAT, Role.MANAGER, Role.KETENPARTNER),
    "facilitering:agreement_create": only(Role.SECRETARIAAT),
    "facilitering:agreement_update": only(Role.SECRETARIAAT, kwargs=agreement),
    "facilitering:feed_settings": expect(default=FORBIDDEN, **STAFF_OR_PARTNER),
    # The feed is for calendar programs (no login): an unknown token is 404 for everyone. A logged-in user who has
    # not set up 2FA is sent to the enrolment first, like everywhere.
    "facilitering:feed": expect(
        anon=NOT_FOUND, unverified=SETUP, default=NOT_FOUND, kwargs=lambda world: {"token": "onbekend-" + "x" * 40}
    ),
}
