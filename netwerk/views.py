"""Thin views of the activities register: the secretariaat and procesregisseurs keep it, the manager reads totals."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zvh.accounts.choices import Role
from zvh.core.forms import posted, submit
from zvh.permissions import role_required

from . import selectors, services
from .forms import ActiviteitForm, DeelnameForm, JaarForm

REGISTER = services.REGISTER_ROLES
OVERZICHT = (Role.MANAGER, *REGISTER)


def _jaar(request: HttpRequest) -> int:
    form = JaarForm(request.GET)
    return (form.cleaned_data.get("jaar") if form.is_valid() else None) or timezone.localdate().year


def _activiteit(pk: int):
    activiteit = selectors.activiteit_get(pk=pk)
    if activiteit is None:
        raise Http404
    return activiteit


@require_GET
@role_required(*REGISTER)
def activiteit_list(request: HttpRequest) -> HttpResponse:
    jaar = _jaar(request)
    page = Paginator(selectors.activiteit_list(jaar=jaar), 50).get_page(request.GET.get("pagina"))
    context = {"page": page, "jaar": jaar, "jaren": _jaren(jaar)}
    return render(request, "netwerk/activiteit_list.html", context)


def _jaren(jaar: int) -> list[int]:
    return sorted({*selectors.jaren(), jaar}, reverse=True)


@require_http_methods(["GET", "POST"])
@role_required(*REGISTER)
def activiteit_create(request: HttpRequest) -> HttpResponse:
    form = ActiviteitForm(posted(request), initial={"datum": timezone.localdate()})
    ok, activiteit = submit(
        request,
        form,
        lambda: services.activiteit_create(by=request.user, **form.cleaned_data),
        _("De activiteit is geregistreerd. Voeg nu de deelnemers per organisatie toe."),
    )
    if ok:
        return redirect("netwerk:activiteit_detail", pk=activiteit.pk)
    return render(request, "netwerk/activiteit_form.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
@role_required(*REGISTER)
def activiteit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activiteit = _activiteit(pk)
    initial = {f: getattr(activiteit, f) for f in ("datum", "soort", "training", "onderwerp", "omschrijving")}
    form = ActiviteitForm(posted(request), initial=initial)
    ok, _result = submit(
        request,
        form,
        lambda: services.activiteit_update(activiteit=activiteit, by=request.user, **form.cleaned_data),
        _("De activiteit is bijgewerkt."),
    )
    if ok:
        return redirect("netwerk:activiteit_detail", pk=activiteit.pk)
    context = {"form": form, "activiteit": activiteit}
    return render(request, "netwerk/activiteit_form.html", context, status=400 if form.errors else 200)


@require_GET
@role_required(*REGISTER)
def activiteit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activiteit = _activiteit(pk)
    return _detail(request, activiteit, DeelnameForm())


def _detail(request: HttpRequest, activiteit, form: DeelnameForm, status: int = 200) -> HttpResponse:
    deelnames = list(selectors.deelnames_of(activiteit))
    context = {
        "activiteit": activiteit,
        "deelnames": deelnames,
        "totaal": sum(d.aantal for d in deelnames),
        "nieuw": sum(d.nieuw for d in deelnames),
        "form": form,
    }
    return render(request, "netwerk/activiteit_detail.html", context, status=status)


@require_POST
@role_required(*REGISTER)
def deelname_add(request: HttpRequest, pk: int) -> HttpResponse:
    activiteit = _activiteit(pk)
    form = DeelnameForm(request.POST)
    ok, _result = submit(
        request,
        form,
        lambda: services.deelname_add(activiteit=activiteit, by=request.user, **form.cleaned_data),
        _("De deelnemers zijn toegevoegd."),
    )
    if ok:
        return redirect("netwerk:activiteit_detail", pk=activiteit.pk)
    return _detail(request, activiteit, form, status=400)


@require_POST
@role_required(*REGISTER)
def deelname_remove(request: HttpRequest, pk: int) -> HttpResponse:
    deelname = selectors.deelname_get(pk=pk)
    if deelname is None:
        raise Http404
    activiteit_pk = deelname.activiteit_id
    services.deelname_remove(deelname=deelname, by=request.user)
    messages.success(request, _("De regel is verwijderd."))
    return redirect("netwerk:activiteit_detail", pk=activiteit_pk)


@require_GET
@role_required(*OVERZICHT)
def overzicht(request: HttpRequest) -> HttpResponse:
    jaar = _jaar(request)
    context = {
        "o": selectors.overzicht(jaar=jaar),
        "jaren": _jaren(jaar),
        "can_register": request.user.has_role(*REGISTER),
    }
    return render(request, "netwerk/overzicht.html", context)
