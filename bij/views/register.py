"""The art. 18b Pbw register: kept by the BIJ team, read by the FG as a disclosure register."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cases.access import casus_queryset_for
from zvh.access import gateway
from zvh.accounts.choices import Role
from zvh.core.forms import posted, submit
from zvh.permissions import role_required

from .. import selectors, services
from ..access import is_bij_team
from ..forms import Uitwisseling18bForm
from .meldingen import _require_team

REGISTER = "bij.art18b"


@require_GET
@role_required(Role.PROCESREGISSEUR, Role.FG)
def register_list(request: HttpRequest) -> HttpResponse:
    if not (is_bij_team(request.user) or request.user.has_role(Role.FG)):
        raise PermissionDenied
    page = Paginator(selectors.register_queryset_for(request.user), 50).get_page(request.GET.get("pagina"))
    gateway.log_shown(request=request, object_type=REGISTER, object_ids=[u.pk for u in page.object_list])
    return render(request, "bij/register_list.html", {"page": page, "can_create": is_bij_team(request.user)})


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR)
def register_create(request: HttpRequest) -> HttpResponse:
    _require_team(request)
    form = Uitwisseling18bForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: services.uitwisseling_create(by=request.user, data=_data(request, form)),
        _("De uitwisseling is in het register opgenomen."),
    )
    if ok:
        return redirect("bij:register_list")
    return render(request, "bij/register_form.html", {"form": form})


def _data(request: HttpRequest, form) -> dict:
    """The form's values, with the melding and casus looked up within the user's access (else a Dutch error)."""
    data = {k: v for k, v in form.cleaned_data.items() if k not in ("meldingnummer", "casusnummer")}
    errors = {}
    if form.cleaned_data.get("meldingnummer"):
        data["melding"] = (
            selectors.melding_queryset_for(request.user).filter(pk=form.cleaned_data["meldingnummer"]).first()
        )
        if data["melding"] is None:
            errors["meldingnummer"] = _("Die BIJ-melding bestaat niet of u heeft er geen toegang toe.")
    if form.cleaned_data.get("casusnummer"):
        nummer = form.cleaned_data["casusnummer"].strip().upper()
        data["casus"] = casus_queryset_for(request.user).filter(nummer=nummer).first()
        if data["casus"] is None:
            errors["casusnummer"] = _("Die casus bestaat niet of u heeft er geen toegang toe.")
    if errors:
        raise ValidationError(errors)
    if not data.get("melding") and not data.get("casus"):
        raise ValidationError({"meldingnummer": _("Koppel de uitwisseling aan een BIJ-melding of een casus.")})
    return data
