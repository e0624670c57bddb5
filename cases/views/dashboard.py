from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from zvh.access.gateway import log_shown
from zvh.accounts.choices import Role
from zvh.core.panels import Shown, panels_for
from zvh.permissions import role_required

from ..access import CASUS
from ..selectors import dashboard_partner, dashboard_regisseur, upcoming_meetings


@require_GET
@role_required(Role.PROCESREGISSEUR, Role.KETENPARTNER, Role.SECRETARIAAT)
def dashboard(request: HttpRequest) -> HttpResponse:
    """'Mijn werk': what needs attention for this user today; other apps add their panels (zvh.core.panels.py)."""
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
    panels = panels_for(request)
    shown_cases = list(data.get("cases", []))
    shown = [Shown(CASUS, sorted({c.pk for c in shown_cases}), sorted({c.hoofdpersoon_id for c in shown_cases}))]
    shown += [item for _panel, content in panels for item in content.shown]
    # One row for the whole start page: every dossier named as "<type>:<pk>", every person shown.
    log_shown(
        request=request,
        object_type="cases.dashboard",
        object_ids=[f"{item.object_type}:{pk}" for item in shown for pk in item.object_ids],
        person_ids=sorted({pid for item in shown for pid in item.person_ids}),
    )
    return render(request, template, {**data, "panels": panels, "today": timezone.localdate()})
