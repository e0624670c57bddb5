from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from privacy.choices import AccessAction
from zvh.access import gateway
from zvh.core.forms import posted, submit
from zvh.core.pagination import BoundedCountPaginator
from zvh.permissions import role_required

from .. import services
from ..access import TRAJECT, is_director
from ..choices import Bron
from ..forms import ConsentForm, DatesForm, ListFilter, ToegangForm, TrajectForm, TransitionForm, VoorwaardeForm
from ..selectors import ordered_voorwaarden, signals_of, traject_list, voorwaarde_for_user
from .common import VIEW_ROLES, get_traject, require_director

PAGE_SIZE = 50


@require_GET
@role_required(*VIEW_ROLES)
def traject_list_view(request: HttpRequest) -> HttpResponse:
    form = ListFilter(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    qs = traject_list(request.user, status=data.get("status", ""), signaal=data.get("signaal", False))
    page = BoundedCountPaginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    rows = [(t, signals_of(t)) for t in page.object_list]
    gateway.log_shown(
        request=request,
        object_type=TRAJECT,
        object_ids=[t.pk for t, _s in rows],
        person_ids=[t.persoon_id for t, _s in rows],
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "reintegration/traject_list.html",
        {"form": form, "page": page, "rows": rows, "query": query.urlencode(), "director": is_director(request.user)},
    )


@require_http_methods(["GET", "POST"])
@role_required(*VIEW_ROLES)
def traject_create(request: HttpRequest) -> HttpResponse:
    require_director(request)
    form = TrajectForm(posted(request), user=request.user)
    ok, traject = submit(
        request,
        form,
        lambda: services.traject_create(
            by=request.user,
            persoon=form.persoon(),
            bron=Bron.HANDMATIG,
            **{k: v for k, v in form.cleaned_data.items() if k not in form.persoon()},
        ),
        _("De detentiemelding is opgeslagen."),
    )
    if ok:
        return redirect("reintegration:traject_detail", pk=traject.pk)
    return render(request, "reintegration/traject_form.html", {"form": form})


@require_GET
@role_required(*VIEW_ROLES)
def traject_detail(request: HttpRequest, pk: int) -> HttpResponse:
    traject = get_traject(request, pk)
    director = is_director(request.user)
    return render(
        request,
        "reintegration/traject_detail.html",
        {
            "traject": traject,
            "voorwaarden": ordered_voorwaarden(traject),
            "signalen": signals_of(traject),
            "director": director,
            "transitions": services.available_transitions(traject) if director else [],
            "now": timezone.now(),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(*VIEW_ROLES)
def traject_transition(request: HttpRequest, pk: int) -> HttpResponse:
    require_director(request)
    traject = get_traject(request, pk, AccessAction.UPDATE)
    form = TransitionForm(posted(request), transitions=services.available_transitions(traject))
    ok, _result = submit(
        request,
        form,
        lambda: services.traject_transition(
            traject=traject,
            by=request.user,
            name=form.cleaned_data["stap"],
            reden=form.cleaned_data["reden"],
            datum=form.cleaned_data["datum"],
        ),
        _("De status van het traject is bijgewerkt."),
    )
    if ok:
        return redirect("reintegration:traject_detail", pk=traject.pk)
    return render(request, "reintegration/traject_transition.html", {"traject": traject, "form": form})


def _voorwaarde(request: HttpRequest, traject, vpk):
    voorwaarde = voorwaarde_for_user(request.user, traject=traject, pk=vpk)
    if voorwaarde is None:
        raise Http404
    return voorwaarde


@require_http_methods(["GET", "POST"])
@role_required(*VIEW_ROLES)
def voorwaarde_edit(request: HttpRequest, pk: int, vpk: int) -> HttpResponse:
    require_director(request)
    traject = get_traject(request, pk, AccessAction.UPDATE)
    voorwaarde = _voorwaarde(request, traject, vpk)
    initial = {"status": voorwaarde.status, "organisatie": voorwaarde.organisatie_id, "notitie": voorwaarde.notitie}
    form = VoorwaardeForm(posted(request), initial=initial)
    ok, _result = submit(
        request,
        form,
        lambda: services.voorwaarde_update(voorwaarde=voorwaarde, by=request.user, **form.cleaned_data),
        _("De basisvoorwaarde is bijgewerkt."),
    )
    if ok:
        return redirect("reintegration:traject_detail", pk=traject.pk)
    return render(
        request,
        "reintegration/voorwaarde_form.html",
        {"traject": traject, "voorwaarde": voorwaarde, "form": form, "consent_form": ConsentForm()},
    )


@require_http_methods(["GET", "POST"])
@role_required(*VIEW_ROLES)
def voorwaarde_consent(request: HttpRequest, pk: int, vpk: int) -> HttpResponse:
    require_director(request)
    traject = get_traject(request, pk, AccessAction.UPDATE)
    voorwaarde = _voorwaarde(request, traject, vpk)
    consent_form = ConsentForm(posted(request))
    ok, _result = submit(
        request,
        consent_form,
        lambda: services.voorwaarde_consent(
            voorwaarde=voorwaarde,
            by=request.user,
            toestemming=consent_form.cleaned_data["toestemming"],
            datum=consent_form.cleaned_data["toestemming_datum"],
        ),
        _("De toestemming is vastgelegd."),
    )
    if ok:
        return redirect("reintegration:traject_detail", pk=traject.pk)
    form = VoorwaardeForm(
        initial={"status": voorwaarde.status, "organisatie": voorwaarde.organisatie_id, "notitie": voorwaarde.notitie}
    )
    return render(
        request,
        "reintegration/voorwaarde_form.html",
        {"traject": traject, "voorwaarde": voorwaarde, "form": form, "consent_form": consent_form},
    )


@require_http_methods(["GET", "POST"])
@role_required(*VIEW_ROLES)
def toegang_create(request: HttpRequest, pk: int) -> HttpResponse:
    require_director(request)
    traject = get_traject(request, pk, AccessAction.UPDATE)
    form = ToegangForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: services.toegang_grant(traject=traject, by=request.user, **form.cleaned_data),
        _("De organisatie heeft toegang tot dit traject."),
    )
    if ok:
        return redirect("reintegration:traject_detail", pk=traject.pk)
    return render(request, "reintegration/toegang_form.html", {"traject": traject, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(*VIEW_ROLES)
def traject_dates(request: HttpRequest, pk: int) -> HttpResponse:
    """DJI moves the expected release date: the signals follow."""
    require_director(request)
    traject = get_traject(request, pk, AccessAction.UPDATE)
    form = DatesForm(posted(request), initial={"verwachte_vrijlating": traject.verwachte_vrijlating})
    ok, _result = submit(
        request,
        form,
        lambda: services.traject_update_dates(traject=traject, by=request.user, **form.cleaned_data),
        _("De verwachte vrijlating is bijgewerkt."),
    )
    if ok:
        return redirect("reintegration:traject_detail", pk=traject.pk)
    return render(request, "reintegration/traject_dates.html", {"traject": traject, "form": form})


@require_POST
@role_required(*VIEW_ROLES)
def toegang_end(request: HttpRequest, pk: int, tpk: int) -> HttpResponse:
    require_director(request)
    traject = get_traject(request, pk, AccessAction.UPDATE)
    toegang = next((t for t in traject.toegangen.all() if t.pk == tpk), None)
    if toegang is None:
        raise Http404
    services.toegang_end(toegang=toegang, by=request.user)
    messages.success(request, _("De toegang van %(org)s is beëindigd.") % {"org": toegang.organisatie})
    return redirect("reintegration:traject_detail", pk=traject.pk)
