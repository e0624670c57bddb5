"""Mijn werk: aanmeldingen waiting for triage (procesregisseur) and a partner's own aanmeldingen."""

from django.http import HttpRequest

from zvh.accounts.choices import Role
from zvh.core.panels import Panel, PanelContent, Shown

from .access import AANMELDING
from .selectors import aanmelding_person_ids, own_aanmeldingen, waiting_for_triage


def _shown(aanmeldingen) -> Shown:
    return Shown(
        AANMELDING,
        [a.pk for a in aanmeldingen],
        [pid for a in aanmeldingen for pid in aanmelding_person_ids(a)],
    )


def waiting(request: HttpRequest) -> PanelContent:
    aanmeldingen = list(waiting_for_triage(request.user)[:10])
    return PanelContent({"waiting": aanmeldingen}, (_shown(aanmeldingen),))


def own(request: HttpRequest) -> PanelContent:
    aanmeldingen = list(own_aanmeldingen(request.user)[:10])
    return PanelContent({"aanmeldingen": aanmeldingen}, (_shown(aanmeldingen),))


PANELS = [
    Panel("triage.wachtend", frozenset({Role.PROCESREGISSEUR}), "triage/mijnwerk/wachtend.html", waiting, order=20),
    Panel("triage.eigen", frozenset({Role.KETENPARTNER}), "triage/mijnwerk/eigen.html", own, order=60),
]
