"""Alerts (signalen) as SQL conditions on what the user may see: the list, Mijn werk and the daily e-mail
share them. Thresholds are settings (days before release, months before the end of an ISD-measure)."""

import calendar
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from zvh.access.conditions import CompiledCondition, compile_where, visible

from ..access import ISD, TRAJECT
from ..choices import (
    OPEN_STATUSES,
    OPEN_VOORWAARDE,
    SETTLED_VOORWAARDE,
    ISDFaseSoort,
    Signaal,
    TrajectStatus,
    VoorwaardeSoort,
)
from ..models import Basisvoorwaarde, ISDFase, ISDTraject, Traject

NAZORG_MAANDEN = 3


def add_months(day: date, months: int) -> date:
    years, index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, index + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def release_days() -> int:
    return getattr(settings, "ZVH_REINTEGRATIE_SIGNAAL_DAGEN", 14)


def isd_plan_months() -> int:
    return getattr(settings, "ZVH_ISD_PLAN_MAANDEN", 4)


def traject_signal_conditions(today: date | None = None) -> dict[str, Q]:
    today = today or timezone.localdate()
    open_voorwaarde = Basisvoorwaarde.objects.filter(traject=OuterRef("pk"), status__in=OPEN_VOORWAARDE)
    no_onderdak = Basisvoorwaarde.objects.filter(traject=OuterRef("pk"), soort=VoorwaardeSoort.ONDERDAK).exclude(
        status__in=SETTLED_VOORWAARDE
    )
    return {
        Signaal.VRIJLATING_NABIJ: Q(status__in=OPEN_STATUSES, verwachte_vrijlating__lte=today + _days(release_days()))
        & Q(Exists(open_voorwaarde)),
        Signaal.ZONDER_ONDERDAK: Q(status=TrajectStatus.NAZORG) & Q(Exists(no_onderdak)),
        Signaal.NAZORG_LANG: Q(
            status=TrajectStatus.NAZORG, werkelijke_vrijlating__lte=add_months(today, -NAZORG_MAANDEN)
        ),
    }


def isd_signal_condition(today: date | None = None) -> Q:
    """The re-integratiefase must be planned: the end is near and that phase has no plan yet."""
    today = today or timezone.localdate()
    planned = ISDFase.objects.filter(isd=OuterRef("pk"), soort=ISDFaseSoort.REINTEGRATIE).exclude(plan="")
    return Q(afgerond=False, einddatum__lte=add_months(today, isd_plan_months())) & ~Q(Exists(planned))


def _days(n: int):
    from datetime import timedelta

    return timedelta(days=n)


def with_signals(qs: QuerySet, today: date | None = None) -> QuerySet:
    """Annotate each traject with one boolean per signal (``sig_<name>``)."""
    return qs.annotate(**{f"sig_{name}": cond for name, cond in traject_signal_conditions(today).items()})


# The signals of ``traject_signal_conditions``, in its order (a row's signals are read per row: no queryset needed).
TRAJECT_SIGNALS = (Signaal.VRIJLATING_NABIJ, Signaal.ZONDER_ONDERDAK, Signaal.NAZORG_LANG)


def signals_of(traject) -> list[Signaal]:
    return [Signaal(name) for name in TRAJECT_SIGNALS if getattr(traject, f"sig_{name}", False)]


def any_signal(today: date | None = None) -> Q:
    result = Q(pk__in=[])
    for cond in traject_signal_conditions(today).values():
        result |= cond
    return result


@dataclass(frozen=True)
class SignalCount:
    signaal: Signaal
    aantal: int


def signal_counts(user, today: date | None = None) -> list[SignalCount]:
    """Counts per signal over what the user may see: numbers only (the daily e-mail uses these)."""
    trajecten = visible(user, TRAJECT)
    counts = [
        SignalCount(Signaal(name), trajecten.filter(cond).count())
        for name, cond in traject_signal_conditions(today).items()
    ]
    counts.append(SignalCount(Signaal.ISD_PLANNEN, visible(user, ISD).filter(isd_signal_condition(today)).count()))
    return counts


# The signal conditions compiled for one day and the thresholds of that moment, for queries on the trajecten and
# ISD tables that are evaluated themselves (Mijn werk): building and compiling the correlated EXISTS conditions cost
# more than running them (≈ 12 ms of the panel's 24 on a slow machine). Only today's entry is kept.
_compiled_signals: dict[tuple, dict[str, Q]] = {}


def compiled_signal_conditions(today: date) -> dict[str, Q]:
    """``traject_signal_conditions(today)`` plus ``Signaal.ISD_PLANNEN`` as compiled conditions (see above): the
    same SQL, valid only at the top of a query on their own table (``CompiledCondition`` refuses anything else)."""
    key = (connection.vendor, today, release_days(), isd_plan_months(), NAZORG_MAANDEN)
    found = _compiled_signals.get(key)
    if found is None:
        found = {
            name: Q(CompiledCondition(Traject, *compile_where(Traject, cond)))
            for name, cond in traject_signal_conditions(today).items()
        }
        isd_where = compile_where(ISDTraject, isd_signal_condition(today))
        found[Signaal.ISD_PLANNEN] = Q(CompiledCondition(ISDTraject, *isd_where))
        _compiled_signals.clear()
        _compiled_signals[key] = found
    return found
