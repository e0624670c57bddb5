"""Reads, scoped to the user through the access layer."""

from django.db.models import Prefetch, Q, QuerySet

from zvh.access.conditions import visible, visible_compiled

from ..access import ISD, TRAJECT, voorwaarde_condition
from ..choices import ACTIVE_STATUSES, Signaal, TrajectStatus, VoorwaardeSoort
from ..models import Basisvoorwaarde, ISDFase, TrajectStap
from .signals import TRAJECT_SIGNALS, any_signal, compiled_signal_conditions, isd_signal_condition, with_signals

VOORWAARDE_ORDER = list(VoorwaardeSoort.values)


def traject_list(user, *, status: str = "", signaal: bool = False, gemeente: int | None = None) -> QuerySet:
    qs = with_signals(visible(user, TRAJECT)).select_related("persoon", "gemeente")
    if status in TrajectStatus.values:
        qs = qs.filter(status=status)
    elif not status:
        qs = qs.filter(status__in=ACTIVE_STATUSES)
    if signaal:
        qs = qs.filter(any_signal())
    if gemeente:
        qs = qs.filter(gemeente=gemeente)
    return qs.order_by("verwachte_vrijlating", "pk")


def signal_panel(user, today, limit: int) -> tuple[list, list]:
    """Mijn werk: the first ``limit`` active trajecten and open ISD-trajecten with a signal, as ``traject_list(user,
    signaal=True)`` and ``isd_list(user, signaal=True)`` order them, with the same ``sig_<name>`` attributes. The
    access rule and the signal conditions come compiled (evaluated here, never as a subquery)."""
    signals = compiled_signal_conditions(today)
    any_of = Q(pk__in=[])
    for name in TRAJECT_SIGNALS:
        any_of |= signals[name]
    trajecten = (
        visible_compiled(user, TRAJECT)
        .annotate(**{f"sig_{name}": signals[name] for name in TRAJECT_SIGNALS})
        .select_related("persoon", "gemeente")
        .filter(any_of, status__in=ACTIVE_STATUSES)
        .order_by("verwachte_vrijlating", "pk")
    )
    isd_signal = signals[Signaal.ISD_PLANNEN]
    isds = (
        visible_compiled(user, ISD)
        .annotate(sig_isd_plannen=isd_signal)
        .select_related("persoon", "gemeente")
        .filter(isd_signal, afgerond=False)
        .order_by("einddatum", "pk")
    )
    return list(trajecten[:limit]), list(isds[:limit])


def traject_for_detail(user) -> QuerySet:
    """The detail queryset: the voorwaarden the user may see (consent for partners), and the steps."""
    voorwaarden = Basisvoorwaarde.objects.filter(voorwaarde_condition(user)).select_related("organisatie")
    return (
        with_signals(visible(user, TRAJECT))
        .select_related("persoon", "gemeente", "casus")
        .prefetch_related(
            Prefetch("voorwaarden", queryset=voorwaarden, to_attr="zichtbare_voorwaarden"),
            Prefetch("stappen", queryset=TrajectStap.objects.select_related("door")),
            "toegangen__organisatie",
        )
    )


def ordered_voorwaarden(traject) -> list:
    return sorted(traject.zichtbare_voorwaarden, key=lambda v: VOORWAARDE_ORDER.index(v.soort))


def voorwaarde_for_user(user, *, traject, pk) -> Basisvoorwaarde | None:
    return (
        Basisvoorwaarde.objects.filter(voorwaarde_condition(user), traject=traject, pk=pk)
        .select_related("traject", "organisatie")
        .first()
    )


def isd_list(user, *, signaal: bool = False) -> QuerySet:
    qs = visible(user, ISD).select_related("persoon", "gemeente").annotate(sig_isd_plannen=isd_signal_condition())
    if signaal:
        qs = qs.filter(isd_signal_condition())
    return qs.filter(afgerond=False).order_by("einddatum", "pk")


def isd_for_detail(user) -> QuerySet:
    return (
        visible(user, ISD)
        .select_related("persoon", "gemeente")
        .annotate(sig_isd_plannen=isd_signal_condition())
        .prefetch_related(Prefetch("fasen", queryset=ISDFase.objects.order_by("pk")))
    )
