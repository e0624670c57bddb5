"""The FG's registers: retention terms and legal holds, the vernietigingsregister, the sealed logs, verwerkingen,
DPIA's and protocols, datalekken, and the review of grants (with CSV)."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zvh import csv as zvh_csv
from zvh.accounts.choices import Role
from zvh.core.dates import datum_tabel
from zvh.core.forms import posted, submit
from zvh.permissions import role_required

from . import review
from .avg.registry import avg_types
from .choices import AccessAction
from .models import Bewaartermijn, Datalek, LegalHold, LogCheckpoint, PrivacyDocument, Vernietigingsregel, Verwerking
from .register_forms import (
    BewaartermijnForm,
    DatalekForm,
    DocumentForm,
    GrantFilterForm,
    LegalHoldForm,
    VerwerkingForm,
    soort_choices,
)
from .services import registers, retention
from .services.access_log import access_log_record

FG = Role.FG


# --- Retention


@require_GET
@role_required(FG)
def bewaartermijnen(request: HttpRequest) -> HttpResponse:
    terms = {t.soort: t for t in Bewaartermijn.objects.select_related("verwerking")}
    rows = [(key, label, terms.get(key)) for key, label in soort_choices()]
    holds = LegalHold.objects.filter(opgeheven_op__isnull=True).select_related("geplaatst_door")
    labels = {t.key: t.label for t in avg_types()}
    return render(
        request,
        "privacy/bewaartermijnen.html",
        {"rows": rows, "holds": holds, "labels": labels, "hold_form": LegalHoldForm()},
    )


@require_http_methods(["GET", "POST"])
@role_required(FG)
def bewaartermijn_edit(request: HttpRequest, soort: str) -> HttpResponse:
    labels = dict(soort_choices())
    if soort not in labels:
        raise Http404
    instance = Bewaartermijn.objects.filter(soort=soort).first()
    form = BewaartermijnForm(posted(request), instance=instance)
    ok, _result = submit(
        request,
        form,
        lambda: retention.bewaartermijn_set(soort=soort, by=request.user, **form.cleaned_data),
        _("De bewaartermijn is opgeslagen."),
    )
    if ok:
        return redirect("privacy:bewaartermijnen")
    title = _("Bewaartermijn: %(soort)s") % {"soort": labels[soort]}
    return render(
        request, "privacy/register_form.html", {"form": form, "title": title, "back": "privacy:bewaartermijnen"}
    )


@require_http_methods(["GET", "POST"])
@role_required(FG)
def legal_hold_create(request: HttpRequest) -> HttpResponse:
    form = LegalHoldForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: retention.legal_hold_place(by=request.user, **form.cleaned_data),
        _("De bewaarplicht is geplaatst: dit dossier wordt niet vernietigd."),
    )
    if ok:
        return redirect("privacy:bewaartermijnen")
    context = {"form": form, "title": _("Bewaarplicht plaatsen"), "back": "privacy:bewaartermijnen"}
    return render(request, "privacy/register_form.html", context)


@require_POST
@role_required(FG)
def legal_hold_lift(request: HttpRequest, pk: int) -> HttpResponse:
    hold = get_object_or_404(LegalHold, pk=pk, opgeheven_op__isnull=True)
    retention.legal_hold_lift(hold=hold, by=request.user)
    from django.contrib import messages

    messages.success(request, _("De bewaarplicht is opgeheven."))
    return redirect("privacy:bewaartermijnen")


@require_GET
@role_required(FG)
def vernietigingsregister(request: HttpRequest) -> HttpResponse:
    page = Paginator(Vernietigingsregel.objects.all(), 50).get_page(request.GET.get("pagina"))
    labels = {t.key: t.label for t in avg_types()}
    return render(request, "privacy/vernietigingsregister.html", {"page": page, "labels": labels})


@require_GET
@role_required(FG)
def logs(request: HttpRequest) -> HttpResponse:
    """The daily checkpoint hashes: the FG keeps the latest outside the system (a cut-off tail is then detectable)."""
    points = LogCheckpoint.objects.all()[:60]
    return render(request, "privacy/logs.html", {"points": points})


# --- Verwerkingsregister, DPIA's and protocols


@require_GET
@role_required(FG)
def verwerking_list(request: HttpRequest) -> HttpResponse:
    rows = Verwerking.objects.prefetch_related("bewaartermijnen")
    labels = {t.key: t.label for t in avg_types()}
    return render(request, "privacy/verwerking_list.html", {"rows": rows, "labels": labels})


def _register_edit(request: HttpRequest, form, save, *, saved: str, title: str, back: str) -> HttpResponse:
    """A register form (verwerking, DPIA/protocol): save through its service, back to the list, or show errors."""
    ok, _result = submit(request, form, save, saved)
    if ok:
        return redirect(back)
    return render(request, "privacy/register_form.html", {"form": form, "title": title, "back": back})


@require_http_methods(["GET", "POST"])
@role_required(FG)
def verwerking_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = get_object_or_404(Verwerking, pk=pk) if pk else None
    form = VerwerkingForm(posted(request), instance=instance)
    return _register_edit(
        request,
        form,
        lambda: registers.verwerking_save(by=request.user, verwerking=instance, **form.cleaned_data),
        saved=_("De verwerking is opgeslagen."),
        title=_("Verwerking wijzigen") if instance else _("Nieuwe verwerking"),
        back="privacy:verwerking_list",
    )


@require_GET
@role_required(FG)
def document_list(request: HttpRequest) -> HttpResponse:
    rows = PrivacyDocument.objects.select_related("mijlpaal")
    return render(request, "privacy/document_list.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
@role_required(FG)
def document_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = get_object_or_404(PrivacyDocument, pk=pk) if pk else None
    form = DocumentForm(posted(request), instance=instance)
    return _register_edit(
        request,
        form,
        lambda: registers.document_save(by=request.user, document=instance, **form.cleaned_data),
        saved=_("Het document is opgeslagen."),
        title=_("DPIA of protocol wijzigen") if instance else _("Nieuwe DPIA of nieuw protocol"),
        back="privacy:document_list",
    )


# --- Datalekken


@require_GET
@role_required(FG)
def datalek_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    rows = [(lek, registers.datalek_te_laat(lek, now)) for lek in Datalek.objects.all()[:200]]
    return render(request, "privacy/datalek_list.html", {"rows": rows, "now": now})


@require_http_methods(["GET", "POST"])
@role_required(FG)
def datalek_create(request: HttpRequest) -> HttpResponse:
    form = DatalekForm(posted(request))
    ok, lek = submit(
        request,
        form,
        lambda: registers.datalek_register(by=request.user, **form.service_data()),
        _("Het datalek is geregistreerd. De termijn van 72 uur loopt vanaf het moment van ontdekken."),
    )
    if ok:
        return redirect("privacy:datalek_detail", pk=lek.pk)
    return render(
        request,
        "privacy/register_form.html",
        {"form": form, "title": _("Datalek registreren"), "back": "privacy:datalek_list"},
    )


@require_http_methods(["GET", "POST"])
@role_required(FG)
def datalek_detail(request: HttpRequest, pk: int) -> HttpResponse:
    lek = get_object_or_404(Datalek, pk=pk)
    form = DatalekForm(posted(request), instance=lek)
    ok, _result = submit(
        request,
        form,
        lambda: registers.datalek_update(
            datalek=lek, by=request.user, sluiten="sluiten" in request.POST, **form.service_data()
        ),
        _("Het datalek is bijgewerkt."),
    )
    if ok:
        return redirect("privacy:datalek_detail", pk=pk)
    lek.refresh_from_db()
    remaining = lek.resterend()
    context = {
        "lek": lek,
        "form": form,
        "te_laat": registers.datalek_te_laat(lek),
        "hours": int(remaining.total_seconds() // 3600),
        "minutes": int(remaining.total_seconds() % 3600 // 60),
        "overdue": remaining.total_seconds() < 0,
    }
    return render(request, "privacy/datalek_detail.html", context, status=400 if form.errors else 200)


# --- Autorisaties review


def _grant_filter(request: HttpRequest) -> tuple[GrantFilterForm, int | None]:
    form = GrantFilterForm(request.GET or None)
    organisation = form.cleaned_data.get("organisatie") if form.is_bound and form.is_valid() else None
    return form, organisation.pk if organisation else None


@require_GET
@role_required(FG)
def autorisaties(request: HttpRequest) -> HttpResponse:
    form, organisation_id = _grant_filter(request)
    page = Paginator(review.access_grants(organisation_id=organisation_id), 50).get_page(request.GET.get("pagina"))
    rows = review.rows_for(list(page.object_list))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request, "privacy/autorisaties.html", {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    )


@require_GET
@role_required(FG)
def autorisaties_csv(request: HttpRequest) -> HttpResponse:
    _form, organisation_id = _grant_filter(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="autorisaties.csv"'
    response.write("\ufeff")
    writer = zvh_csv.writer(response)
    writer.writerow(
        [
            _("Soort"),
            _("Dossier of team"),
            _("Aan"),
            _("Organisatie"),
            _("Rol"),
            _("Doel"),
            _("Geldig van"),
            _("Geldig tot"),
            _("Verleend door"),
            _("Verleend op"),
            _("Ingetrokken op"),
            _("Laatst gebruikt"),
        ]
    )
    raw = list(review.access_grants(organisation_id=organisation_id)[:50_000])
    for start in range(0, len(raw), 500):
        for row in review.rows_for(raw[start : start + 500]):
            writer.writerow(_grant_cells(row))
    access_log_record(
        request=request,
        user=request.user,
        action=AccessAction.EXPORT,
        object_type="privacy.autorisaties",
        object_ids=[],
    )
    return response


def _grant_cells(row: review.Row) -> list:
    def when(value):
        return datum_tabel(value, "tijd") if value else ""

    used = when(row.laatst_gebruikt) if row.gemeten else _("niet te meten")
    return [
        row.soort_label,
        row.dossier,
        row.aan,
        row.organisatie,
        row.rol,
        row.doel,
        when(row.van),
        when(row.tot),
        row.door,
        when(row.op),
        when(row.ingetrokken),
        used,
    ]
