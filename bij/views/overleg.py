"""The BIJ-overleg: agenda of meldingen (items by need-to-know) and minutes per item."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from privacy.choices import AccessAction
from zvh.accounts.choices import Role
from zvh.core.forms import posted, submit
from zvh.permissions import role_required

from .. import selectors, services
from ..access import is_bij_team, melding_get_for_user
from ..forms import AgenderenForm, BijOverlegForm, VerslagForm
from .meldingen import _require_team

R, K = Role.PROCESREGISSEUR, Role.KETENPARTNER


def _overleg(request: HttpRequest, pk: int):
    bij_overleg = selectors.bij_overleg_get(request.user, pk)
    if bij_overleg is None:
        raise Http404
    return bij_overleg


@require_GET
@role_required(R, K)
def overleg_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.bij_overleg_queryset_for(request.user).order_by("-overleg__datum_tijd")
    now = timezone.now()
    return render(
        request,
        "bij/overleg_list.html",
        {
            "coming": [o for o in qs if o.overleg.datum_tijd >= now][::-1],
            "past": [o for o in qs[:40] if o.overleg.datum_tijd < now],
            "form": BijOverlegForm(initial=_next(qs)) if is_bij_team(request.user) else None,
        },
    )


def _next(qs) -> dict:
    """The BIJ-overleg meets every two weeks: propose two weeks after the latest one, same time and place."""
    latest = qs.first()
    if latest is None:
        return {"tijd": "09:00"}
    at = timezone.localtime(latest.overleg.datum_tijd) + timedelta(days=14)
    return {"datum": at.date(), "tijd": at.time(), "locatie": latest.overleg.locatie}


@require_POST
@role_required(R)
def overleg_create(request: HttpRequest) -> HttpResponse:
    _require_team(request)
    form = BijOverlegForm(request.POST)
    ok, bij_overleg = submit(
        request,
        form,
        lambda: services.bij_overleg_create(
            by=request.user,
            datum_tijd=form.datum_tijd(),
            locatie=form.cleaned_data["locatie"],
            voorzitter=request.user,
        ),
        _("Het BIJ-overleg is gepland. Zet nu de meldingen op de agenda."),
    )
    if ok:
        return redirect("bij:overleg_detail", pk=bij_overleg.pk)
    qs = selectors.bij_overleg_queryset_for(request.user).order_by("-overleg__datum_tijd")
    return render(request, "bij/overleg_list.html", {"coming": [], "past": list(qs[:40]), "form": form}, status=200)


@require_GET
@role_required(R, K)
def overleg_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bij_overleg = _overleg(request, pk)
    team = is_bij_team(request.user)
    items = selectors.bij_agenda(request=request, bij_overleg=bij_overleg)
    form = None
    if team:
        options = list(selectors.agendeerbare_meldingen(request.user))
        form = AgenderenForm(meldingen=selectors.agendeerbare_meldingen(request.user))
        form.fields["melding"].choices = [("", "---------"), *((m.pk, form.label(m)) for m in options)]
        selectors.log_meldingen(request, options)  # the choices name persons too
    return render(
        request, "bij/overleg_detail.html", {"bij_overleg": bij_overleg, "items": items, "form": form, "team": team}
    )


@require_POST
@role_required(R)
def agendapunt_add(request: HttpRequest, pk: int) -> HttpResponse:
    bij_overleg = _overleg(request, pk)
    _require_team(request)
    form = AgenderenForm(request.POST, meldingen=selectors.agendeerbare_meldingen(request.user))
    if not form.is_valid():
        messages.error(request, _("Kies een open BIJ-melding."))
        return redirect("bij:overleg_detail", pk=bij_overleg.pk)
    melding = melding_get_for_user(request=request, pk=form.cleaned_data["melding"].pk, action=AccessAction.UPDATE)
    try:
        services.bij_agendapunt_add(bij_overleg=bij_overleg, melding=melding, by=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("De melding staat op de agenda."))
    return redirect("bij:overleg_detail", pk=bij_overleg.pk)


@require_http_methods(["GET", "POST"])
@role_required(R)
def agendapunt_verslag(request: HttpRequest, pk: int) -> HttpResponse:
    punt = selectors.agendapunt_get(request.user, pk)
    if punt is None:
        raise Http404
    melding_get_for_user(request=request, pk=punt.melding_id, action=AccessAction.UPDATE)
    form = VerslagForm(posted(request), initial={"verslag": punt.verslag, "afspraken": punt.afspraken})
    ok, _result = submit(
        request,
        form,
        lambda: services.bij_agendapunt_verslag(punt=punt, by=request.user, **form.cleaned_data),
        _("Het verslag van dit agendapunt is opgeslagen."),
    )
    if ok:
        return redirect("bij:overleg_detail", pk=punt.bij_overleg_id)
    return render(request, "bij/agendapunt_verslag.html", {"form": form, "punt": punt})
