"""Rendering the quarterly report to PDF: the HTML from the figures, the PDF through ``zvh.pdf`` (tagged PDF/UA,
restricted to the app's own static files, no nearly empty last page)."""

from datetime import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from zvh.pdf import BASE_URL, STATIC_HOST, FetchRefused, RenderedPdf, make_fetcher, render_pdf, static_file_for

from . import charts
from .choices import Bron
from .figures import ReportFigures
from .formatting import nl_date

TEMPLATE = "pdf/jaarverslag.html"
RenderedReport = RenderedPdf

__all__ = [
    "BASE_URL",
    "STATIC_HOST",
    "FetchRefused",
    "RenderedReport",
    "make_fetcher",
    "render_pdf",
    "report_html",
    "static_file_for",
]


def report_html(figures: ReportFigures, *, requested_by: str, generated_at: datetime | None = None) -> str:
    generated_at = generated_at or timezone.now()
    with translation.override("nl"):
        lines = [
            {
                "figures": line,
                "themes": [
                    {
                        "figures": theme,
                        "chart": charts.bar_chart(theme.activities, figures.kwartaal, theme.thema.titel),
                    }
                    for theme in line.themes
                ],
            }
            for line in figures.lines
        ]
        activities = figures.activities
        return render_to_string(
            TEMPLATE,
            {
                "f": figures,
                "lines": lines,
                "status_chart": charts.status_chart(figures.lines),
                "previous_year": figures.jaarplan.jaar - 1,
                "earlier_year": figures.jaarplan.jaar - 2,
                "measured_count": sum(1 for a in activities if a.bron == Bron.METING),
                "manual_count": sum(1 for a in activities if a.bron != Bron.METING),
                "waiting_count": sum(1 for a in activities if a.bron == Bron.METING_ONTBREEKT),
                "requested_by": requested_by,
                "generated_at": generated_at,
                "provisional": timezone.localdate(generated_at) < figures.period.end.date(),
                "zvh_name": settings.ZVH_NAME,
                "peildatum": nl_date(figures.period.last_day),
            },
        )
