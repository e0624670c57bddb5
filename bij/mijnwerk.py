"""Mijn werk: BIJ-meldingen that are about to come too late (no advice, expected date within the term)."""

from django.http import HttpRequest

from zvh.accounts.choices import Role
from zvh.core.panels import Panel, PanelContent, Shown

from .access import ADVIES, MELDING, is_bij_team, is_oov_adviseur
from .selectors import advies_list, late_meldingen, termijn_dagen


def te_laat(request: HttpRequest) -> PanelContent | None:
    if not is_bij_team(request.user):
        return None
    meldingen = list(late_meldingen(request.user)[:20])
    return PanelContent(
        {"meldingen": meldingen, "termijn": termijn_dagen()},
        (Shown(MELDING, [m.pk for m in meldingen], [m.persoon_id for m in meldingen]),),
    )


PANELS = [
    Panel("bij.te_laat", frozenset({Role.PROCESREGISSEUR}), "bij/mijnwerk/te_laat.html", te_laat, order=15),
]


def besluit_open(request: HttpRequest) -> PanelContent | None:
    """The OOV-adviseur: advice to their gemeente whose besluit is still to be recorded."""
    if not is_oov_adviseur(request.user):
        return None
    adviezen = list(advies_list(request.user).filter(besluit_geregistreerd_op__isnull=True)[:20])
    return PanelContent(
        {"adviezen": adviezen},
        (Shown(ADVIES, [a.pk for a in adviezen], [a.melding.persoon_id for a in adviezen]),),
    )


PANELS.append(
    Panel("bij.besluit_open", frozenset({Role.KETENPARTNER}), "bij/mijnwerk/besluit_open.html", besluit_open, order=16)
)
