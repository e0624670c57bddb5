"""Demo data for facilitering: the three agreements of jaarplan 2022, ZVH rooms, contact persons, and bookings.

Bookings cover 2022 (carried out with realised hours, some cancelled, some over budget with a reason) and the
coming six weeks (confirmed, and requests waiting for the secretariaat). Idempotent: rooms, users and agreements
are only made when missing, bookings only when there are none yet.
"""

import random
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from zvh.accounts import services as account_services
from zvh.accounts.choices import Role
from zvh.accounts.demo import DEMO_PASSWORD, VEILIG_THUIS, ZVH, DemoUser, totp_key_hex
from zvh.accounts.models import Organisation, User

from . import services
from .choices import Frequency, OverlegType, SupportKind
from .models import Agreement, Booking, Room
from .periods import week_start

ROOMS = [
    ("Baroniezaal", 20, "Begane grond"),
    ("Mark", 12, "Eerste verdieping"),
    ("Aa of Weerijs", 8, "Eerste verdieping"),
    ("Spreekkamer", 4, "Begane grond"),
]
USERS = [
    DemoUser("mass", Role.KETENPARTNER, "MaSS", "Mila", "Martens", "Coördinator MaSS"),
    DemoUser("kr8", Role.KETENPARTNER, "KR8-kollektief", "Karim", "Achterberg", "Coördinator KR8-kollektief"),
    DemoUser("secretariaat2", Role.SECRETARIAAT, ZVH, "Ilse", "de Wit", "Administratief medewerker"),
]
AGREEMENTS = [  # jaarplan 2022: MaSS 8, VT 32, KR8 11 uur per week (also in 2020 and 2021, so continued)
    ("MaSS", [OverlegType.MASS_CASUSOVERLEG], Decimal(8), "mass"),
    (VEILIG_THUIS, [OverlegType.VT_ACTIEOVERLEG, OverlegType.SCENARIOTEAM_SEKSUEEL_GEWELD], Decimal(32), "veiligthuis"),
    ("KR8-kollektief", [OverlegType.KR8_OVERLEG], Decimal(11), "kr8"),
]
AGREEMENT_START = date(2022, 1, 1)
ALL_SUPPORT = [SupportKind.AGENDABEHEER, SupportKind.UITNODIGINGEN, SupportKind.NOTULEREN, SupportKind.ZAALRESERVERING]


@dataclass(frozen=True)
class Pattern:
    partner: str
    overleg_type: str
    title: str
    weekday: int  # 0 = Monday
    start: time
    end: time
    room: str
    planned: Decimal
    frequency: str
    medewerker: str
    requester: str


# Every demo overleg ends by 16:00: the browser tests book the late afternoon without clashing with demo data.
PATTERNS = [
    Pattern(
        VEILIG_THUIS,
        OverlegType.VT_ACTIEOVERLEG,
        "VT Actieoverleg (dinsdag)",
        1,
        time(9),
        time(12),
        "Baroniezaal",
        Decimal(12),
        Frequency.WEEKLY,
        "secretariaat",
        "veiligthuis",
    ),
    Pattern(
        VEILIG_THUIS,
        OverlegType.VT_ACTIEOVERLEG,
        "VT Actieoverleg (donderdag)",
        3,
        time(9),
        time(12),
        "Baroniezaal",
        Decimal(12),
        Frequency.WEEKLY,
        "secretariaat",
        "veiligthuis",
    ),
    Pattern(
        VEILIG_THUIS,
        OverlegType.SCENARIOTEAM_SEKSUEEL_GEWELD,
        "Scenarioteam Seksueel geweld",
        2,
        time(13),
        time(15, 30),
        "Mark",
        Decimal(6),
        Frequency.BIWEEKLY,
        "secretariaat2",
        "veiligthuis",
    ),
    Pattern(
        "MaSS",
        OverlegType.MASS_CASUSOVERLEG,
        "MaSS casusoverleg Breda",
        0,
        time(13),
        time(15),
        "Mark",
        Decimal(4),
        Frequency.WEEKLY,
        "secretariaat",
        "mass",
    ),
    Pattern(
        "MaSS",
        OverlegType.MASS_CASUSOVERLEG,
        "MaSS casusoverleg Oosterhout",
        2,
        time(9, 30),
        time(11, 30),
        "Aa of Weerijs",
        Decimal(4),
        Frequency.BIWEEKLY,
        "secretariaat2",
        "mass",
    ),
    Pattern(
        "KR8-kollektief",
        OverlegType.KR8_OVERLEG,
        "KR8 casusoverleg",
        4,
        time(10),
        time(12),
        "Mark",
        Decimal(5),
        Frequency.WEEKLY,
        "secretariaat2",
        "kr8",
    ),
    Pattern(
        "KR8-kollektief",
        OverlegType.KR8_OVERLEG,
        "KR8 overleg jeugd",
        0,
        time(10),
        time(12),
        "Aa of Weerijs",
        Decimal(5),
        Frequency.BIWEEKLY,
        "secretariaat2",
        "kr8",
    ),
]
# One-off extra overleggen in 2022 that take the week over budget: (pattern index, ISO week, planned, reason).
EXTRAS = [
    (0, 11, Decimal(10), "Extra Actieoverleg wegens verhoogde instroom na de coronamaatregelen."),
    (0, 41, Decimal(10), "Extra Actieoverleg: achterstand na de zomer wegwerken."),
    (3, 15, Decimal(5), "Extra casusoverleg na signalen uit de wijkteams."),
    (3, 38, Decimal(5), "Extra casusoverleg voor de gemeente Drimmelen."),
]
RECESS_WEEKS = {30: "Zomerreces: het overleg vervalt.", 31: "Zomerreces: het overleg vervalt.", 52: "Kerstreces."}
COMING_WEEKS = 6


def seed(stdout=None, **options) -> None:
    rooms = _seed_rooms()
    users = _seed_users()
    _seed_agreements(users)
    if Booking.objects.exists():
        return
    rng = random.Random(2022)  # noqa: S311 - demo variation, not security
    _seed_2022(rooms, users, rng)
    _seed_coming_weeks(rooms, users)
    if stdout is not None:
        stdout.write(f"Facilitering: {Booking.objects.count()} demoboekingen.")


def _seed_rooms() -> dict[str, Room]:
    rooms = {room.name: room for room in Room.objects.all()}
    for name, capacity, location in ROOMS:
        if name not in rooms:
            rooms[name] = services.room_create(name=name, capacity=capacity, location=location)
    return rooms


def _seed_users() -> dict[str, User]:
    for spec in USERS:
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            user = account_services.user_create(
                username=spec.username,
                organisation=Organisation.objects.get(name=spec.organisation),
                role=spec.role,
                password=DEMO_PASSWORD,
                first_name=spec.first_name,
                last_name=spec.last_name,
                email=f"{spec.username}@demo.zvh.invalid",
                function_title=spec.function_title,
            )
        if not TOTPDevice.objects.filter(user=user).exists():
            TOTPDevice.objects.create(user=user, name="default", key=totp_key_hex(), confirmed=True)
    names = {spec.username for spec in USERS} | {"secretariaat", "veiligthuis"}
    return {user.username: user for user in User.objects.filter(username__in=names)}


def _seed_agreements(users: dict[str, User]) -> None:
    actor = users["secretariaat"]
    for partner, overleg_types, hours, contact in AGREEMENTS:
        organisation = Organisation.objects.get(name=partner)
        if Agreement.objects.filter(organisation=organisation).exists():
            continue
        services.agreement_create(
            actor=actor,
            organisation=organisation,
            overleg_types=overleg_types,
            hours_per_week=hours,
            valid_from=AGREEMENT_START,
            contact=users[contact],
            notes="Jaarplan 2022: continueren van administratieve ondersteuning t.b.v. casusoverleg.",
        )


def _first_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _book(pattern: Pattern, rooms, users, *, actor: User, first: date, until: date | None, **extra):
    planned = extra.pop("planned", pattern.planned)
    details = services.BookingRequest(
        organisation=Organisation.objects.get(name=pattern.partner),
        overleg_type=pattern.overleg_type,
        title=pattern.title,
        date=first,
        start_time=pattern.start,
        end_time=pattern.end,
        room=rooms[pattern.room],
        support_kinds=ALL_SUPPORT,
        planned_hours=planned,
        frequency=pattern.frequency if until else "",
        until=until,
        **extra,
    )
    return services.booking_request(actor=actor, details=details)


def _seed_2022(rooms, users, rng: random.Random) -> None:
    staff = users["secretariaat"]
    bookings = []
    for pattern in PATTERNS:
        first = _first_on_or_after(date(2022, 1, 3), pattern.weekday)
        bookings += _book(
            pattern,
            rooms,
            users,
            actor=staff,
            first=first,
            until=date(2022, 12, 30),
            medewerker=users[pattern.medewerker],
        )
    for index, week, planned, reason in EXTRAS:
        pattern = PATTERNS[index]
        day = date.fromisocalendar(2022, week, 3)  # a Wednesday afternoon, in the Spreekkamer
        extra = _extra(pattern)
        bookings += _book(
            extra,
            rooms,
            users,
            actor=staff,
            first=day,
            until=None,
            planned=planned,
            medewerker=users["secretariaat"],
            over_budget_reason=reason,
        )
    for booking in bookings:
        _finish_2022(booking, staff, rng)


def _extra(pattern: Pattern) -> Pattern:
    """A one-off extra meeting of a partner: Wednesday afternoon in the Spreekkamer."""
    title = f"Extra {OverlegType(pattern.overleg_type).label}"
    return Pattern(**{**pattern.__dict__, "title": title, "start": time(13), "end": time(15), "room": "Spreekkamer"})


def _finish_2022(booking: Booking, staff: User, rng: random.Random) -> None:
    week = booking.date.isocalendar()[1]
    if week in RECESS_WEEKS:
        services.booking_cancel(actor=staff, booking=booking, reason=RECESS_WEEKS[week])
    elif rng.random() < 0.04:
        services.booking_cancel(actor=staff, booking=booking, reason="Overleg vervalt op verzoek van de partner.")
    else:
        variation = Decimal(rng.choice([-1, -0.5, 0, 0, 0, 0.5, 1, 2]))
        hours = max(Decimal("0.5"), booking.planned_hours + variation)
        services.booking_realise(actor=staff, booking=booking, realised_hours=hours)


def _seed_coming_weeks(rooms, users) -> None:
    """Six weeks from next Monday: VT confirmed, MaSS and KR8 requested by their contacts (KR8 confirmed)."""
    monday = week_start(timezone.localdate()) + timedelta(days=7)
    until = monday + timedelta(weeks=COMING_WEEKS) - timedelta(days=1)
    staff = users["secretariaat"]
    for pattern in PATTERNS:
        first = _first_on_or_after(monday, pattern.weekday)
        if pattern.partner == VEILIG_THUIS:
            _book(pattern, rooms, users, actor=staff, first=first, until=until, medewerker=users[pattern.medewerker])
            continue
        bookings = _book(pattern, rooms, users, actor=users[pattern.requester], first=first, until=until)
        if pattern.partner == "KR8-kollektief":
            services.series_confirm(actor=staff, series=bookings[0].series, medewerker=users[pattern.medewerker])
    extra = _extra(PATTERNS[0])
    _book(
        extra,
        rooms,
        users,
        actor=staff,
        first=monday + timedelta(days=9),
        until=None,
        planned=Decimal(10),
        medewerker=users["secretariaat"],
        over_budget_reason="Extra Actieoverleg: veel nieuwe meldingen.",
    )
    cancelled = Booking.objects.filter(title="MaSS casusoverleg Breda", date__gte=monday).order_by("date").first()
    services.booking_cancel(actor=users["mass"], booking=cancelled, reason="Vervalt: studiedag van het wijkteam.")
