"""Reads of BIJ data, always scoped to the user through the access layer."""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import BooleanField, Case, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.http import HttpRequest
from django.utils import timezone

from cases.models import Casusoverleg
from zvh.access import conditions, gateway
from zvh.accounts.choices import Role

from .access import ADVIES, MELDING, is_bij_team
from .choices import VOOR_ADVIES
from .models import Advies, BijAgendapunt, BijOverleg, Melding, Uitnodiging, Uitwisseling18b


def termijn_dagen() -> int:
    return int(getattr(settings, "ZVH_BIJ_TERMIJN_DAGEN", 14))


def late_condition(today: date | None = None, prefix: str = "") -> Q:
    """Never too late: no advice yet while the expected date is within the term (or already past)."""
    today = today or timezone.localdate()
    return Q(
        **{f"{prefix}status__in": VOOR_ADVIES, f"{prefix}verwachte_datum__lte": today + timedelta(days=termijn_dagen())}
    )


def with_late_flag(qs: QuerySet, today: date | None = None) -> QuerySet:
    return qs.annotate(
        te_laat=Case(When(late_condition(today), then=Value(True)), default=Value(False), output_field=BooleanField())
    )


def melding_queryset_for(user) -> QuerySet[Melding]:
    return conditions.visible(user, MELDING)


def melding_list(user, *, status: str = "", alleen_te_laat: bool = False) -> QuerySet[Melding]:
    qs = with_late_flag(melding_queryset_for(user).select_related("persoon", "brp_gemeente"))
    if status:
        qs = qs.filter(status=status)
    if alleen_te_laat:
        qs = qs.filter(te_laat=True)
    return qs.order_by("-te_laat", "verwachte_datum", "pk")


def late_meldingen(user) -> QuerySet[Melding]:
    return (
        melding_queryset_for(user).filter(late_condition()).select_related("persoon").order_by("verwachte_datum", "pk")
    )


def late_count_all(today: date) -> int:
    """For the daily e-mail: a number, no persons."""
    return Melding.objects.filter(late_condition(today)).count()


def melding_detail_queryset() -> QuerySet[Melding]:
    return with_late_flag(
        Melding.objects.select_related(
            "persoon", "brp_gemeente", "casus", "geregistreerd_door", "dubbel_van"
        ).prefetch_related(
            Prefetch("overgangen", queryset=_overgangen()),
            Prefetch("uitnodigingen", queryset=Uitnodiging.objects.select_related("organisatie", "user")),
            Prefetch("agendapunten", queryset=BijAgendapunt.objects.select_related("bij_overleg__overleg")),
        )
    )


def _overgangen():
    from .models import Overgang

    return Overgang.objects.select_related("door")


def advies_of(melding: Melding) -> Advies | None:
    return Advies.objects.select_related("gemeente", "opgesteld_door", "besluit_door").filter(melding=melding).first()


def advies_list(user) -> QuerySet[Advies]:
    return (
        conditions.visible(user, ADVIES)
        .select_related("melding__persoon", "gemeente")
        .order_by("besluit_geregistreerd_op", "-datum", "-pk")
    )


def log_meldingen(request: HttpRequest, meldingen, action="list") -> None:
    gateway.log_shown(
        request=request,
        action=action,
        object_type=MELDING,
        object_ids=[m.pk for m in meldingen],
        person_ids=[m.persoon_id for m in meldingen],
    )


# --- BIJ-overleg ----------------------------------------------------------------------------------------------


def bij_overleg_queryset_for(user) -> QuerySet[BijOverleg]:
    """BIJ-overleggen: the BIJ team sees all; an invited partner those with an item of a melding they may see."""
    qs = BijOverleg.objects.select_related("overleg__voorzitter")
    if is_bij_team(user):
        return qs
    if user.has_role(Role.KETENPARTNER):
        items = BijAgendapunt.objects.filter(
            bij_overleg=OuterRef("pk"), melding__in=conditions.visible_pks(user, MELDING)
        )
        return qs.filter(Exists(items))
    return qs.none()


def bij_overleg_get(user, pk: int) -> BijOverleg | None:
    return bij_overleg_queryset_for(user).filter(pk=pk).first()


def bij_agenda(*, request: HttpRequest, bij_overleg: BijOverleg) -> list[tuple[int, BijAgendapunt, bool]]:
    """All items, but only those of meldingen the user may see carry content; the agenda read is logged."""
    visible = set(
        melding_queryset_for(request.user).filter(agendapunten__bij_overleg=bij_overleg).values_list("pk", flat=True)
    )
    punten = list(
        bij_overleg.agendapunten.select_related("melding__persoon").prefetch_related(
            Prefetch("melding__uitnodigingen", queryset=Uitnodiging.objects.select_related("organisatie", "user"))
        )
    )
    items = [(i, p, p.melding_id in visible) for i, p in enumerate(punten, start=1)]
    shown = [p.melding for _, p, ok in items if ok]
    gateway.log_shown(
        request=request,
        object_type="bij.overleg",
        object_ids=[bij_overleg.pk, *[m.pk for m in shown]],
        person_ids=[m.persoon_id for m in shown],
    )
    return items


def agendeerbare_meldingen(user) -> QuerySet[Melding]:
    return (
        melding_queryset_for(user)
        .exclude(status__in=("afgerond", "opgeschaald"))
        .select_related("persoon")
        .order_by("verwachte_datum")
    )


def agendapunt_get(user, pk: int) -> BijAgendapunt | None:
    if not is_bij_team(user):
        return None
    return BijAgendapunt.objects.select_related("bij_overleg__overleg", "melding__persoon").filter(pk=pk).first()


def upcoming_overleggen() -> QuerySet[Casusoverleg]:
    return (
        BijOverleg.objects.select_related("overleg")
        .filter(overleg__datum_tijd__gte=timezone.now() - timedelta(hours=12))
        .order_by("overleg__datum_tijd")
    )


# --- Art. 18b register ------------------------------------------------------------------------------------------


def register_queryset_for(user) -> QuerySet[Uitwisseling18b]:
    """The BIJ team keeps the register; the FG reads it as a disclosure register (without case content)."""
    if is_bij_team(user) or user.has_role(Role.FG):
        return Uitwisseling18b.objects.select_related("melding", "casus", "geregistreerd_door").order_by(
            "-datum", "-pk"
        )
    return Uitwisseling18b.objects.none()
