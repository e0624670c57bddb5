from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from privacy.choices import AccessAction
from zvh.access import conditions, gateway
from zvh.accounts.choices import Role
from zvh.permissions import role_required

from ..access import CASUS
from ..forms import ZoekForm
from ..selectors import casus_by_number, log_casus_page, persoon_cases, persoon_search

SEARCH_ROLES = (Role.PROCESREGISSEUR, Role.KETENPARTNER, Role.SECRETARIAAT)


@require_http_methods(["GET", "POST"])
@role_required(*SEARCH_ROLES)
def search(request: HttpRequest) -> HttpResponse:
    """Search persons (name, BSN, birth date) and cases (number) within what the user may see.

    The form is posted, so search terms never appear in a URL. Every search is logged with the persons shown.
    """
    form = ZoekForm(request.POST if request.method == "POST" else None)
    personen = cases = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["casusnummer"]:
            cases = casus_by_number(user=request.user, nummer=data["casusnummer"])
            log_casus_page(request, cases)
        if data["naam"] or data["bsn"] or data["geboortedatum"]:
            personen = persoon_search(
                user=request.user, naam=data["naam"], bsn=data["bsn"], geboortedatum=data["geboortedatum"]
            )
            gateway.log_shown(
                request=request,
                action=AccessAction.SEARCH,
                object_type=gateway.PERSOON,
                object_ids=[p.pk for p in personen],
                person_ids=[p.pk for p in personen],
            )
    return render(request, "cases/search.html", {"form": form, "personen": personen, "cases": cases})


@require_GET
@role_required(*SEARCH_ROLES)
def persoon_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A person and the dossiers of every type that hold them and that the user may see (through the layer)."""
    persoon = gateway.persoon_get_for_user(request=request, pk=pk)
    cases = persoon_cases(user=request.user, persoon=persoon)
    dossiers = conditions.person_dossiers(request.user, persoon.pk, exclude=(CASUS,))
    for dt, objects in dossiers:
        gateway.log_shown(request=request, object_type=dt.key, object_ids=[o.pk for o in objects], person_ids=[pk])
    return render(request, "cases/persoon_detail.html", {"persoon": persoon, "cases": cases, "dossiers": dossiers})
