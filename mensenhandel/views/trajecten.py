from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.services import agendapunt_add
from privacy.choices import AccessAction
from triage import selectors as triage_selectors
from triage.services import advies_register
from zvh.access import gateway
from zvh.accounts.choices import Role
from zvh.core.forms import add_service_errors, posted, submit
from zvh.permissions import role_required

from .. import selectors, services
from ..access import TRAJECT, is_team_regisseur, traject_get_for_user
from ..forms import MhAdviesForm, OpvangadresForm, OverlegForm, ProcedureForm, RevealForm, TrajectForm
from .common import team_required

READERS = (Role.PROCESREGISSEUR, Role.KETENPARTNER)


@require_GET
@role_required(*READERS)
def traject_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.traject_list_for(request.user), 25).get_page(request.GET.get("pagina"))
    gateway.log_shown(
        request=request, object_type=TRAJECT, object_ids=[t.pk for t in page], person_ids=[t.persoon_id for t in page]
    )
    return render(request, "mensenhandel/traject_list.html", {"page": page, "is_team": is_team_regisseur(request.user)})


def _traject(request: HttpRequest, pk: int, action=AccessAction.READ):
    return traject_get_for_user(request=request, pk=pk, action=action, queryset=selectors.traject_detail_queryset())


def _detail(request: HttpRequest, traject, **extra) -> HttpResponse:
    team = is_team_regisseur(request.user)
    context = {
        "traject": traject,
        "procedures": selectors.procedures_of(traject),
        "is_team": team,
        "heeft_adres": team and services.opvangadres_exists(traject=traject),
        "reveal_form": RevealForm(),
        "overleg_form": OverlegForm(overleggen=selectors.upcoming_overleggen()) if team else None,
        **extra,
    }
    response = render(request, "mensenhandel/traject_detail.html", context)
    if "opvangadres" in extra:  # a revealed address is never kept in any cache
        patch_cache_control(response, no_store=True, no_cache=True, private=True)
    return response


@require_GET
@role_required(*READERS)
def traject_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _traject(request, pk))


@require_POST
@team_required
def opvangadres_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the shelter address once, on request with a reason (logged as REVEAL); never on a GET."""
    traject = _traject(request, pk)
    form = RevealForm(request.POST)
    if form.is_valid():
        try:
            adres = services.opvangadres_reveal(request=request, traject=traject, reden=form.cleaned_data["reden"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return _detail(request, traject, opvangadres=adres)
    return _detail(request, traject, reveal_form=form)


@require_http_methods(["GET", "POST"])
@team_required
def traject_edit(request: HttpRequest, pk: int) -> HttpResponse:
    traject = _traject(request, pk, action=AccessAction.UPDATE)
    initial = {"status": traject.status, "zorgcoordinator": traject.zorgcoordinator_id}
    form = TrajectForm(posted(request), initial={**initial, "opvang_soort": traject.opvang_soort})
    ok, _result = submit(
        request,
        form,
        lambda: services.traject_update(traject=traject, by=request.user, **form.cleaned_data),
        _("Het traject is bijgewerkt."),
    )
    if ok:
        return redirect("mensenhandel:traject_detail", traject.pk)
    return render(request, "mensenhandel/traject_edit.html", {"form": form, "traject": traject})


@require_http_methods(["GET", "POST"])
@team_required
def opvangadres_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Set the shelter address. The form never shows the current address (it is only revealed on request)."""
    traject = _traject(request, pk, action=AccessAction.UPDATE)
    form = OpvangadresForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: services.opvangadres_set(traject=traject, by=request.user, adres=form.cleaned_data["adres"]),
        _("Het opvangadres is vastgelegd (afgeschermd)."),
    )
    if ok:
        return redirect("mensenhandel:traject_detail", traject.pk)
    heeft_adres = services.opvangadres_exists(traject=traject)
    return render(
        request, "mensenhandel/opvangadres_edit.html", {"form": form, "traject": traject, "heeft_adres": heeft_adres}
    )


@require_http_methods(["GET", "POST"])
@team_required
def procedure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    procedure = selectors.procedure_for_user(request.user, pk)
    if procedure is None:
        raise Http404
    traject = _traject(request, procedure.traject_id, action=AccessAction.UPDATE)  # logs the access
    initial = {"status": procedure.status, "datum": procedure.datum, "einddatum": procedure.einddatum}
    form = ProcedureForm(
        posted(request), soort=procedure.soort, initial={**initial, "referentie": procedure.referentie}
    )
    ok, _result = submit(
        request,
        form,
        lambda: services.procedure_update(procedure=procedure, by=request.user, **form.cleaned_data),
        _("De procedure is bijgewerkt."),
    )
    if ok:
        return redirect("mensenhandel:traject_detail", traject.pk)
    return render(
        request, "mensenhandel/procedure_edit.html", {"form": form, "procedure": procedure, "traject": traject}
    )


@require_POST
@team_required
def overleg_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Put the traject's case on a casusoverleg (the existing Casusoverleg of the cases app)."""
    traject = _traject(request, pk, action=AccessAction.UPDATE)
    form = OverlegForm(request.POST, overleggen=selectors.upcoming_overleggen())
    if form.is_valid():
        try:
            agendapunt_add(overleg=form.cleaned_data["overleg"], casus=traject.casus, by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De casus staat op de agenda van het casusoverleg."))
            return redirect("mensenhandel:traject_detail", traject.pk)
    return _detail(request, traject, overleg_form=form)


@require_http_methods(["GET", "POST"])
@team_required
def advies_list(request: HttpRequest) -> HttpResponse:
    """Advies mensenhandel (gevraagd en ongevraagd), registered as triage's Advies with thema mensenhandel."""
    form = MhAdviesForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: advies_register(by=request.user, thema="mensenhandel", **form.cleaned_data),
        _("Het advies is geregistreerd."),
    )
    if ok:
        return redirect("mensenhandel:advies_list")
    adviezen = triage_selectors.advies_queryset_for(request.user).filter(thema="mensenhandel")
    page = Paginator(adviezen, 25).get_page(request.GET.get("pagina"))
    return render(request, "mensenhandel/advies_list.html", {"form": form, "page": page})
