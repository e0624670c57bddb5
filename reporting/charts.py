"""Server-drawn SVG bar charts: realisation to date against the pro-rata expectation, as % of the year's prognose.

Plain SVG with presentation attributes (no inline style, no script), so the same markup works on screen under the
Content-Security-Policy and in WeasyPrint. The numbers are always also in a table next to the chart.
"""

from decimal import Decimal
from itertools import count

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .choices import Status
from .figures import ActivityFigures
from .formatting import nl_number, nl_percent

WIDTH = 720
LABEL_HEIGHT = 16
BAR_HEIGHT = 14
ROW_GAP = 12
TOP = 34
AXIS_MAX = Decimal(120)  # the axis runs to 120% of the prognose; longer bars are cut off with a marker
BAR_AREA = 560
COLOURS = {"bar": "#154273", "behind": "#a34700", "track": "#e8eff7", "expect": "#1a1a1a", "grid": "#b8c4d0"}
_ids = count(1)


PAD = 12  # room for the "0%" tick label


def _x(percentage: Decimal) -> float:
    return PAD + float(min(percentage, AXIS_MAX) / AXIS_MAX * BAR_AREA)


def _row(y: int, row: ActivityFigures, quarter: int) -> list[str]:
    a = row.activiteit
    pct = row.percentage or Decimal(0)
    behind = row.status in (Status.ACHTER, Status.TE_LAAT)
    value = _("%(real)s van %(prog)s (%(pct)s)") % {
        "real": nl_number(row.tm_kwartaal, 1 if row.tm_kwartaal and row.tm_kwartaal % 1 else 0),
        "prog": nl_number(a.prognose),
        "pct": nl_percent(row.percentage),
    }
    bar_y = y + LABEL_HEIGHT
    parts = [
        f'<text x="{PAD}" y="{y + 11}" class="chart__label" font-size="11" fill="#1a1a1a">'
        f"{escape(a.omschrijving)}</text>",
        f'<rect x="{PAD}" y="{bar_y}" width="{_x(Decimal(100)) - PAD:.1f}" height="{BAR_HEIGHT}" '
        f'fill="{COLOURS["track"]}"/>',
        *_grid(bar_y),
    ]
    if row.tm_kwartaal is not None:
        colour = COLOURS["behind"] if behind else COLOURS["bar"]
        parts.append(f'<rect x="{PAD}" y="{bar_y}" width="{_x(pct) - PAD:.1f}" height="{BAR_HEIGHT}" fill="{colour}"/>')
        if pct > AXIS_MAX:
            tip = _x(AXIS_MAX)
            parts.append(
                f'<path d="M{tip - 6:.1f} {bar_y} L{tip + 2:.1f} {bar_y + BAR_HEIGHT / 2} L{tip - 6:.1f} '
                f'{bar_y + BAR_HEIGHT}" fill="#ffffff"/>'
            )
    if row.verwachting is not None and a.prognose:
        ex = _x(row.verwachting * 100 / a.prognose)
        parts.append(
            f'<rect x="{ex - 1.5:.1f}" y="{bar_y - 3}" width="3" height="{BAR_HEIGHT + 6}" fill="{COLOURS["expect"]}"/>'
        )
    text = value if row.tm_kwartaal is not None else _("nog geen gegevens")
    parts.append(
        f'<text x="{_x(AXIS_MAX) + 8:.1f}" y="{bar_y + 11}" font-size="11" fill="#1a1a1a" class="chart__value">'
        f"{escape(text)}</text>"
    )
    return parts


def bar_chart(rows: list[ActivityFigures], quarter: int, title: str) -> SafeString:
    """An accessible SVG (role=img, title + desc); empty string when there is nothing to draw."""
    rows = [row for row in rows if row.charted]
    if not rows:
        return mark_safe("")  # noqa: S308 - constant
    uid = next(_ids)
    row_height = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    height = TOP + len(rows) * row_height + 18
    desc = _(
        "Staafdiagram: realisatie tot en met het %(q)se kwartaal als percentage van de jaarprognose; de zwarte streep "
        "is de verwachting (naar rato, of bij een stand vanaf de beginstand). De cijfers staan ook in de tabel."
    ) % {"q": quarter}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-labelledby="chart-{uid}-title chart-{uid}-desc" '
        f'font-family="DejaVu Sans, Segoe UI, Arial, sans-serif">',
        f'<title id="chart-{uid}-title">{escape(title)}</title>',
        f'<desc id="chart-{uid}-desc">{escape(desc)}</desc>',
    ]
    parts += _axis(height)
    parts += _legend()
    for index, row in enumerate(rows):
        parts += _row(TOP + index * row_height, row, quarter)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text inside is escaped above


def _grid(bar_y: int) -> list[str]:
    """Light tick lines behind one bar (not through the labels)."""
    parts = []
    for pct in (25, 50, 75, 100):
        x = _x(Decimal(pct))
        parts.append(
            f'<line x1="{x:.1f}" y1="{bar_y - 2}" x2="{x:.1f}" y2="{bar_y + BAR_HEIGHT + 2}" '
            f'stroke="{COLOURS["grid"]}" stroke-width="1"/>'
        )
    return parts


def _axis(height: int) -> list[str]:
    parts = []
    for pct in (0, 25, 50, 75, 100):
        x = _x(Decimal(pct))
        parts.append(
            f'<text x="{x:.1f}" y="{height - 4}" font-size="10" fill="#4f4f4f" text-anchor="middle">{pct}%</text>'
        )
    return parts


def _legend() -> list[str]:
    return [
        f'<rect x="0" y="4" width="14" height="10" fill="{COLOURS["bar"]}"/>',
        f'<text x="20" y="13" font-size="10" fill="#1a1a1a">{escape(_("realisatie t/m kwartaal"))}</text>',
        f'<rect x="170" y="4" width="14" height="10" fill="{COLOURS["behind"]}"/>',
        f'<text x="190" y="13" font-size="10" fill="#1a1a1a">{escape(_("achter op schema"))}</text>',
        f'<rect x="316" y="2" width="3" height="14" fill="{COLOURS["expect"]}"/>',
        f'<text x="326" y="13" font-size="10" fill="#1a1a1a">{escape(_("verwachting"))}</text>',
        f'<rect x="480" y="4" width="14" height="10" fill="{COLOURS["track"]}"/>',
        f'<text x="500" y="13" font-size="10" fill="#1a1a1a">{escape(_("jaarprognose (100%)"))}</text>',
    ]


STATUS_COLOURS = [
    ("gereed", "#1f6b2e"),
    ("op_schema", "#154273"),
    ("achter", "#a34700"),
    ("gepland", "#7f8fa6"),
    ("overig", "#d6d6d6"),
]
STATUS_LABELS = {
    "gereed": _lazy("gereed"),
    "op_schema": _lazy("op schema"),
    "achter": _lazy("achter / te laat"),
    "gepland": _lazy("gepland"),
    "overig": _lazy("overig"),
}


def status_chart(lines) -> SafeString:
    """One stacked bar per ontwikkellijn: how many activities have which status."""
    uid = next(_ids)
    row_height, label_width, bar_width = 30, 250, 440
    height = 30 + row_height * len(lines)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--status" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="chart-{uid}-title" '
        f'font-family="DejaVu Sans, Segoe UI, Arial, sans-serif">',
        f'<title id="chart-{uid}-title">{escape(_("Status van de activiteiten per ontwikkellijn"))}</title>',
    ]
    x = 0
    for key, colour in STATUS_COLOURS:
        parts.append(f'<rect x="{x}" y="4" width="12" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 17}" y="13" font-size="10" fill="#1a1a1a">{escape(STATUS_LABELS[key])}</text>')
        x += 30 + 7 * len(str(STATUS_LABELS[key]))
    for index, line in enumerate(lines):
        summary, y = line.summary, 26 + index * row_height
        title = f"{line.ontwikkellijn.nummer}. {line.ontwikkellijn.titel}"
        parts.append(f'<text x="0" y="{y + 14}" font-size="10.5" fill="#1a1a1a">{escape(_truncate(title, 40))}</text>')
        total, offset = summary["totaal"] or 1, float(label_width)
        for key, colour in STATUS_COLOURS:
            width = bar_width * summary[key] / total
            if width:
                parts.append(f'<rect x="{offset:.1f}" y="{y}" width="{width:.1f}" height="20" fill="{colour}"/>')
                if summary[key] and width > 16:
                    text_colour = "#1a1a1a" if key == "overig" else "#ffffff"
                    parts.append(
                        f'<text x="{offset + width / 2:.1f}" y="{y + 14}" font-size="10" fill="{text_colour}" '
                        f'text-anchor="middle">{summary[key]}</text>'
                    )
            offset += width
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text inside is escaped above


def _truncate(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
