"""The FG's AVG-verzoeken: register, extend, decide, and the inzage export in one action."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zvh.accounts.choices import Role
from zvh.core.forms import posted, submit
from zvh.permissions import role_required
from zvh.queue import BrokerUnavailable

from . import selectors
from .choices import AccessAction, ExportStatus
from .models import AvgVerzoek
from .register_forms import AfhandelenForm, VerlengenForm, VerzoekForm
from .services import requests as services
from .services.access_log import access_log_record

FG = Role.FG


@require_GET
@role_required(FG)
def verzoek_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.verzoeken(), 50).get_page(request.GET.get("pagina"))
    return render(request, "privacy/verzoek_list.html", {"page": page})


@require_http_methods(["GET", "POST"])
@role_required(FG)
def verzoek_create(request: HttpRequest) -> HttpResponse:
    form = VerzoekForm(posted(request))
    ok, verzoek = submit(request, form, lambda: _create(request, form), _("Het verzoek is geregistreerd."))
    if ok:
        return redirect("privacy:verzoek_detail", pk=verzoek.pk)
    return render(request, "privacy/register_form.html", _form_context(form, _("Nieuw AVG-verzoek")))


def _create(request: HttpRequest, form: VerzoekForm) -> AvgVerzoek:
    from zvh.persons.models import Persoon

    data = form.cleaned_data
    persoon = None
    if data["bsn"]:
        persoon = Persoon.objects.filter(bsn=data["bsn"].strip()).only("pk").first()
        if persoon is None:
            raise ValidationError({"bsn": _("Er is geen persoon met dit BSN in het register.")})
    return services.verzoek_register(
        by=request.user,
        soort=data["soort"],
        ontvangen_op=data["ontvangen_op"],
        persoon=persoon,
        omschrijving=data["omschrijving"],
    )


@require_GET
@role_required(FG)
def verzoek_detail(request: HttpRequest, pk: int) -> HttpResponse:
    verzoek = get_object_or_404(AvgVerzoek.objects.select_related("persoon", "behandelaar"), pk=pk)
    if verzoek.persoon_id:
        # The FG sees who the request is about (identity only): that is itself a read of personal data.
        access_log_record(
            request=request,
            user=request.user,
            action=AccessAction.READ,
            object_type="privacy.avgverzoek",
            object_ids=[verzoek.pk],
            person_ids=[verzoek.persoon_id],
        )
    return render(request, "privacy/verzoek_detail.html", _detail_context(verzoek))


def _detail_context(verzoek, verlengen=None, afhandelen=None) -> dict:
    return {
        "verzoek": verzoek,
        "verlengen": verlengen or VerlengenForm(),
        "afhandelen": afhandelen or AfhandelenForm(),
    }


@require_POST
@role_required(FG)
def verzoek_verlengen(request: HttpRequest, pk: int) -> HttpResponse:
    verzoek = get_object_or_404(AvgVerzoek, pk=pk)
    form = VerlengenForm(request.POST)
    ok, _result = submit(
        request,
        form,
        lambda: services.verzoek_verlengen(
            verzoek=verzoek, by=request.user, reden=form.cleaned_data["verlenging_reden"]
        ),
        _("De termijn is met twee maanden verlengd."),
    )
    if ok:
        return redirect("privacy:verzoek_detail", pk=pk)
    return render(request, "privacy/verzoek_detail.html", _detail_context(verzoek, verlengen=form), status=400)


@require_POST
@role_required(FG)
def verzoek_afhandelen(request: HttpRequest, pk: int) -> HttpResponse:
    verzoek = get_object_or_404(AvgVerzoek, pk=pk)
    form = AfhandelenForm(request.POST)
    ok, _result = submit(
        request,
        form,
        lambda: services.verzoek_afhandelen(verzoek=verzoek, by=request.user, **form.cleaned_data),
        _("Het besluit is vastgelegd."),
    )
    if ok:
        return redirect("privacy:verzoek_detail", pk=pk)
    return render(request, "privacy/verzoek_detail.html", _detail_context(verzoek, afhandelen=form), status=400)


@require_POST
@role_required(FG)
def verzoek_export(request: HttpRequest, pk: int) -> HttpResponse:
    verzoek = get_object_or_404(AvgVerzoek, pk=pk)
    try:
        services.inzage_export_request(verzoek=verzoek, request=request)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    except BrokerUnavailable as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("De inzage-export wordt op de achtergrond gemaakt. Deze pagina toont wanneer hij klaar is.")
        )
    return redirect("privacy:verzoek_detail", pk=pk)


@require_GET
@role_required(FG)
def verzoek_export_status(request: HttpRequest, pk: int) -> JsonResponse:
    """Progress for the page's script: the status only, nothing about the person."""
    verzoek = get_object_or_404(AvgVerzoek.objects.only("export_status", "export_fout"), pk=pk)
    return JsonResponse(
        {
            "status": verzoek.export_status,
            "label": str(verzoek.get_export_status_display()),
            "finished": verzoek.export_status not in (ExportStatus.WACHTRIJ, ExportStatus.BEZIG),
            "error": verzoek.export_fout,
        }
    )


@require_GET
@role_required(FG)
def verzoek_download(request: HttpRequest, pk: int, formaat: str) -> HttpResponse:
    verzoek = get_object_or_404(AvgVerzoek, pk=pk)
    if formaat not in ("pdf", "json"):
        raise Http404
    try:
        content = services.inzage_export_take(verzoek=verzoek, formaat=formaat, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("privacy:verzoek_detail", pk=pk)
    content_type = "application/pdf" if formaat == "pdf" else "application/json"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="inzage-avg-{verzoek.pk}.{formaat}"'
    response["Cache-Control"] = "no-store"
    return response


def _form_context(form, title: str, **extra) -> dict:
    return {"form": form, "title": title, **extra}
