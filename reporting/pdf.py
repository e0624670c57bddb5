"""Rendering the quarterly report to PDF with WeasyPrint (imported lazily: web processes never pay for it).

WeasyPrint may fetch only the app's own static files: :class:`StaticOnlyFetcher` maps
``https://zvh-static.invalid/<path>`` to a file found by Django's static-files finders (or in STATIC_ROOT) and
refuses everything else — file://, http(s) to any other host, data: and path tricks.
"""

import logging
import mimetypes
import posixpath
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import charts
from .choices import Bron
from .figures import ReportFigures
from .formatting import nl_date

STATIC_HOST = "zvh-static.invalid"
BASE_URL = f"https://{STATIC_HOST}/"
TEMPLATE = "pdf/jaarverslag.html"

# WeasyPrint logs every layout step at INFO; keep the application log readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class FetchRefused(ValueError):
    pass


def static_file_for(url: str) -> Path:
    """The local static file an allowed URL points at; FetchRefused for anything else."""
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.netloc != STATIC_HOST or parts.query or parts.fragment:
        raise FetchRefused(f"niet toegestaan: {url}")
    relative = posixpath.normpath(unquote(parts.path)).lstrip("/")
    if not relative or relative.startswith("..") or "\\" in relative or "\x00" in relative:
        raise FetchRefused(f"niet toegestaan: {url}")
    found = finders.find(relative)
    if not found and settings.STATIC_ROOT:
        candidate = Path(settings.STATIC_ROOT, relative)
        found = str(candidate) if candidate.is_file() else None
    if not found:
        raise FetchRefused(f"niet gevonden: {url}")
    path = Path(found).resolve()
    roots = [Path(root).resolve() for root in _static_roots()]
    if not any(path.is_relative_to(root) for root in roots):
        raise FetchRefused(f"buiten de statische bestanden: {url}")
    return path


def _static_roots() -> list:
    roots = [entry[1] if isinstance(entry, tuple | list) else entry for entry in settings.STATICFILES_DIRS]
    return [*roots, settings.STATIC_ROOT] if settings.STATIC_ROOT else roots


def make_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = static_file_for(url)
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})

    return StaticOnlyFetcher(allowed_protocols=("https",), allow_redirects=False, timeout=1)


@dataclass
class RenderedReport:
    pdf: bytes
    page_count: int
    html_seconds: float = 0.0
    pdf_seconds: float = 0.0


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


def render_pdf(html: str) -> RenderedReport:
    import time

    from weasyprint import HTML  # lazy: heavy import, only where a PDF is made

    started = time.perf_counter()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=make_fetcher()).render()
    laid_out = time.perf_counter()
    pdf = document.write_pdf()
    return RenderedReport(pdf, len(document.pages), laid_out - started, time.perf_counter() - laid_out)
