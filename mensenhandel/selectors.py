"""Reads on mensenhandel, always scoped to the user through the access layer. Never the shelter address."""

from datetime import date, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from cases.models import Casusoverleg
from zvh.access import conditions

from .access import SIGNAAL, TRAJECT
from .choices import BEDENKTIJD_SIGNAAL_DAGEN, OPEN_STATUSES, ProcedureSoort, TrajectStatus
from .models import Procedure, Signaal, Traject


def signaal_list_for(user) -> QuerySet[Signaal]:
    return (
        conditions.visible(user, SIGNAAL)
        .select_related("gemeente", "persoon", "traject")
        .order_by("-ontvangen_op", "-pk")
    )


def traject_list_for(user) -> QuerySet[Traject]:
    return (
        conditions.visible(user, TRAJECT)
        .select_related("persoon", "casus", "zorgcoordinator")
        .order_by("-gestart_op", "-pk")
    )


def traject_detail_queryset() -> QuerySet[Traject]:
    """For the gateway (which adds the access condition): what the detail page shows, in one query."""
    return Traject.objects.select_related("persoon", "casus", "zorgcoordinator", "signaal")


def procedures_of(traject: Traject, *, today: date | None = None) -> list[Procedure]:
    """The tracker rows, each with ``flagged`` when its bedenktijd ends within 14 days."""
    today = today or timezone.localdate()
    procedures = list(Procedure.objects.filter(traject=traject).order_by("pk"))
    for procedure in procedures:
        procedure.flagged = procedure.bedenktijd_signaal(today)
    return procedures


def procedure_for_user(user, pk: int) -> Procedure | None:
    return (
        Procedure.objects.filter(traject__in=conditions.visible_pks(user, TRAJECT), pk=pk)
        .select_related("traject__persoon")
        .first()
    )


def bedenktijd_ending(user, *, today: date | None = None) -> QuerySet[Procedure]:
    """Running bedenktijden of visible active trajects that end within 14 days (or already ended, still open)."""
    today = today or timezone.localdate()
    return (
        Procedure.objects.filter(
            traject__in=conditions.visible_pks(user, TRAJECT),
            traject__status=TrajectStatus.ACTIEF,
            soort=ProcedureSoort.BEDENKTIJD,
            status__in=OPEN_STATUSES,
            einddatum__lte=today + timedelta(days=BEDENKTIJD_SIGNAAL_DAGEN),
        )
        .select_related("traject__persoon")
        .order_by("einddatum", "pk")
    )


def signalen_open(user) -> QuerySet[Signaal]:
    return signaal_list_for(user).filter(uitkomst="")


def upcoming_overleggen() -> QuerySet[Casusoverleg]:
    """Meetings to put a case on (dates and places only, no agenda content)."""
    now = timezone.now()
    return Casusoverleg.objects.filter(
        datum_tijd__gte=now - timedelta(hours=12), datum_tijd__lt=now + timedelta(days=90)
    ).order_by("datum_tijd")
