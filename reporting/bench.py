"""Benchmark hook for ``make bench``: compile the Q4 2022 report against whatever data is in the database.

Aggregation (all metric calls and the jaarplan queries), HTML rendering and WeasyPrint are timed separately.
Targets at 250k cases: total ≤ 10 s, aggregation ≤ 1 s.
"""

import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from . import services
from .figures import jaarplan_figures
from .models import Jaarplan
from .pdf import render_pdf, report_html
from .seeds import jaarplan_2022

YEAR, QUARTER = 2022, 4


def bench_report(stdout) -> dict:
    jaarplan = Jaarplan.objects.filter(jaar=YEAR).first() or services.jaarplan_load(data=jaarplan_2022)[0]
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        figures = jaarplan_figures(jaarplan, QUARTER)
    aggregated = time.perf_counter()
    html = report_html(figures, requested_by="benchmark")
    html_done = time.perf_counter()
    rendered = render_pdf(html)
    finished = time.perf_counter()
    result = {
        "aggregation_seconds": round(aggregated - started, 3),
        "html_seconds": round(html_done - aggregated, 3),
        "render_seconds": round(finished - html_done, 3),
        "total_seconds": round(finished - started, 3),
        "pages": rendered.page_count,
        "pdf_bytes": len(rendered.pdf),
        "metric_calls": figures.metric_calls,
        "queries": len(queries),
    }
    stdout.write(
        "Kwartaalrapportage Q4 2022: aggregatie {aggregation_seconds} s ({metric_calls} metingen, {queries} queries), "
        "HTML {html_seconds} s, PDF {render_seconds} s, totaal {total_seconds} s, {pages} pagina's".format(**result)
    )
    return result
