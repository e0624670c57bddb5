"""Jaarplan figures of Lerende organisaties and Positionering in het district, counted from the register.

Person figures count new persons only (``aantal - eerder_geteld``): over a year-to-date period the sum is the number
of distinct professionals, because a professional who came back was recorded as counted before.
"""

from datetime import datetime

from django.db.models import F, Sum
from django.utils import timezone

from reporting.registry import register_metric

from .choices import Maat, Soort, Training
from .models import Deelname, Netwerkactiviteit


def _in_period(qs, start: datetime, end: datetime, prefix: str = ""):
    return qs.filter(
        **{f"{prefix}datum__gte": timezone.localdate(start), f"{prefix}datum__lt": timezone.localdate(end)}
    )


def _new_persons(qs) -> int:
    return qs.aggregate(n=Sum(F("aantal") - F("eerder_geteld"), default=0))["n"]


@register_metric(
    "netwerk.getraind",
    label="Professionals getraind",
    unit="professionals",
    params=("training",),
    definition=(
        "Verschillende professionals die in de periode de genoemde training volgden (activiteitenregister, maat "
        "‘getraind’); wie dit jaar al eerder deze training volgde, telt niet opnieuw."
    ),
)
def getraind(start: datetime, end: datetime, *, training: str) -> int:
    if training not in Training.values:
        raise ValueError(f"onbekende training {training!r}")
    qs = Deelname.objects.filter(maat=Maat.GETRAIND, activiteit__soort=Soort.TRAINING, activiteit__training=training)
    return _new_persons(_in_period(qs, start, end, "activiteit__"))


@register_metric(
    "netwerk.bereikt",
    label="Professionals bereikt",
    unit="professionals",
    params=("soort",),
    definition=(
        "Verschillende professionals die in de periode een activiteit van deze soort bijwoonden (activiteitenregister, "
        "maat ‘bereikt’); wie dit jaar al eerder zo’n activiteit bijwoonde, telt niet opnieuw."
    ),
)
def bereikt(start: datetime, end: datetime, *, soort: str) -> int:
    if soort not in Soort.values:
        raise ValueError(f"onbekende soort {soort!r}")
    qs = Deelname.objects.filter(maat=Maat.BEREIKT, activiteit__soort=soort)
    return _new_persons(_in_period(qs, start, end, "activiteit__"))


@register_metric(
    "netwerk.activiteiten",
    label="Netwerkactiviteiten",
    unit="activiteiten",
    params=("soort",),
    definition="Aantal activiteiten van deze soort in het activiteitenregister met een datum in de periode.",
)
def activiteiten(start: datetime, end: datetime, *, soort: str) -> int:
    if soort not in Soort.values:
        raise ValueError(f"onbekende soort {soort!r}")
    return _in_period(Netwerkactiviteit.objects.filter(soort=soort), start, end).count()
