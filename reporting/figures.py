"""Jaarplan versus realisatie: the figures behind the dashboard, the CSV and the quarterly PDF.

One function, :func:`jaarplan_figures`, reads the jaarplan (three queries), the manual realisations (one query) and
the registered metrics (two calls per measured activity: the quarter and the year to date) and returns plain
dataclasses. Nothing in them refers to a person.

Rules (also printed in the report's leeswijzer):
- flows (aanmeldingen, signalen, trainingen: counted when they happen) spread pro rata: after quarter q, q/4 of the
  prognose is expected;
- stocks (metrics registered with ``stock=True``, e.g. cases under regie) are not a pro-rata share of the year: what
  was already under regie on 1 January counts from the first day, only the rest is expected pro rata. After quarter
  q: opening + (prognose - opening) * q/4, at most the prognose;
- persons (personen, professionals) are distinct in the year: the year to date is the metric over the whole period
  so far, and a quarter shows the persons new in it (year to date minus year to date of the quarter before); manual
  entries ask for new persons only;
  *gereed* when the year's prognose is reached, *op schema* from 90% of the expectation, *achter* below that;
- one-off activities (spreiding eenmalig, e.g. the netwerkdag) are expected in full only in the 4th quarter;
- hours per week: the realised average against the prognose itself (not pro rata);
- milestones: *gereed* when marked done in a quarter up to the report's quarter (or, bound to a metric such as the
  FG's privacy register, when the metric is above zero in that quarter), *te laat* when the planned quarter has
  passed without that, *gepland* otherwise;
- manual entries: the year to date is the sum of the quarters (the average for hours per week).
"""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _

from . import registry
from .choices import TELLINGEN, Bron, Soort, Spreiding, Status
from .formatting import nl_number
from .models import Activiteit, Jaarplan, Meetwaarde, Ontwikkellijn, Realisatie
from .periods import Period, local_midnight, quarter, year_to_date

TOLERANCE = Decimal("0.9")  # "op schema" from 90% of the pro-rata expectation
HUNDRED = Decimal(100)

# Figures from the registration shown as key figures, when their metrics are registered: (key, params).
KEY_FIGURES: list[tuple[str, dict[str, str]]] = [
    ("triage.aanmeldingen", {}),
    ("triage.adviezen", {}),
    ("triage.besluiten", {"bord": "mass_vt"}),
    ("triage.besluiten", {"bord": "weegploeg"}),
    ("cases.opschalingen", {}),
    ("cases.onder_regie", {}),
    ("cases.afgesloten", {"resultaat": "alle"}),
]
# Breakdowns ({label: number}) shown as tables when registered (see reporting.registry.register_breakdown).
BREAKDOWNS: list[str] = [
    "cases.onder_regie_per_thema",
    "triage.adviezen_per_thema",
    "triage.aanmeldingen_per_partner",
    "triage.aanmeldingen_per_gemeente",
    "cases.afgesloten_per_resultaat",
]
PARAM_LABELS = {
    "mass_vt": "triage met MaSS en Veilig Thuis",
    "weegploeg": "Weegploeg Radicalisering en Extremisme",
    "alle": "alle resultaten",
    "complex,radicalisering,verward,ex_gedetineerde,huiselijk_geweld,jeugd,overig": (
        "alle thema's behalve mensenhandel (dat een eigen regel heeft)"
    ),
    "polarisatie": "training polarisatie en radicalisering",
    "gegevensdeling": "training gegevensdeling",
    "regiekaart": "training regiekaart de-escaleren",
    "informatiesysteem": "training informatie(verwerkings)systeem",
    "werkbezoek": "werkbezoeken en ontvangsten",
    "netwerkdag": "netwerkdag",
    "week_mensenhandel": "Week tegen mensenhandel",
    "dpia": "DPIA",
    "protocol": "privacyprotocol",
}
# Counts below this are shown as "< 5" in breakdown tables: small cells per gemeente can point at a household.
SMALL_CELL = 5


class FiguresError(Exception):
    """A registered metric failed. ``message`` is Dutch and safe to show (no data, no stack trace)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ActivityFigures:
    activiteit: Activiteit
    bron: Bron | None
    kwartaal: Decimal | None = None  # realisation in the report's quarter
    tm_kwartaal: Decimal | None = None  # realisation from 1 January to the end of the quarter
    verwachting: Decimal | None = None  # what the plan expects by the end of the quarter
    percentage: Decimal | None = None  # year to date as % of the year's prognose
    status: Status = Status.GEEN_GEGEVENS
    gereed_in: int | None = None  # milestones: quarter in which it was done
    toelichtingen: list[tuple[int, str]] = field(default_factory=list)
    definitie: str = ""  # what the bound metric counts (footnote in the PDF)
    noot: int | None = None  # footnote number of the definition
    stand: bool = False  # a stock: judged from the opening stock on 1 January, not pro rata
    beginstand: Decimal | None = None

    @property
    def soort(self) -> str:
        return self.activiteit.soort

    @property
    def is_numeric(self) -> bool:
        return self.soort in (*TELLINGEN, Soort.UREN_PER_WEEK)

    @property
    def charted(self) -> bool:
        return self.is_numeric and self.activiteit.prognose is not None

    @property
    def prognose_label(self) -> str:
        a = self.activiteit
        if a.soort == Soort.MIJLPAAL and a.mijlpaal_kwartaal:
            return _("%(q)se kwartaal") % {"q": a.mijlpaal_kwartaal}
        return column_label(a.prognose, a.prognose_tekst, a)

    @property
    def vorig_label(self) -> str:
        a = self.activiteit
        return column_label(a.prognose_vorig_jaar, a.prognose_vorig_jaar_tekst, a)

    @property
    def eerder_label(self) -> str:
        a = self.activiteit
        return column_label(a.resultaat_eerder, a.resultaat_eerder_tekst, a)


@dataclass
class ThemeFigures:
    thema: Any
    activities: list[ActivityFigures]

    @property
    def numeric(self) -> list[ActivityFigures]:
        return [a for a in self.activities if a.is_numeric]

    @property
    def milestones(self) -> list[ActivityFigures]:
        return [a for a in self.activities if a.soort == Soort.MIJLPAAL]

    @property
    def qualitative(self) -> list[ActivityFigures]:
        return [a for a in self.activities if a.soort == Soort.KWALITATIEF]

    @property
    def charted(self) -> list[ActivityFigures]:
        return [a for a in self.activities if a.charted]

    @property
    def toelichtingen(self) -> list[ActivityFigures]:
        return [a for a in self.activities if a.toelichtingen]

    @property
    def definities(self) -> list[tuple[int, str]]:
        """The footnotes of this theme: (number, definition), each once."""
        seen: dict[int, str] = {}
        for a in self.activities:
            if a.noot and a.noot not in seen:
                seen[a.noot] = a.definitie
        return sorted(seen.items())


@dataclass
class LineFigures:
    ontwikkellijn: Ontwikkellijn
    themes: list[ThemeFigures]

    @property
    def activities(self) -> list[ActivityFigures]:
        return [a for theme in self.themes for a in theme.activities]

    def count(self, *statuses: str) -> int:
        return sum(1 for a in self.activities if a.status in statuses)

    @property
    def summary(self) -> dict[str, int]:
        return {
            "totaal": len(self.activities),
            "gereed": self.count(Status.GEREED),
            "op_schema": self.count(Status.OP_SCHEMA),
            "achter": self.count(Status.ACHTER, Status.TE_LAAT),
            "gepland": self.count(Status.GEPLAND),
            "overig": self.count(Status.GEEN_GEGEVENS, Status.ZONDER_NORM),
        }


@dataclass
class KeyFigure:
    label: str
    unit: str
    kwartaal: Decimal
    tm_kwartaal: Decimal
    definitie: str = ""
    noot: int | None = None


@dataclass
class Breakdown:
    label: str
    unit: str
    rows: list[tuple[str, Decimal, Decimal]]  # (label, quarter, year to date)
    definitie: str = ""
    noot: int | None = None


@dataclass
class ReportFigures:
    jaarplan: Jaarplan
    kwartaal: int
    period: Period
    ytd: Period
    lines: list[LineFigures]
    key_figures: list[KeyFigure]
    breakdowns: list[Breakdown]
    missing_metrics: list[str]  # metric keys bound to activities but not registered here
    metric_calls: int = 0
    berekend_op: datetime | None = None  # stored figures: the time of the oldest value used
    verouderd: bool = False  # stored figures: some are older than REPORTING_FIGURES_MAX_AGE (being computed again)

    @property
    def activities(self) -> list[ActivityFigures]:
        return [a for line in self.lines for a in line.activities]

    @property
    def key_definities(self) -> list[tuple[int, str]]:
        seen = {k.noot: k.definitie for k in [*self.key_figures, *self.breakdowns] if k.noot}
        return sorted(seen.items())

    @property
    def summary(self) -> dict[str, int]:
        total: dict[str, int] = defaultdict(int)
        for line in self.lines:
            for key, value in line.summary.items():
                total[key] += value
        return dict(total)


def column_label(number: Decimal | None, text: str, activiteit: Activiteit) -> str:
    if text:
        return text
    if number is None:
        return "—"
    return f"{nl_number(number)} {activiteit.eenheid}".strip()


class MetricReader:
    """Evaluates metrics once per (key, params, period) and counts the calls (for the benchmark)."""

    def __init__(self) -> None:
        self.cache: dict[tuple, Any] = {}
        self.calls = 0
        self.berekend_op: datetime | None = None  # computed now: no stored value's time to report
        self.stale = False

    def value(self, metric: registry.Metric, params: dict, period: Period) -> Any:
        key = (metric.key, tuple(sorted(params.items())), period.start, period.end)
        if key not in self.cache:
            self.cache[key] = self.load(metric, params, period)
        return self.cache[key]

    def load(self, metric: registry.Metric, params: dict, period: Period) -> Any:
        return self.compute(metric, params, period)

    def compute(self, metric: registry.Metric, params: dict, period: Period) -> Any:
        self.calls += 1
        try:
            value = metric.compute(period.start, period.end, **params)
        except Exception as exc:  # noqa: BLE001 - any failure of a metric becomes one clear message
            raise FiguresError(
                _("De meting ‘%(label)s’ kon niet worden berekend. Meld dit bij de functioneel beheerder.")
                % {"label": metric.label}
            ) from exc
        # Breakdown labels as text, as they are stored (JSON keys) and shown: fresh and stored figures are equal.
        return {str(label): number for label, number in value.items()} if isinstance(value, dict) else value

    def number(self, metric: registry.Metric, params: dict, period: Period) -> Decimal:
        return Decimal(str(self.value(metric, params, period)))


class StoredMetricReader(MetricReader):
    """Reads metric values from :class:`~reporting.models.Meetwaarde` and computes only what is missing.

    A stored value computed at or after ``fresh_after`` is used as it is. An older one is used too when
    ``serve_stale`` (the dashboard: ``stale`` then tells the caller to have it computed again), and computed afresh
    otherwise (the refresh task, the PDF). :meth:`save` writes what was computed. ``berekend_op`` is the time of the
    oldest value used: the figures are at least as current as that.
    """

    def __init__(self, jaar: int, *, fresh_after: datetime, serve_stale: bool) -> None:
        super().__init__()
        self.fresh_after, self.serve_stale = fresh_after, serve_stale
        self.computed: list[Meetwaarde] = []
        year = Period(local_midnight(date(jaar, 1, 1)), local_midnight(date(jaar + 1, 1, 1)))
        rows = Meetwaarde.objects.filter(start__gte=year.start, end__lte=year.end)
        self.stored = {(row.metric, row.params, row.start, row.end): row for row in rows}

    def load(self, metric: registry.Metric, params: dict, period: Period) -> Any:
        key = (metric.key, json.dumps(params, sort_keys=True), period.start, period.end)
        row = self.stored.get(key)
        if row is not None and (row.berekend_op >= self.fresh_after or self.serve_stale):
            self.stale |= row.berekend_op < self.fresh_after
            self._seen(row.berekend_op)
            return row.waarde
        # As stored (a Decimal becomes text in JSON): the figures do not depend on whether a value was stored.
        value = json.loads(json.dumps(self.compute(metric, params, period), cls=DjangoJSONEncoder))
        now = timezone.now()
        self.computed.append(
            Meetwaarde(metric=key[0], params=key[1], start=key[2], end=key[3], waarde=value, berekend_op=now)
        )
        self._seen(now)
        return value

    def _seen(self, moment: datetime) -> None:
        if self.berekend_op is None or moment < self.berekend_op:
            self.berekend_op = moment

    def save(self) -> int:
        """Store the computed values (insert or overwrite: two requests computing the same value both succeed)."""
        Meetwaarde.objects.bulk_create(
            self.computed,
            update_conflicts=True,
            unique_fields=["metric", "params", "start", "end"],
            update_fields=["waarde", "berekend_op"],
        )
        saved, self.computed = len(self.computed), []
        return saved


def jaarplan_figures(jaarplan: Jaarplan, kwartaal: int, reader: MetricReader | None = None) -> ReportFigures:
    """The figures of a jaarplan after a quarter. Manual realisations are always read afresh; the registration's
    metrics through ``reader`` (default: computed now; see StoredMetricReader for stored values)."""
    reader = reader or MetricReader()
    period, ytd = quarter(jaarplan.jaar, kwartaal), year_to_date(jaarplan.jaar, kwartaal)
    entries = _entries_by_activity(jaarplan, kwartaal)
    lines, missing = [], set()
    for lijn in jaarplan.ontwikkellijnen.prefetch_related("themas__activiteiten"):
        themes = []
        for thema in lijn.themas.all():
            rows = []
            for activiteit in thema.activiteiten.all():
                row = activity_figures(activiteit, kwartaal, entries.get(activiteit.pk, {}), reader, period, ytd)
                if row.bron == Bron.METING_ONTBREEKT:
                    missing.add(activiteit.metric_key)
                rows.append(row)
            themes.append(ThemeFigures(thema, rows))
        lines.append(LineFigures(lijn, themes))
    figures = ReportFigures(
        jaarplan=jaarplan,
        kwartaal=kwartaal,
        period=period,
        ytd=ytd,
        lines=lines,
        key_figures=_key_figures(reader, period, ytd),
        breakdowns=_breakdowns(reader, period, ytd),
        missing_metrics=sorted(missing),
    )
    _number_footnotes(figures)
    figures.metric_calls = reader.calls
    figures.berekend_op, figures.verouderd = reader.berekend_op, reader.stale
    return figures


def _number_footnotes(figures: ReportFigures) -> None:
    """One number per distinct definition, in the order of the report."""
    numbers: dict[str, int] = {}
    for item in [*figures.activities, *figures.key_figures, *figures.breakdowns]:
        if item.definitie:
            item.noot = numbers.setdefault(item.definitie, len(numbers) + 1)


def _entries_by_activity(jaarplan: Jaarplan, kwartaal: int) -> dict[int, dict[int, Realisatie]]:
    entries: dict[int, dict[int, Realisatie]] = defaultdict(dict)
    rows = Realisatie.objects.filter(activiteit__thema__ontwikkellijn__jaarplan=jaarplan, kwartaal__lte=kwartaal)
    for entry in rows.only("activiteit_id", "kwartaal", "waarde", "gereed", "toelichting"):
        entries[entry.activiteit_id][entry.kwartaal] = entry
    return entries


def activity_figures(
    activiteit: Activiteit,
    kwartaal: int,
    entries: dict[int, Realisatie],
    reader: MetricReader,
    period: Period,
    ytd: Period,
) -> ActivityFigures:
    row = ActivityFigures(activiteit, bron=_source(activiteit))
    row.toelichtingen = [(q, entries[q].toelichting) for q in sorted(entries) if entries[q].toelichting]
    if activiteit.soort == Soort.MIJLPAAL:
        if row.bron == Bron.METING:
            _measured_milestone(row, kwartaal, reader, ytd.first_day.year)
        else:
            _milestone(row, kwartaal, entries)
        return row
    if row.bron == Bron.METING:
        _measured(row, kwartaal, reader, period, ytd)
    else:
        _manual(row, kwartaal, entries)
    if activiteit.soort == Soort.KWALITATIEF or activiteit.prognose is None:
        row.status = Status.ZONDER_NORM
    elif row.tm_kwartaal is not None:
        _judge(row, kwartaal)
    elif activiteit.spreiding == Spreiding.EENMALIG and kwartaal < 4:
        row.status = Status.GEPLAND
    return row


def _source(activiteit: Activiteit) -> Bron:
    if not activiteit.metric_key:
        return Bron.HANDMATIG
    return Bron.METING if registry.find_metric(activiteit.metric_key) else Bron.METING_ONTBREEKT


def _measured(row: ActivityFigures, kwartaal: int, reader: MetricReader, period: Period, ytd: Period) -> None:
    metric = registry.get_metric(row.activiteit.metric_key)
    params = row.activiteit.metric_params or {}
    row.definitie, row.stand = definition(metric, params), metric.stock
    row.tm_kwartaal = reader.number(metric, params, ytd)
    if row.soort in (Soort.PERSONEN, Soort.PROFESSIONALS):
        # Distinct persons in the year: a quarter adds only the persons not counted earlier in the year.
        before = reader.number(metric, params, year_to_date(ytd.first_day.year, kwartaal - 1)) if kwartaal > 1 else 0
        row.kwartaal = row.tm_kwartaal - before
    else:
        row.kwartaal = reader.number(metric, params, period)
    if row.stand:
        first = ytd.first_day
        opening = Period(local_midnight(first), local_midnight(first.replace(day=2)))
        row.beginstand = reader.number(metric, params, opening)


def _measured_milestone(row: ActivityFigures, kwartaal: int, reader: MetricReader, jaar: int) -> None:
    metric = registry.get_metric(row.activiteit.metric_key)
    params = row.activiteit.metric_params or {}
    row.definitie = definition(metric, params)
    done = [q for q in range(1, kwartaal + 1) if reader.number(metric, params, quarter(jaar, q)) > 0]
    _milestone_status(row, kwartaal, min(done) if done else None)


def _milestone(row: ActivityFigures, kwartaal: int, entries: dict[int, Realisatie]) -> None:
    done = [q for q, entry in entries.items() if entry.gereed]
    _milestone_status(row, kwartaal, min(done) if done else None)


def _milestone_status(row: ActivityFigures, kwartaal: int, gereed_in: int | None) -> None:
    planned = row.activiteit.mijlpaal_kwartaal
    row.gereed_in = gereed_in
    if row.gereed_in:
        row.status = Status.GEREED
    elif planned and planned <= kwartaal:
        row.status = Status.TE_LAAT
    else:
        row.status = Status.GEPLAND


def _manual(row: ActivityFigures, kwartaal: int, entries: dict[int, Realisatie]) -> None:
    current = entries.get(kwartaal)
    row.kwartaal = current.waarde if current else None
    values = [entry.waarde for entry in entries.values() if entry.waarde is not None]
    if not values:
        return
    total = sum(values, Decimal(0))
    row.tm_kwartaal = total / len(values) if row.soort == Soort.UREN_PER_WEEK else total


def _judge(row: ActivityFigures, kwartaal: int) -> None:
    prognose, realised = row.activiteit.prognose, row.tm_kwartaal
    row.percentage = realised * HUNDRED / prognose if prognose else None
    if row.soort == Soort.UREN_PER_WEEK:
        row.verwachting = prognose
        row.status = Status.OP_SCHEMA if realised >= TOLERANCE * prognose else Status.ACHTER
        return
    if row.activiteit.spreiding == Spreiding.EENMALIG and kwartaal < 4:
        row.verwachting = None
        row.status = Status.GEREED if realised >= prognose else (Status.OP_SCHEMA if realised else Status.GEPLAND)
        return
    row.verwachting = prognose * kwartaal / 4
    if row.stand and row.beginstand is not None:
        # A stock: what was under regie on 1 January is there from day one; only the rest comes pro rata.
        opening = min(row.beginstand, prognose)
        row.verwachting = opening + (prognose - opening) * kwartaal / 4
    if realised >= prognose:
        row.status = Status.GEREED
    elif realised >= TOLERANCE * row.verwachting:
        row.status = Status.OP_SCHEMA
    else:
        row.status = Status.ACHTER


def definition(metric: registry.Metric, params: dict) -> str:
    """The metric's definition, with the parameters of this row in words."""
    if not metric.definition or not params:
        return metric.definition
    values = ", ".join(PARAM_LABELS.get(str(value), str(value)) for value in params.values())
    return _("%(definitie)s Hier: %(waarden)s.") % {"definitie": metric.definition, "waarden": values}


def metric_label(metric: registry.Metric, params: dict) -> str:
    suffix = ", ".join(PARAM_LABELS.get(str(value), str(value)) for value in params.values())
    return f"{metric.label} ({suffix})" if suffix else metric.label


def _key_figures(reader: MetricReader, period: Period, ytd: Period) -> list[KeyFigure]:
    figures = []
    for key, params in KEY_FIGURES:
        metric = registry.find_metric(key)
        if metric is None or metric.breakdown or set(params) != set(metric.params):
            continue
        figures.append(
            KeyFigure(
                metric_label(metric, params),
                metric.unit,
                reader.number(metric, params, period),
                reader.number(metric, params, ytd),
                definitie=definition(metric, params),
            )
        )
    return figures


def _breakdowns(reader: MetricReader, period: Period, ytd: Period) -> list[Breakdown]:
    tables = []
    for key in BREAKDOWNS:
        metric = registry.find_metric(key)
        if metric is None or not metric.breakdown or metric.params:
            continue
        in_quarter, to_date = reader.value(metric, {}, period), reader.value(metric, {}, ytd)
        labels = sorted(set(in_quarter) | set(to_date), key=lambda label: (-to_date.get(label, 0), str(label)))
        rows = [
            (str(label), Decimal(str(in_quarter.get(label, 0))), Decimal(str(to_date.get(label, 0))))
            for label in labels
        ]
        tables.append(Breakdown(metric.label, metric.unit, rows, definitie=metric.definition))
    return tables


def small_cell(value: Decimal | int | None) -> str:
    """Breakdown cells: counts 1–4 are shown as "< 5"."""
    if value is None:
        return "—"
    if 0 < value < SMALL_CELL:
        return f"< {SMALL_CELL}"
    return nl_number(value)
