"""The FG maintains the list of grondslagen: each with its explanation, switched off rather than deleted."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from zvh.accounts.choices import Role
from zvh.core.forms import posted, submit
from zvh.permissions import role_required

from .. import services
from ..forms import GrondslagForm
from ..models import Grondslag


@require_GET
@role_required(Role.FG)
def grondslag_list(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/grondslag_list.html", {"grondslagen": Grondslag.objects.all()})


@require_http_methods(["GET", "POST"])
@role_required(Role.FG)
def grondslag_create(request: HttpRequest) -> HttpResponse:
    form = GrondslagForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: services.grondslag_create(by=request.user, **form.cleaned_data),
        _("De grondslag is toegevoegd."),
    )
    if ok:
        return redirect("cases:grondslag_list")
    return render(request, "cases/grondslag_form.html", {"form": form, "title": _("Nieuwe grondslag")})


@require_http_methods(["GET", "POST"])
@role_required(Role.FG)
def grondslag_edit(request: HttpRequest, pk: int) -> HttpResponse:
    grondslag = Grondslag.objects.filter(pk=pk).first()  # the list itself holds no personal data
    if grondslag is None:
        raise Http404
    initial = {f: getattr(grondslag, f) for f in ("naam", "toelichting", "volgorde", "actief")}
    form = GrondslagForm(posted(request), initial=initial, editing=True)
    ok, _result = submit(
        request,
        form,
        lambda: services.grondslag_update(grondslag=grondslag, by=request.user, **form.cleaned_data),
        _("De grondslag is bijgewerkt."),
    )
    if ok:
        return redirect("cases:grondslag_list")
    title = _("Grondslag wijzigen: %(naam)s") % {"naam": grondslag.naam}
    return render(request, "cases/grondslag_form.html", {"form": form, "title": title, "grondslag": grondslag})
