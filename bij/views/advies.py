"""The OOV-adviseur's screens: the advice to their own gemeente's burgemeester, and recording the besluit."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from privacy.choices import AccessAction
from zvh.access import gateway
from zvh.accounts.choices import Role
from zvh.core.forms import posted, submit
from zvh.permissions import role_required

from .. import selectors, services
from ..access import ADVIES, advies_get_for_user, is_oov_adviseur
from ..forms import BesluitForm


@require_GET
@role_required(Role.KETENPARTNER)
def advies_list(request: HttpRequest) -> HttpResponse:
    if not is_oov_adviseur(request.user):
        raise PermissionDenied
    adviezen = list(selectors.advies_list(request.user)[:100])
    gateway.log_shown(
        request=request,
        object_type=ADVIES,
        object_ids=[a.pk for a in adviezen],
        person_ids=[a.melding.persoon_id for a in adviezen],
    )
    return render(request, "bij/advies_list.html", {"adviezen": adviezen})


@require_http_methods(["GET", "POST"])
@role_required(Role.KETENPARTNER)
def advies_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = AccessAction.UPDATE if request.method == "POST" else AccessAction.READ
    advies = advies_get_for_user(
        request=request,
        pk=pk,
        action=action,
        queryset=selectors.advies_list(request.user).select_related("opgesteld_door", "besluit_door"),
    )
    form = BesluitForm(posted(request)) if advies.besluit_geregistreerd_op is None else None
    if form is not None:
        ok, _result = submit(
            request,
            form,
            lambda: services.besluit_registreren(
                advies=advies,
                by=request.user,
                datum=form.cleaned_data["besluit_datum"],
                maatregelen=form.cleaned_data["maatregelen"],
            ),
            _("Het besluit van de burgemeester is vastgelegd."),
        )
        if ok:
            return redirect("bij:advies_detail", pk=advies.pk)
    return render(request, "bij/advies_detail.html", {"advies": advies, "form": form})
