from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from privacy.choices import AccessAction
from zvh.access import gateway
from zvh.core.forms import posted, submit
from zvh.permissions import role_required

from .. import services
from ..access import ISD, is_director
from ..forms import ISDFaseForm, ISDForm
from ..selectors import isd_list
from .common import VIEW_ROLES, get_isd, require_director


@require_GET
@role_required(*VIEW_ROLES)
def isd_list_view(request: HttpRequest) -> HttpResponse:
    trajecten = list(isd_list(request.user)[:200])
    gateway.log_shown(
        request=request,
        object_type=ISD,
        object_ids=[i.pk for i in trajecten],
        person_ids=[i.persoon_id for i in trajecten],
    )
    return render(
        request, "reintegration/isd_list.html", {"trajecten": trajecten, "director": is_director(request.user)}
    )


@require_http_methods(["GET", "POST"])
@role_required(*VIEW_ROLES)
def isd_create(request: HttpRequest) -> HttpResponse:
    require_director(request)
    form = ISDForm(posted(request), user=request.user)
    ok, isd = submit(
        request,
        form,
        lambda: services.isd_create(
            by=request.user,
            persoon=form.persoon(),
            **{k: v for k, v in form.cleaned_data.items() if k not in form.persoon()},
        ),
        _("Het ISD-traject is opgeslagen."),
    )
    if ok:
        return redirect("reintegration:isd_detail", pk=isd.pk)
    return render(request, "reintegration/isd_form.html", {"form": form})


@require_GET
@role_required(*VIEW_ROLES)
def isd_detail(request: HttpRequest, pk: int) -> HttpResponse:
    isd = get_isd(request, pk)
    return render(
        request,
        "reintegration/isd_detail.html",
        {"isd": isd, "fasen": list(isd.fasen.all()), "director": is_director(request.user)},
    )


@require_http_methods(["GET", "POST"])
@role_required(*VIEW_ROLES)
def isd_fase_edit(request: HttpRequest, pk: int, fpk: int) -> HttpResponse:
    require_director(request)
    isd = get_isd(request, pk, AccessAction.UPDATE)
    fase = next((f for f in isd.fasen.all() if f.pk == fpk), None)
    if fase is None:
        raise Http404
    initial = {
        "startdatum": fase.startdatum,
        "einddatum": fase.einddatum,
        "plan": fase.plan,
        "huidig": isd.fase == fase.soort,
    }
    form = ISDFaseForm(posted(request), initial=initial)
    ok, _result = submit(
        request,
        form,
        lambda: services.isd_fase_update(fase=fase, by=request.user, **form.cleaned_data),
        _("De fase is bijgewerkt."),
    )
    if ok:
        return redirect("reintegration:isd_detail", pk=isd.pk)
    return render(request, "reintegration/isd_fase_form.html", {"isd": isd, "fase": fase, "form": form})


@require_POST
@role_required(*VIEW_ROLES)
def isd_close(request: HttpRequest, pk: int) -> HttpResponse:
    require_director(request)
    isd = get_isd(request, pk, AccessAction.UPDATE)
    services.isd_close(isd=isd, by=request.user)
    messages.success(request, _("Het ISD-traject is afgerond."))
    return redirect("reintegration:isd_detail", pk=isd.pk)
