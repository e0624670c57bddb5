"""Scale data for facilitering (``seed_demo --scale N``, after ``cases.scale``): bookings of administrative support.

Jaarplan 2022 gives the support per ZVH per week (MaSS 8, VT 32, KR8 11 uur); the demo's weekly and biweekly
overleggen (``demo.PATTERNS``) carry it out. Scale data repeats those patterns for 30 ZVHs over 8 years at 250,000
cases (≈ 0.27 bookings per case), each ZVH with its own secretariaat account (``secretariaat-schaal-NN``, no login):
past ones carried out (some cancelled), the coming six weeks confirmed or requested. No room (30 ZVHs do not share
one building) and no client data. Idempotent: a ZVH that has its bookings is skipped.
"""

import random
from datetime import datetime, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from cases.scale import scale_cases
from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation, User
from zvh.core.bulk import field, historic_timestamps

from .choices import BookingStatus, Frequency
from .demo import ALL_SUPPORT, PATTERNS
from .models import Booking
from .periods import week_start

CHUNK = 5000
ZVH_YEARS_PER_CASE = 30 * 8 / 250_000
SCALE_NOTE = "Ondersteuning volgens de faciliteringsafspraak."
COMING_DAYS = 42
YEARS = 8


def bookings_per_zvh_year() -> float:  # for the README
    return sum(52 / (2 if p.frequency == Frequency.BIWEEKLY else 1) for p in PATTERNS)


def seed_scale(stdout=None) -> int:
    """One ZVH-equivalent at a time: its own secretariaat medewerker, every week of 8 years, every pattern."""
    zvhs = max(1, round(scale_cases().count() * ZVH_YEARS_PER_CASE / YEARS))
    partners = {o.name: o for o in Organisation.objects.filter(name__in={p.partner for p in PATTERNS})}
    patterns = [p for p in PATTERNS if p.partner in partners]
    zvh = Organisation.objects.filter(type=OrganisationType.ZVH).order_by("pk").first()
    if not patterns or zvh is None:
        return 0
    requesters = {u.username: u for u in User.objects.filter(username__in={p.requester for p in PATTERNS})}
    today = timezone.localdate()
    first_monday = week_start(today - timedelta(days=round(YEARS * 365.25)))
    added = 0
    for number in range(1, zvhs + 1):
        medewerker = _medewerker(zvh, number)
        if Booking.objects.filter(medewerker=medewerker, notes=SCALE_NOTE).exists():
            continue
        rnd = random.Random(number)  # noqa: S311 - reproducible benchmark data
        rows = []
        for pattern in patterns:
            step = 2 if pattern.frequency == Frequency.BIWEEKLY else 1
            monday = first_monday + timedelta(weeks=rnd.randrange(step))
            while monday <= today + timedelta(days=COMING_DAYS):
                rows.append(_booking(rnd, pattern, monday, today, partners, requesters, medewerker))
                monday += timedelta(weeks=step)
        with transaction.atomic(), historic_timestamps(field(Booking, "created_at"), field(Booking, "updated_at")):
            Booking.objects.bulk_create(rows, batch_size=CHUNK)
        added += len(rows)
    if stdout is not None:
        stdout.write(f"  facilitering: {added} boekingen toegevoegd ({zvhs} ZVH's)")
    return added


def _medewerker(zvh: Organisation, number: int) -> User:
    """The secretariaat of ZVH-equivalent ``number``: an account without password or second factor (no login)."""
    username = f"secretariaat-schaal-{number:02d}"
    user = User.objects.filter(username=username).first()
    if user is None:
        from zvh.accounts import services

        user = services.user_create(
            username=username,
            organisation=zvh,
            role=Role.SECRETARIAAT,
            first_name="Secretariaat",
            last_name=str(number),
        )
    return user


def _booking(rnd, pattern, monday, today, partners, requesters, medewerker) -> Booking:
    day = monday + timedelta(days=pattern.weekday)
    starts = timezone.make_aware(datetime.combine(day, pattern.start))
    requested_at = starts - timedelta(days=rnd.randint(14, 60))
    status, extra = _status(rnd, day, today, pattern.planned, starts)
    confirmed = status != BookingStatus.AANGEVRAAGD
    return Booking(
        organisation=partners[pattern.partner],
        overleg_type=pattern.overleg_type,
        title=pattern.title,
        date=day,
        start_time=pattern.start,
        end_time=pattern.end,
        starts_at=starts,
        ends_at=timezone.make_aware(datetime.combine(day, pattern.end)),
        participants=rnd.randint(5, 14),
        support_kinds=list(ALL_SUPPORT),
        planned_hours=pattern.planned,
        medewerker=medewerker,
        status=status,
        notes=SCALE_NOTE,
        requested_by=requesters.get(pattern.requester, medewerker),
        confirmed_by=medewerker if confirmed else None,
        confirmed_at=requested_at + timedelta(days=2) if confirmed else None,
        created_at=requested_at,
        updated_at=extra.pop("updated_at", requested_at),
        **extra,
    )


def _status(rnd, day, today, planned: Decimal, starts) -> tuple[str, dict]:
    if day >= today:
        return rnd.choice([BookingStatus.BEVESTIGD, BookingStatus.BEVESTIGD, BookingStatus.AANGEVRAAGD]), {}
    if rnd.random() < 0.07:
        return BookingStatus.GEANNULEERD, {
            "cancel_reason": "Het overleg vervalt (reces of te weinig casussen).",
            "cancelled_at": starts - timedelta(days=rnd.randint(1, 7)),
            "updated_at": starts - timedelta(days=1),
        }
    realised = max(Decimal("0.5"), planned + Decimal(rnd.choice([-1, 0, 0, 0, 0, 1])) / 2)
    return BookingStatus.UITGEVOERD, {
        "realised_hours": realised,
        "realised_at": starts + timedelta(days=1),
        "updated_at": starts + timedelta(days=1),
    }
