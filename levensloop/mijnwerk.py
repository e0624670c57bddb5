"""Mijn werk for procesregisseurs: reviews of the levenslooptafel that are overdue (nothing ends by itself)."""

from django.http import HttpRequest
from django.utils import timezone

from zvh.accounts.choices import Role
from zvh.core.panels import Panel, PanelContent, Shown

from .access import DOSSIER
from .selectors import reviews_te_laat


def overdue(request: HttpRequest) -> PanelContent | None:
    today = timezone.localdate()
    dossiers = list(reviews_te_laat(request.user, today=today)[:20])
    if not dossiers:
        return None
    for dossier in dossiers:
        dossier.dagen_te_laat = (today - dossier.volgende_review).days
    return PanelContent(
        {"dossiers": dossiers},
        (Shown(DOSSIER, [d.pk for d in dossiers], [d.persoon_id for d in dossiers]),),
    )


PANELS = [
    Panel(
        "levensloop.reviews",
        frozenset({Role.PROCESREGISSEUR}),
        "levensloop/mijnwerk/reviews.html",
        overdue,
        order=16,
    ),
]
