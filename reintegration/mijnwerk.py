"""Mijn werk: trajecten and ISD-trajecten with a signal, for the procesregisseur and the coördinator."""

from django.http import HttpRequest
from django.utils import timezone

from zvh.accounts.choices import Role
from zvh.core.panels import Panel, PanelContent, Shown

from .access import ISD, TRAJECT, is_director
from .selectors import signal_panel, signals_of

LIMIT = 10


def signalen(request: HttpRequest) -> PanelContent | None:
    user = request.user
    if not is_director(user):
        return None
    trajecten, isds = signal_panel(user, timezone.localdate(), LIMIT)
    rows = [(t, signals_of(t)) for t in trajecten]
    return PanelContent(
        {"rows": rows, "isds": isds},
        (
            Shown(TRAJECT, [t.pk for t in trajecten], [t.persoon_id for t in trajecten]),
            Shown(ISD, [i.pk for i in isds], [i.persoon_id for i in isds]),
        ),
    )


PANELS = [
    Panel(
        "reintegratie.signalen",
        frozenset({Role.PROCESREGISSEUR, Role.KETENPARTNER}),
        "reintegration/mijnwerk/signalen.html",
        signalen,
        order=45,
    ),
]
