"""Test data for facilitering, made through the services so every rule applies."""

from datetime import date, time
from decimal import Decimal

from facilitering import services
from facilitering.choices import OverlegType, SupportKind
from facilitering.models import Room
from zvh.accounts.choices import OrganisationType, Role

from ..conftest import make_user
from ..factories import OrganisationFactory

MASS = "MaSS"


def room(name: str = "Mark", capacity: int = 12) -> Room:
    return Room.objects.filter(name=name).first() or services.room_create(name=name, capacity=capacity)


def organisation(name: str = MASS):
    return OrganisationFactory(name=name, type=OrganisationType.MASS)


def secretariaat(username: str = "sec", **kwargs):
    return make_user(Role.SECRETARIAAT, username=username, first_name="Sanne", last_name=f"Smits {username}", **kwargs)


def partner_user(org, username: str = "partner"):
    return make_user(Role.KETENPARTNER, username=username, organisation=org)


def agreement(org, *, hours=Decimal(8), types=(OverlegType.MASS_CASUSOVERLEG,), start=date(2022, 1, 1), until=None):
    actor = secretariaat("afspraak-sec")
    return services.agreement_create(
        actor=actor,
        organisation=org,
        overleg_types=list(types),
        hours_per_week=Decimal(hours),
        valid_from=start,
        valid_until=until,
    )


def book(actor, org, **overrides):
    """One booking (or a series) with sensible defaults; returns the list of bookings."""
    values = {
        "organisation": org,
        "overleg_type": OverlegType.MASS_CASUSOVERLEG,
        "title": "MaSS casusoverleg Breda",
        "date": date(2022, 9, 12),
        "start_time": time(10),
        "end_time": time(12),
        "support_kinds": [SupportKind.NOTULEREN, SupportKind.ZAALRESERVERING],
        "room": room(),
    }
    values.update(overrides)
    return services.booking_request(actor=actor, details=services.BookingRequest(**values))
