"""Management dashboard, CSV, quarterly reports (request, progress, download, history) and the jaarplan screens.

Everything here is aggregate: no personal data. Managers and beheerders see figures and reports; the secretariaat
enters realisations with the manager; only the manager copies and edits jaarplannen.
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from privacy.services import access_log_record
from zvh import csv as safe_csv
from zvh.accounts.choices import Role
from zvh.permissions import role_required
from zvh.queue import BrokerUnavailable

from . import charts, registry, selectors, services
from .choices import Soort
from .figures import FiguresError, small_cell
from .formatting import nl_number
from .forms import ActiviteitForm, JaarplanCopyForm, PeriodForm, RealisatieForm
from .periods import quarter_start_day

FIGURES_ROLES = (Role.MANAGER, Role.BEHEERDER)
JAARPLAN_ROLES = (Role.MANAGER, Role.SECRETARIAAT, Role.BEHEERDER)
REALISATIE_ROLES = (Role.MANAGER, Role.SECRETARIAAT)


def _period_form(request: HttpRequest) -> PeriodForm:
    if "jaar" in request.GET or "kwartaal" in request.GET:
        return PeriodForm(request.GET)
    default = selectors.default_period()
    return PeriodForm({"jaar": default[0], "kwartaal": default[1]} if default else None)


@require_GET
@role_required(*FIGURES_ROLES)
def dashboard(request: HttpRequest) -> HttpResponse:
    form = _period_form(request)
    context = {"form": form, "figures": None}
    if form.is_bound and form.is_valid():
        try:
            figures = services.figures_for_overview(jaarplan=form.jaarplan(), kwartaal=form.cleaned_data["kwartaal"])
        except FiguresError as exc:
            messages.error(request, exc.message)
        else:
            context |= {
                "figures": figures,
                "status_chart": charts.status_chart(figures.lines),
                "charts": {
                    theme.thema.pk: charts.bar_chart(theme.activities, figures.kwartaal, theme.thema.titel)
                    for line in figures.lines
                    for theme in line.themes
                },
                "query": request.GET.urlencode() or f"jaar={figures.jaarplan.jaar}&kwartaal={figures.kwartaal}",
            }
    return render(request, "reporting/dashboard.html", context, status=400 if form.errors else 200)


@require_GET
@role_required(*FIGURES_ROLES)
def figures_csv(request: HttpRequest) -> HttpResponse:
    """The dashboard's figures as CSV for Excel (semicolon, decimal comma, UTF-8 with BOM). Aggregates only."""
    form = PeriodForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Kies een bestaand jaarplan en een kwartaal om de cijfers te downloaden."))
        return redirect("reporting:dashboard")
    try:
        figures = services.figures_for_overview(jaarplan=form.jaarplan(), kwartaal=form.cleaned_data["kwartaal"])
    except FiguresError as exc:
        messages.error(request, exc.message)
        return redirect("reporting:dashboard")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"jaarplan-{figures.jaarplan.jaar}-Q{figures.kwartaal}-cijfers.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    _write_csv(response, figures)
    access_log_record(
        request=request,
        user=request.user,
        action="export",
        object_type="reporting.cijfers",
        object_ids=[f"{figures.jaarplan.jaar}-Q{figures.kwartaal}"],
    )
    return response


def _write_csv(response: HttpResponse, figures) -> None:
    writer = safe_csv.writer(response, delimiter=";")
    q, jaar = figures.kwartaal, figures.jaarplan.jaar
    writer.writerow(
        [
            _("Ontwikkellijn"),
            _("Thema"),
            _("Activiteit"),
            _("Soort"),
            f"{_('Prognose')} {jaar}",
            f"{_('Realisatie')} Q{q}",
            f"{_('T/m')} Q{q}",
            _("% van prognose"),
            _("Verwacht naar rato"),
            _("Status"),
            _("Bron"),
            f"{_('Prognose')} {jaar - 1}",
            f"{_('Resultaat')} {jaar - 2}",
        ]
    )
    for line in figures.lines:
        for theme in line.themes:
            for a in theme.activities:
                act = a.activiteit
                writer.writerow(
                    [
                        f"{line.ontwikkellijn.nummer}. {line.ontwikkellijn.titel}",
                        theme.thema.titel,
                        act.omschrijving,
                        act.get_soort_display(),
                        a.prognose_label,
                        _csv_number(a.kwartaal),
                        _csv_number(a.tm_kwartaal),
                        _csv_number(a.percentage, 0),
                        _csv_number(a.verwachting),
                        a.status.label,
                        a.bron.label if a.bron else _("handmatig"),
                        a.vorig_label,
                        a.eerder_label,
                    ]
                )
    for breakdown in figures.breakdowns:
        writer.writerow([])
        writer.writerow([breakdown.label, f"Q{q}", f"{_('T/m')} Q{q}"])
        for label, in_quarter, to_date in breakdown.rows:
            writer.writerow([label, small_cell(in_quarter), small_cell(to_date)])


def _plain(value: Decimal | None) -> Decimal | int | None:
    """4.0 → 4 in form fields; 7.5 stays 7.5."""
    return int(value) if value is not None and value == value.to_integral_value() else value


def _csv_number(value: Decimal | None, decimals: int | None = None) -> str:
    return "" if value is None else nl_number(value, decimals).replace(".", "")


@require_http_methods(["GET", "POST"])
@role_required(*FIGURES_ROLES)
def report_list(request: HttpRequest) -> HttpResponse:
    """History of quarterly reports, and the form to request one."""
    form = PeriodForm(request.POST) if request.method == "POST" else _period_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.report_request(
                jaarplan=form.jaarplan(), kwartaal=form.cleaned_data["kwartaal"], user=request.user
            )
        except BrokerUnavailable as exc:
            messages.error(request, exc.message)
            return render(request, "reporting/report_list.html", _list_context(form), status=503)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(
                request,
                _("De rapportage wordt samengesteld. %(wanneer)s")
                % {"wanneer": progress_text(selectors.report_progress(report))},
            )
            return redirect("reporting:report_detail", pk=report.pk)
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "reporting/report_list.html", _list_context(form), status=status)


def _list_context(form: PeriodForm) -> dict:
    reports = list(selectors.report_list()[:50])
    return {"form": form, "reports": reports, "pending": any(not r.is_finished for r in reports)}


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@require_GET
@role_required(*FIGURES_ROLES)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get(pk=pk)
    progress = selectors.report_progress(report)
    context = {"report": report, "progress": progress_text(progress) if progress else ""}
    return render(request, "reporting/report_detail.html", context)


def progress_text(progress: selectors.Progress | None) -> str:
    """When a pending report will be ready, from the duration of the recent ones (never a fixed promise)."""
    if progress is None:
        return ""
    if progress.overdue:
        return _("Het duurt langer dan de vorige rapportages. Deze pagina meldt het zodra de rapportage klaar is.")
    if progress.expected_at is None:
        return _(
            "Hoe lang het duurt is nog niet bekend (er is nog geen eerdere rapportage). Deze pagina meldt het "
            "zodra de rapportage klaar is."
        )
    seconds = progress.seconds_left
    left = (
        _("nog ongeveer %(n)s seconden") % {"n": max(5, round(seconds / 5) * 5)}
        if seconds < 90
        else _("nog ongeveer %(n)s minuten") % {"n": round(seconds / 60)}
    )
    return _("Naar verwachting klaar om %(tijd)s (%(rest)s, op grond van de duur van de laatste rapportages).") % {
        "tijd": timezone.localtime(progress.expected_at).strftime("%H:%M"),
        "rest": left,
    }


@require_GET
@role_required(*FIGURES_ROLES)
def report_status(request: HttpRequest, pk: int) -> JsonResponse:
    """Progress for the page's script: status only, no figures."""
    report = selectors.report_get(pk=pk)
    return JsonResponse(
        {
            "status": report.status,
            "label": str(report.get_status_display()),
            "finished": report.is_finished,
            "download": reverse("reporting:report_download", args=[report.pk]) if report.file else None,
            "error": report.error,
            "progress": progress_text(selectors.report_progress(report)),
        }
    )


@require_GET
@role_required(*FIGURES_ROLES)
def report_download(request: HttpRequest, pk: int) -> FileResponse:
    report = selectors.report_get(pk=pk)
    if not report.file:
        raise Http404
    try:
        handle = report.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    access_log_record(
        request=request, user=request.user, action="export", object_type="reporting.report", object_ids=[report.pk]
    )
    return FileResponse(handle, as_attachment=True, filename=report.filename, content_type="application/pdf")


# --- Jaarplannen ------------------------------------------------------------------------------------------------


@require_GET
@role_required(*JAARPLAN_ROLES)
def jaarplan_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reporting/jaarplan_list.html",
        {"jaarplannen": selectors.jaarplan_list(), "can_edit": request.user.has_role(Role.MANAGER)},
    )


@require_GET
@role_required(*JAARPLAN_ROLES)
def jaarplan_detail(request: HttpRequest, jaar: int) -> HttpResponse:
    jaarplan = selectors.jaarplan_with_activities(jaar=jaar)
    today = timezone.localdate()
    may_enter = request.user.has_role(*REALISATIE_ROLES)
    started = {q: quarter_start_day(jaarplan.jaar, q) <= today for q in (1, 2, 3, 4)}
    rows = {}
    for lijn in jaarplan.ontwikkellijnen.all():
        for thema in lijn.themas.all():
            for a in thema.activiteiten.all():
                entries = {r.kwartaal: r for r in a.realisaties.all()}
                metric = registry.find_metric(a.metric_key)
                rows[a.pk] = {
                    "bron": _bron_label(a, metric),
                    "cells": [(q, entries.get(q), may_enter and started[q]) for q in (1, 2, 3, 4)],
                }
    return render(
        request,
        "reporting/jaarplan_detail.html",
        {"jaarplan": jaarplan, "rows": rows, "can_edit": request.user.has_role(Role.MANAGER)},
    )


def _bron_label(activiteit, metric) -> str:
    if activiteit.soort == Soort.MIJLPAAL:
        return _("handmatig (gereed melden)")
    if metric is not None:
        return _("registratie: %(label)s") % {"label": metric.label}
    if activiteit.metric_key:
        return _("handmatig (meting nog niet beschikbaar)")
    return _("handmatig")


@require_http_methods(["GET", "POST"])
@role_required(Role.MANAGER)
def jaarplan_copy(request: HttpRequest, jaar: int) -> HttpResponse:
    bron = selectors.jaarplan_get(jaar=jaar)
    initial = {"jaar": bron.jaar + 1, "titel": bron.titel.replace(str(bron.jaar), str(bron.jaar + 1))}
    form = JaarplanCopyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            kopie = services.jaarplan_copy(bron=bron, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("Het jaarplan is gekopieerd. Pas nu de prognoses aan voor het nieuwe jaar."))
            return redirect("reporting:jaarplan_detail", jaar=kopie.jaar)
    return render(request, "reporting/jaarplan_copy.html", {"bron": bron, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(Role.MANAGER)
def activiteit_update(request: HttpRequest, pk: int) -> HttpResponse:
    activiteit = selectors.activiteit_get(pk=pk)
    form = ActiviteitForm(request.POST or None, instance=activiteit)
    if request.method == "POST" and form.is_valid():
        try:
            services.activiteit_update(activiteit=activiteit, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("De activiteit is bijgewerkt."))
            return redirect("reporting:jaarplan_detail", jaar=activiteit.thema.ontwikkellijn.jaarplan.jaar)
    return render(request, "reporting/activiteit_form.html", {"activiteit": activiteit, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(*REALISATIE_ROLES)
def realisatie_edit(request: HttpRequest, pk: int, kwartaal: int) -> HttpResponse:
    activiteit = selectors.activiteit_get(pk=pk)
    if kwartaal not in (1, 2, 3, 4):
        raise Http404
    entry = activiteit.realisaties.filter(kwartaal=kwartaal).first()
    measured = registry.find_metric(activiteit.metric_key) is not None
    initial = (
        {"waarde": _plain(entry.waarde), "gereed": entry.gereed, "toelichting": entry.toelichting} if entry else {}
    )
    form = RealisatieForm(request.POST or None, initial=initial, activiteit=activiteit, measured=measured)
    if request.method == "POST" and form.is_valid():
        try:
            services.realisatie_save(activiteit=activiteit, kwartaal=kwartaal, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("De realisatie is opgeslagen."))
            jaar = activiteit.thema.ontwikkellijn.jaarplan.jaar
            return redirect(f"{reverse('reporting:jaarplan_detail', args=[jaar])}#activiteit-{activiteit.pk}")
    return render(
        request,
        "reporting/realisatie_form.html",
        {"activiteit": activiteit, "kwartaal": kwartaal, "form": form, "measured": measured, "entry": entry},
    )
