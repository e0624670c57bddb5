"""Mijn werk for the mensenhandel team: bedenktijden that end within 14 days, and signalen without an outcome."""

from django.http import HttpRequest
from django.utils import timezone

from zvh.accounts.choices import Role
from zvh.core.panels import Panel, PanelContent, Shown

from .access import SIGNAAL, TRAJECT, is_team_regisseur
from .selectors import bedenktijd_ending, signalen_open


def alerts(request: HttpRequest) -> PanelContent | None:
    if not is_team_regisseur(request.user):
        return None
    today = timezone.localdate()
    bedenktijden = list(bedenktijd_ending(request.user, today=today)[:20])
    for procedure in bedenktijden:
        procedure.dagen = (procedure.einddatum - today).days
    signalen = list(signalen_open(request.user)[:10])
    return PanelContent(
        {"bedenktijden": bedenktijden, "signalen": signalen},
        (
            Shown(
                TRAJECT,
                [p.traject_id for p in bedenktijden],
                [p.traject.persoon_id for p in bedenktijden],
            ),
            Shown(SIGNAAL, [s.pk for s in signalen], [s.persoon_id for s in signalen if s.persoon_id]),
        ),
    )


PANELS = [
    Panel(
        "mensenhandel.signalering",
        frozenset({Role.PROCESREGISSEUR}),
        "mensenhandel/mijnwerk/signalering.html",
        alerts,
        order=15,
    ),
]
