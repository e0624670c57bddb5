from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from privacy.choices import AccessAction
from zvh.access import conditions, gateway
from zvh.accounts.choices import Role
from zvh.permissions import role_required

from ..access import CASUS
from ..forms import SEARCH_FIELDS, ZoekForm
from ..selectors import casus_by_number, log_casus_page, persoon_cases, persoon_search

SEARCH_ROLES = (Role.PROCESREGISSEUR, Role.KETENPARTNER, Role.SECRETARIAAT)
# The last search of this session: its terms stay here, never in a URL, so Back and "terug naar de resultaten"
# show the results again (post, redirect, get).
SESSION_KEY = "zvh_zoekopdracht"


@require_http_methods(["GET", "POST"])
@role_required(*SEARCH_ROLES)
def search(request: HttpRequest) -> HttpResponse:
    """Search persons (name, BSN, birth date) and cases (number) within what the user may see.

    A POST (the header box or the search page) stores the terms in the session and redirects; the GET shows the
    results of the stored terms. Every showing of results is logged with the persons shown."""
    if request.method == "POST":
        if "wissen" in request.POST:
            request.session.pop(SESSION_KEY, None)
            return redirect("cases:search")
        form = ZoekForm(request.POST)
        if form.is_valid():
            request.session[SESSION_KEY] = {f: request.POST.get(f, "") for f in SEARCH_FIELDS}
            return redirect("cases:search")
        return render(request, "cases/search.html", {"form": form, "personen": None, "cases": None})
    stored = request.session.get(SESSION_KEY)
    form = ZoekForm(stored) if stored else ZoekForm()
    personen = cases = None
    if stored and form.is_valid():
        personen, cases = _results(request, form.cleaned_data)
    return render(request, "cases/search.html", {"form": form, "personen": personen, "cases": cases})


def _results(request: HttpRequest, data: dict) -> tuple[list | None, list | None]:
    personen = cases = None
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
    return personen, cases


@require_GET
@role_required(*SEARCH_ROLES)
def persoon_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A person and the dossiers of every type that hold them and that the user may see (through the layer)."""
    persoon = gateway.persoon_get_for_user(request=request, pk=pk)
    cases = persoon_cases(user=request.user, persoon=persoon)
    dossiers = conditions.person_dossiers(request.user, persoon.pk, exclude=(CASUS,))
    for dt, objects in dossiers:
        gateway.log_shown(request=request, object_type=dt.key, object_ids=[o.pk for o in objects], person_ids=[pk])
    return render(
        request,
        "cases/persoon_detail.html",
        {
            "persoon": persoon,
            "cases": cases,
            "dossiers": dossiers,
            "terug_naar_zoeken": SESSION_KEY in request.session,
        },
    )
