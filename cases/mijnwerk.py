"""Mijn werk: open afspraken grouped by case, the most urgent first, and the overleggen a partner is invited to.

Each panel costs a fixed number of queries whatever the number of cases: the afspraken are read once with their
case and owner joined (``MIJNWERK_AFSPRAKEN`` at most) and grouped in Python; a busy procesregisseur sees the
first groups and a link to the case list for the rest.

What the afspraken panel prints is computed here once per row (``AfspraakRij``: the date in table style, the two
form URLs, who may act, the hidden label), so its template only prints values: the busiest start page renders 40
rows in 30 cases, and a filter, two URL tags and a translation block per row made that panel a third slower.
"""

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from zvh.accounts.choices import Role
from zvh.core.dates import datum_tabel
from zvh.core.panels import Panel, PanelContent, Shown
from zvh.core.paths import path_pk

from .access import CASUS
from .models import Afspraak, Casus
from .selectors import mijnwerk_afspraken, upcoming_meetings

MIJNWERK_AFSPRAKEN = 40
MIJNWERK_OVERLEGGEN = 10
# What the panel prints and logs, and nothing more: a case and its person have dozens of columns, and building
# 41 rows of four full models was a third of the panel's time (the row values are read in ``rij``).
PANEL_FIELDS = (
    "actie",
    "deadline",
    "eigenaar_organisatie__name",
    "eigenaar_persoon__first_name",
    "eigenaar_persoon__last_name",
    "eigenaar_persoon__username",
    "casus__nummer",
    "casus__hoofdpersoon__voornamen",
    "casus__hoofdpersoon__tussenvoegsel",
    "casus__hoofdpersoon__achternaam",
)


@dataclass
class AfspraakGroep:
    """The open afspraken of one case; ``urgent`` is the earliest deadline (groups are sorted on it)."""

    casus: Casus
    afspraken: list[Afspraak] = field(default_factory=list)
    te_laat: int = 0
    rijen: list["AfspraakRij"] = field(default_factory=list)

    @property
    def urgent(self):
        return self.afspraken[0].deadline

    @property
    def te_laat_tekst(self) -> str:
        return ngettext("%(n)s te laat", "%(n)s te laat", self.te_laat) % {"n": self.te_laat}

    @property
    def bijschrift(self) -> str:
        return gettext("Open afspraken in casus %(nr)s") % {"nr": self.casus.nummer}


@dataclass(frozen=True)
class AfspraakRij:
    """One afspraak as the panel prints it; a URL is empty when this user may not take that action."""

    pk: int
    actie: str
    eigenaar: str
    deadline: str
    deadline_iso: str
    te_laat: bool
    gereed_url: str
    deadline_url: str
    deadline_label: str


def rij(afspraak: Afspraak, *, today, may_finish: bool, may_move: bool) -> AfspraakRij:
    return AfspraakRij(
        pk=afspraak.pk,
        actie=afspraak.actie,
        eigenaar=afspraak.eigenaar,
        deadline=datum_tabel(afspraak.deadline),
        deadline_iso=afspraak.deadline.isoformat(),
        te_laat=afspraak.deadline < today,
        gereed_url=path_pk("cases:afspraak_status", afspraak.pk) if may_finish else "",
        deadline_url=path_pk("cases:afspraak_deadline", afspraak.pk) if may_move else "",
        deadline_label=gettext("Nieuwe deadline voor %(actie)s") % {"actie": afspraak.actie},
    )


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
    rows = list(mijnwerk_afspraken(user).only(*PANEL_FIELDS)[: MIJNWERK_AFSPRAKEN + 1])
    more = len(rows) > MIJNWERK_AFSPRAKEN
    rows = rows[:MIJNWERK_AFSPRAKEN]
    groups = group_by_case(rows, today)
    cases = [g.casus for g in groups]
    staff = user.has_role(Role.PROCESREGISSEUR, Role.SECRETARIAAT)
    for group in groups:
        group.rijen = [
            # a partner marks done only what their own organisation owns; only ZVH staff move deadlines
            rij(a, today=today, may_finish=staff or a.eigenaar_organisatie_id == user.organisation_id, may_move=staff)
            for a in group.afspraken
        ]
    context = {
        "groepen": groups,
        "meer": more,
        "today_iso": today.isoformat(),
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
