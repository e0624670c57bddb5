from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from zvh.accounts.choices import Role
from zvh.permissions import role_required

from ..access import log_list
from ..selectors import dashboard_partner, dashboard_regisseur, upcoming_meetings


@require_GET
@role_required(Role.PROCESREGISSEUR, Role.KETENPARTNER, Role.SECRETARIAAT)
def dashboard(request: HttpRequest) -> HttpResponse:
    """'Mijn werk': what needs attention for this user today."""
    user = request.user
    if user.has_role(Role.PROCESREGISSEUR):
        data = dashboard_regisseur(user)
        template = "cases/dashboard_regisseur.html"
    elif user.has_role(Role.KETENPARTNER):
        data = dashboard_partner(user)
        template = "cases/dashboard_partner.html"
    else:
        data = {"meetings": list(upcoming_meetings(user)[:20])}
        template = "cases/dashboard_secretariaat.html"
    shown_cases = list(data.get("cases", [])) + [a.casus for a in data.get("afspraken", [])]
    waiting = data.get("waiting", []) + data.get("aanmeldingen", [])
    log_list(
        request=request,
        object_type="cases.dashboard",
        object_ids=sorted({c.pk for c in shown_cases}),
        person_ids=sorted(
            {c.hoofdpersoon_id for c in shown_cases}
            | {b.persoon_id for a in waiting for b in a.betrokkenen.all() if b.persoon_id}
        ),
    )
    return render(request, template, {**data, "today": timezone.localdate()})
