"""Mijn werk: open contextverzoeken by deadline (overdue flagged) and today's answers for procesregisseurs; the
ZSM partner's own verzoeken of today and the way in for their account."""

from django.http import HttpRequest
from django.utils import timezone

from zvh.accounts.choices import Role
from zvh.core.panels import Panel, PanelContent, Shown

from .access import CONTEXTVERZOEK, is_zsm_partner
from .selectors import beantwoord_sinds, start_of_today, verzoeken_open

LIMIT = 20
# What the two panels print and log (number, deadline, answer time, requesting organisation, name, "bekend"): the
# list's queryset also joins who answered, and reads every column of both tables.
PANEL_FIELDS = (
    "deadline",
    "beantwoord_op",
    "bekend",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "persoon",
    "partner_organisatie__name",
)


def _for_panel(qs):
    return qs.select_related(None).select_related("partner_organisatie").only(*PANEL_FIELDS)[:LIMIT]


def _shown(verzoeken) -> Shown:
    return Shown(CONTEXTVERZOEK, [v.pk for v in verzoeken], [v.persoon_id for v in verzoeken if v.persoon_id])


def _content(request: HttpRequest) -> dict:
    now = timezone.now()
    open_ = list(_for_panel(verzoeken_open(request.user)))
    for verzoek in open_:
        verzoek.flag_te_laat = verzoek.deadline < now
    beantwoord = list(_for_panel(beantwoord_sinds(request.user, start_of_today())))
    return {"open": open_, "beantwoord": beantwoord}


def regisseur_panel(request: HttpRequest) -> PanelContent | None:
    context = _content(request)
    if not (context["open"] or context["beantwoord"]):
        return None
    return PanelContent(context, (_shown(context["open"] + context["beantwoord"]),))


def partner_panel(request: HttpRequest) -> PanelContent | None:
    if not is_zsm_partner(request.user):
        return None
    context = _content(request)
    return PanelContent(context, (_shown(context["open"] + context["beantwoord"]),))


PANELS = [
    Panel(
        "zsm.contextverzoeken",
        frozenset({Role.PROCESREGISSEUR}),
        "zsm/mijnwerk/regisseur.html",
        regisseur_panel,
        order=12,
    ),
    Panel("zsm.partner", frozenset({Role.KETENPARTNER}), "zsm/mijnwerk/partner.html", partner_panel, order=5),
]
