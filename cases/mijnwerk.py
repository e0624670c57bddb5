"""Mijn werk: open afspraken grouped by case, the most urgent first, and the overleggen a partner is invited to.

Each panel costs a fixed number of queries whatever the number of cases: the afspraken are read once with their
case and owner joined (``MIJNWERK_AFSPRAKEN`` at most) and grouped in Python; a busy procesregisseur sees the
first groups and a link to the case list for the rest.
"""

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils import timezone

from zvh.accounts.choices import Role
from zvh.core.panels import Panel, PanelContent, Shown

from .access import CASUS
from .forms import AfspraakDeadlineForm
from .models import Afspraak, Casus
from .selectors import mijnwerk_afspraken, upcoming_meetings

MIJNWERK_AFSPRAKEN = 40
MIJNWERK_OVERLEGGEN = 10


@dataclass
class AfspraakGroep:
    """The open afspraken of one case; ``urgent`` is the earliest deadline (groups are sorted on it)."""

    casus: Casus
    afspraken: list[Afspraak] = field(default_factory=list)
    te_laat: int = 0

    @property
    def urgent(self):
        return self.afspraken[0].deadline


def group_by_case(afspraken: list[Afspraak], today) -> list[AfspraakGroep]:
    """Afspraken sorted by deadline in, groups out: the case with the most pressing deadline first."""
    groups: dict[int, AfspraakGroep] = {}
    for afspraak in afspraken:
        group = groups.setdefault(afspraak.casus_id, AfspraakGroep(casus=afspraak.casus))
        group.afspraken.append(afspraak)
        group.te_laat += afspraak.deadline < today
    return sorted(groups.values(), key=lambda g: (g.urgent, -g.te_laat, g.casus.pk))


def afspraken(request: HttpRequest) -> PanelContent:
    user = request.user
    today = timezone.localdate()
    rows = list(mijnwerk_afspraken(user)[: MIJNWERK_AFSPRAKEN + 1])
    more = len(rows) > MIJNWERK_AFSPRAKEN
    rows = rows[:MIJNWERK_AFSPRAKEN]
    groups = group_by_case(rows, today)
    cases = [g.casus for g in groups]
    staff = user.has_role(Role.PROCESREGISSEUR, Role.SECRETARIAAT)
    context = {
        "groepen": groups,
        "meer": more,
        "today": today,
        "today_iso": today.isoformat(),
        "kan_deadline": staff,
        "deadline_form": AfspraakDeadlineForm(),
        "eigen_organisatie": user.organisation_id,
        "partner": not staff,
    }
    return PanelContent(context, (Shown(CASUS, [c.pk for c in cases], [c.hoofdpersoon_id for c in cases]),))


def overleggen(request: HttpRequest) -> PanelContent:
    """A partner's coming overleggen: those with an item of a case they take part in (their invitation)."""
    meetings = list(upcoming_meetings(request.user)[:MIJNWERK_OVERLEGGEN])
    return PanelContent({"overleggen": meetings}, (Shown("cases.casusoverleg", [o.pk for o in meetings]),))


PANELS = [
    Panel(
        "cases.afspraken",
        frozenset({Role.PROCESREGISSEUR, Role.KETENPARTNER}),
        "cases/mijnwerk/afspraken.html",
        afspraken,
        order=5,
    ),
    Panel("cases.overleggen", frozenset({Role.KETENPARTNER}), "cases/mijnwerk/overleggen.html", overleggen, order=6),
]
