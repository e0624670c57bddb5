"""Writes of the reporting app: loading and copying jaarplannen, manual realisations, report requests and compiling.

Jaarplan edits and realisations are audited by django-auditlog (registered in apps.py); the actor is the request's
user, or inside a Celery task the user who asked for it (``zvh.audit.task_actor``).
"""

import logging
from datetime import timedelta
from decimal import Decimal
from types import ModuleType

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.queue import BrokerUnavailable, enqueue_on_commit, ensure_broker_available

from . import registry
from .choices import ReportStatus, Soort
from .figures import FiguresError, ReportFigures, StoredMetricReader, jaarplan_figures
from .models import Activiteit, Jaarplan, Ontwikkellijn, Realisatie, Report, Thema, report_upload_to
from .pdf import RenderedReport, render_pdf, report_html
from .periods import quarter_start_day

logger = logging.getLogger(__name__)


# --- Jaarplan ---------------------------------------------------------------------------------------------------


@transaction.atomic
def jaarplan_load(*, data: ModuleType) -> tuple[Jaarplan, bool]:
    """Load a transcribed jaarplan (see ``reporting/seeds/``). Idempotent: an existing year is left as it is."""
    existing = Jaarplan.objects.filter(jaar=data.JAAR).first()
    if existing:
        return existing, False
    jaarplan = _save(Jaarplan(jaar=data.JAAR, titel=data.TITEL, vastgesteld_op=getattr(data, "VASTGESTELD_OP", None)))
    for lijn_data in data.ONTWIKKELLIJNEN:
        lijn = _save(Ontwikkellijn(jaarplan=jaarplan, nummer=lijn_data["nummer"], titel=lijn_data["titel"]))
        for t_index, thema_data in enumerate(lijn_data["themas"], start=1):
            thema = _save(
                Thema(
                    ontwikkellijn=lijn,
                    volgorde=t_index,
                    titel=thema_data["titel"],
                    omschrijving=thema_data.get("omschrijving", ""),
                )
            )
            for a_index, row in enumerate(thema_data["activiteiten"], start=1):
                _save(_activiteit_from_data(thema, a_index, row))
    return jaarplan, True


def _activiteit_from_data(thema: Thema, volgorde: int, row: dict) -> Activiteit:
    def number(key: str) -> Decimal | None:
        return None if row.get(key) is None else Decimal(row[key])

    return Activiteit(
        thema=thema,
        volgorde=volgorde,
        omschrijving=row["omschrijving"],
        soort=row["soort"],
        spreiding=row.get("spreiding", "pro_rata"),
        prognose=number("prognose"),
        prognose_tekst=row.get("prognose_tekst", ""),
        mijlpaal_kwartaal=row.get("kwartaal"),
        prognose_vorig_jaar=number("vorig"),
        prognose_vorig_jaar_tekst=row.get("vorig_tekst", ""),
        resultaat_eerder=number("eerder"),
        resultaat_eerder_tekst=row.get("eerder_tekst", ""),
        metric_key=row.get("metric", ""),
        metric_params=row.get("params", {}),
        bron_opmerking=row.get("opmerking", ""),
    )


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def jaarplan_copy(*, bron: Jaarplan, jaar: int, titel: str) -> Jaarplan:
    """A new jaarplan with the structure and prognoses of ``bron``, to be edited for the new year.

    For the year after ``bron`` the prognoses of ``bron`` become the "prognose vorig jaar" column; the "resultaat
    twee jaar eerder" column starts empty (the manager fills it in from the realisation of that year).
    """
    if Jaarplan.objects.filter(jaar=jaar).exists():
        raise ValidationError({"jaar": _("Er bestaat al een jaarplan voor %(jaar)s.") % {"jaar": jaar}})
    next_year = jaar == bron.jaar + 1
    kopie = _save(Jaarplan(jaar=jaar, titel=titel, gekopieerd_van=bron))
    for lijn in bron.ontwikkellijnen.prefetch_related("themas__activiteiten"):
        nieuwe_lijn = _save(Ontwikkellijn(jaarplan=kopie, nummer=lijn.nummer, titel=lijn.titel))
        for thema in lijn.themas.all():
            nieuw_thema = _save(
                Thema(
                    ontwikkellijn=nieuwe_lijn,
                    volgorde=thema.volgorde,
                    titel=thema.titel,
                    omschrijving=thema.omschrijving,
                )
            )
            for a in thema.activiteiten.all():
                _save(
                    Activiteit(
                        thema=nieuw_thema,
                        volgorde=a.volgorde,
                        omschrijving=a.omschrijving,
                        soort=a.soort,
                        spreiding=a.spreiding,
                        prognose=a.prognose,
                        prognose_tekst=a.prognose_tekst,
                        mijlpaal_kwartaal=a.mijlpaal_kwartaal,
                        prognose_vorig_jaar=a.prognose if next_year else None,
                        prognose_vorig_jaar_tekst=a.prognose_tekst if next_year else "",
                        metric_key=a.metric_key,
                        metric_params=a.metric_params,
                        bron_opmerking=_("Gekopieerd uit %(titel)s.") % {"titel": bron.titel},
                    )
                )
    return kopie


ACTIVITEIT_FIELDS = (
    "omschrijving",
    "prognose",
    "prognose_tekst",
    "mijlpaal_kwartaal",
    "spreiding",
    "prognose_vorig_jaar",
    "prognose_vorig_jaar_tekst",
    "resultaat_eerder",
    "resultaat_eerder_tekst",
    "metric_key",
    "metric_params",
)


@transaction.atomic
def activiteit_update(*, activiteit: Activiteit, **fields) -> Activiteit:
    unknown = set(fields) - set(ACTIVITEIT_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    for name, value in fields.items():
        setattr(activiteit, name, value)
    if activiteit.soort == Soort.MIJLPAAL and not activiteit.mijlpaal_kwartaal:
        raise ValidationError({"mijlpaal_kwartaal": _("Kies het kwartaal waarin de mijlpaal gereed moet zijn.")})
    metric = registry.find_metric(activiteit.metric_key)
    if metric is not None and set(activiteit.metric_params) != set(metric.params):
        raise ValidationError(
            {
                "metric_params": _("De meting ‘%(label)s’ heeft deze parameters nodig: %(params)s.")
                % {"label": metric.label, "params": ", ".join(metric.params) or _("geen")}
            }
        )
    return _save(activiteit)


# --- Manual realisation -----------------------------------------------------------------------------------------


@transaction.atomic
def realisatie_save(
    *,
    activiteit: Activiteit,
    kwartaal: int,
    user,
    waarde: Decimal | None = None,
    gereed: bool = False,
    toelichting: str = "",
) -> Realisatie | None:
    """Record (or clear, when everything is empty) the realisation of one activity in one quarter."""
    _check_realisatie(activiteit, kwartaal, waarde, gereed)
    toelichting = toelichting.strip()
    existing = Realisatie.objects.filter(activiteit=activiteit, kwartaal=kwartaal).first()
    if waarde is None and not gereed and not toelichting:
        if existing:
            existing.delete()
        return None
    entry = existing or Realisatie(activiteit=activiteit, kwartaal=kwartaal)
    entry.waarde, entry.gereed, entry.toelichting, entry.ingevoerd_door = waarde, gereed, toelichting, user
    return _save(entry)


def _check_realisatie(activiteit: Activiteit, kwartaal: int, waarde: Decimal | None, gereed: bool) -> None:
    jaar = activiteit.thema.ontwikkellijn.jaarplan.jaar
    if kwartaal not in (1, 2, 3, 4):
        raise ValidationError(_("Kies een kwartaal van 1 tot en met 4."))
    if quarter_start_day(jaar, kwartaal) > timezone.localdate():
        raise ValidationError(_("Voor een kwartaal dat nog niet is begonnen kan nog geen realisatie worden ingevoerd."))
    if activiteit.soort == Soort.MIJLPAAL and waarde is not None:
        raise ValidationError({"waarde": _("Een mijlpaal heeft geen aantal: vink ‘gereed’ aan of licht toe.")})
    if activiteit.soort != Soort.MIJLPAAL and gereed:
        raise ValidationError({"gereed": _("Alleen een mijlpaal kan gereed worden gemeld.")})
    if activiteit.soort == Soort.KWALITATIEF and waarde is not None:
        raise ValidationError({"waarde": _("Deze activiteit heeft geen getalsmatige prognose: licht haar toe.")})
    if waarde is not None and waarde < 0:
        raise ValidationError({"waarde": _("Een realisatie kan niet negatief zijn.")})
    if gereed and registry.find_metric(activiteit.metric_key):
        raise ValidationError(
            {"gereed": _("Deze mijlpaal wordt gemeld vanuit de registratie; vul alleen een toelichting in.")}
        )
    if waarde is not None and registry.find_metric(activiteit.metric_key):
        raise ValidationError(
            {"waarde": _("Deze activiteit wordt gemeten uit de registratie; vul alleen een toelichting in.")}
        )


# --- Reports ----------------------------------------------------------------------------------------------------


def report_request(*, jaarplan: Jaarplan, kwartaal: int, user) -> Report:
    """Create a report request and queue its compilation after commit.

    A broker that is down fails here within ~2 s (BrokerUnavailable) before anything is written; if publishing
    still fails after the commit, the request is removed again, so no half-made record remains.
    """
    from .tasks import compile_report

    _check_quarter_started(jaarplan, kwartaal)
    ensure_broker_available()
    failures: list[BrokerUnavailable] = []
    with transaction.atomic():
        report = _save(Report(jaarplan=jaarplan, kwartaal=kwartaal, requested_by=user))
        enqueue_on_commit(compile_report, report.pk, on_error=failures.append)
    if failures:
        Report.objects.filter(pk=report.pk).delete()
        raise failures[0]
    return report


def _check_quarter_started(jaarplan: Jaarplan, kwartaal: int) -> None:
    if kwartaal not in (1, 2, 3, 4):
        raise ValidationError({"kwartaal": _("Kies een kwartaal van 1 tot en met 4.")})
    if quarter_start_day(jaarplan.jaar, kwartaal) > timezone.localdate():
        raise ValidationError({"kwartaal": _("Dit kwartaal is nog niet begonnen: er valt nog niets te rapporteren.")})


@transaction.atomic
def report_create_automatic(*, jaarplan: Jaarplan, kwartaal: int) -> Report | None:
    """The report Celery beat makes after a quarter; None when it already exists (idempotent)."""
    if Report.objects.filter(jaarplan=jaarplan, kwartaal=kwartaal, automatic=True).exists():
        return None
    return _save(Report(jaarplan=jaarplan, kwartaal=kwartaal, automatic=True))


def requested_by_label(report: Report) -> str:
    user = report.requested_by
    if user is None:
        return _("automatisch samengesteld na afloop van het kwartaal")
    role = user.role.label if user.role else ""
    return f"{user.display_name} ({role})" if role else user.display_name


def report_build(*, jaarplan: Jaarplan, kwartaal: int, requested_by: str) -> RenderedReport:
    """Figures plus PDF, synchronously (used by the task, the jaarverslag command and the benchmark). The figures
    are computed afresh, and stored for the overzicht."""
    figures = figures_compute(jaarplan=jaarplan, kwartaal=kwartaal, fresh_after=timezone.now())
    return render_pdf(report_html(figures, requested_by=requested_by))


# --- Figures for the overzicht and the CSV ----------------------------------------------------------------------


def figures_for_overview(*, jaarplan: Jaarplan, kwartaal: int) -> ReportFigures:
    """The overzicht's figures: the registration's metrics as last stored (reporting.Meetwaarde), computed now only
    when missing. Values older than REPORTING_FIGURES_MAX_AGE are shown and computed again by a task, so a request
    never waits for the whole year plan. Raises FiguresError (Dutch) when a metric fails."""
    now = timezone.now()
    max_age = timedelta(seconds=settings.REPORTING_FIGURES_MAX_AGE)
    figures = figures_compute(jaarplan=jaarplan, kwartaal=kwartaal, fresh_after=now - max_age, serve_stale=True)
    if figures.verouderd:
        from .tasks import refresh_figures

        enqueue_on_commit(
            refresh_figures,
            jaarplan.pk,
            kwartaal,
            now.isoformat(),
            on_error=lambda exc: logger.warning("cijfers verversen niet in de wachtrij: broker onbereikbaar"),
        )
    return figures


def figures_compute(*, jaarplan: Jaarplan, kwartaal: int, fresh_after, serve_stale: bool = False) -> ReportFigures:
    """Compute every metric value stored before ``fresh_after`` again (or, with ``serve_stale``, only the missing
    ones), and store what was computed. Idempotent: a second call with the same ``fresh_after`` finds the values it
    needs computed after that moment and computes nothing."""
    reader = StoredMetricReader(jaarplan.jaar, fresh_after=fresh_after, serve_stale=serve_stale)
    figures = jaarplan_figures(jaarplan, kwartaal, reader)
    reader.save()
    return figures


def report_compile(*, report_id: int, task_id: str = "") -> Report:
    """Compile the PDF of a report request. Idempotent: a finished request is left alone, and a re-run of an
    interrupted one overwrites its own file (the file name is fixed per request), so there is never a second file.
    A request whose compilation was started MAX_ATTEMPTS times (each time the worker died) fails in Dutch.
    """
    with transaction.atomic():
        report = (
            Report.objects.select_for_update(of=("self",)).select_related("jaarplan", "requested_by").get(pk=report_id)
        )
        if report.is_finished:
            return report
        if report.attempts >= settings.REPORT_MAX_ATTEMPTS:
            return report_fail(report=report, message=_too_many_attempts())
        report.status, report.started_at, report.task_id = ReportStatus.RUNNING, timezone.now(), task_id
        report.attempts += 1
        report.save(update_fields=["status", "started_at", "task_id", "attempts"])
    try:
        rendered = report_build(
            jaarplan=report.jaarplan, kwartaal=report.kwartaal, requested_by=requested_by_label(report)
        )
    except FiguresError as exc:
        return report_fail(report=report, message=exc.message)
    _store_pdf(report, rendered)
    return report


@transaction.atomic
def _store_pdf(report: Report, rendered: RenderedReport) -> None:
    # Under the row lock: when a second run of the same request (a re-delivery next to a sweeper's re-queue)
    # finished first, its file stands and this one is not written.
    current = Report.objects.select_for_update(of=("self",)).get(pk=report.pk)
    if current.is_finished:
        report.refresh_from_db()
        return
    name = report_upload_to(report, "")
    storage = report.file.storage
    if storage.exists(name):
        storage.delete(name)
    report.file.save(name, ContentFile(rendered.pdf), save=False)
    report.status, report.finished_at, report.page_count = ReportStatus.DONE, timezone.now(), rendered.page_count
    report.error = ""
    report.save(update_fields=["file", "status", "finished_at", "page_count", "error"])


def _too_many_attempts() -> str:
    return _(
        "Het samenstellen is %(aantal)s keer onderbroken en daarom gestopt. Vraag de rapportage opnieuw aan; "
        "blijft dit gebeuren, meld het dan bij de functioneel beheerder."
    ) % {"aantal": settings.REPORT_MAX_ATTEMPTS}


def report_sweep(*, now=None) -> list[int]:
    """Pick up lost compilations from the database rows (run by Celery beat, see tasks.sweep_reports).

    A request still queued QUEUED_GRACE after it was queued, or still running RUNNING_LEASE after it started (longer
    than the task's hard time limit, so its worker died: SIGKILL, OOM, a lost machine), is queued again after commit.
    Idempotent: a re-queued row gets a new queued_at, so a second sweep right after leaves it alone; rows another
    sweep holds are skipped. After MAX_ATTEMPTS starts the request fails with a Dutch message.
    """
    from .tasks import compile_report

    now = now or timezone.now()
    queued_before = now - timedelta(seconds=settings.REPORT_QUEUED_GRACE)
    started_before = now - timedelta(seconds=settings.REPORT_RUNNING_LEASE)
    requeued = []
    with transaction.atomic():
        stale = Report.objects.select_for_update(skip_locked=True).filter(
            Q(status=ReportStatus.QUEUED, queued_at__lt=queued_before)
            | Q(status=ReportStatus.RUNNING, started_at__lt=started_before)
        )
        for report in stale.order_by("pk")[:100]:
            if report.attempts >= settings.REPORT_MAX_ATTEMPTS:
                report_fail(report=report, message=_too_many_attempts())
                continue
            report.status, report.queued_at, report.task_id = ReportStatus.QUEUED, now, ""
            report.save(update_fields=["status", "queued_at", "task_id"])
            # A broker that is down: the row stays queued and the next sweep tries again.
            enqueue_on_commit(compile_report, report.pk, on_error=lambda exc: logger.warning("broker onbereikbaar"))
            requeued.append(report.pk)
    return requeued


def report_fail(*, report: Report, message: str) -> Report:
    report.status, report.finished_at, report.error = ReportStatus.FAILED, timezone.now(), message
    report.save(update_fields=["status", "finished_at", "error"])
    return report
