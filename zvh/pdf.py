"""PDF rendering with WeasyPrint for every printable document (quarterly report, casusoverleg agenda, inzage).

Accessible by default: every PDF is tagged as PDF/UA-1 (structure tree, reading order from the HTML, the document
language from ``<html lang>``, the title from ``<title>`` shown as the window title), so a screen reader reads it.
A document whose last page would hold only a few lines is laid out once more with slightly tighter spacing
(``TIGHT_CSS``), so no reader turns to a nearly empty page.

WeasyPrint may fetch only the app's own static files: :func:`make_fetcher` maps ``https://zvh-static.invalid/<path>``
to a file found by Django's static-files finders (or in STATIC_ROOT) and refuses everything else — file://, http(s)
to any other host, data: and path tricks. WeasyPrint is imported lazily: web processes never pay for it.
"""

import logging
import mimetypes
import posixpath
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

STATIC_HOST = "zvh-static.invalid"
BASE_URL = f"https://{STATIC_HOST}/"
PDF_VARIANT = "pdf/ua-1"
# A last page filled less than this (share of its content height) counts as nearly empty.
NEARLY_EMPTY = 0.12
TIGHT_CSS = "html { line-height: 1.32 !important; } p, li { orphans: 2; widows: 2; }"

# WeasyPrint logs every layout step at INFO; keep the application log readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)


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
class RenderedPdf:
    pdf: bytes
    page_count: int
    html_seconds: float = 0.0
    pdf_seconds: float = 0.0
    last_page_fill: float = 1.0


def render_pdf(html: str) -> RenderedPdf:
    """A tagged (PDF/UA-1) PDF of ``html``; laid out again with tighter spacing if the last page is nearly empty."""
    from weasyprint import CSS, HTML  # lazy: heavy import, only where a PDF is made

    started = time.perf_counter()
    source = HTML(string=html, base_url=BASE_URL, url_fetcher=make_fetcher())
    document = source.render(pdf_variant=PDF_VARIANT)
    fill = last_page_fill(document)
    if len(document.pages) > 1 and fill < NEARLY_EMPTY:
        tighter = source.render(pdf_variant=PDF_VARIANT, stylesheets=[CSS(string=TIGHT_CSS)])
        if len(tighter.pages) < len(document.pages):
            document, fill = tighter, last_page_fill(tighter)
    laid_out = time.perf_counter()
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    return RenderedPdf(pdf, len(document.pages), laid_out - started, time.perf_counter() - laid_out, fill)


def last_page_fill(document) -> float:
    """Share of the last page's content height that holds content (0 = empty, 1 = full)."""
    page = document.pages[-1]._page_box
    top, height = page.content_box_y(), page.height
    bottom = top

    def walk(box) -> None:
        nonlocal bottom
        if type(box).__name__ in ("LineBox", "ImageBox", "TableRowBox", "SVGBox", "InlineReplacedBox"):
            bottom = max(bottom, box.position_y + box.margin_height())
            return
        for child in getattr(box, "children", []):
            walk(child)

    for child in page.children:
        if type(child).__name__ == "MarginBox":
            continue  # running header and footer
        walk(child)
    return max(0.0, min(1.0, (bottom - top) / height)) if height else 1.0
