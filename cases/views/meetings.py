from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from privacy.choices import AccessAction
from zvh.accounts.choices import Role
from zvh.core.forms import add_service_errors, posted, submit
from zvh.permissions import role_required

from .. import services
from ..access import casus_get_for_user, casus_queryset_for
from ..forms import (
    AfspraakForm,
    AgendapuntForm,
    AgenderenForm,
    DeelnemerForm,
    OverlegForm,
    VerslagForm,
    WachtendeCasussenForm,
)
from ..ical import overleg_calendar
from ..models import Agendapunt
from ..selectors import (
    cases_waiting_for_overleg,
    invitees,
    log_casus_page,
    overleg_agenda,
    overleg_queryset_for,
    overleggen_coming,
)

MEETING_ROLES = (Role.PROCESREGISSEUR, Role.SECRETARIAAT, Role.KETENPARTNER)
ZVH_ROLES = (Role.PROCESREGISSEUR, Role.SECRETARIAAT)


def _overleg(request: HttpRequest, pk: int):
    overleg = overleg_queryset_for(request.user).filter(pk=pk).first()
    if overleg is None:
        raise Http404
    return overleg


@require_GET
@role_required(*MEETING_ROLES)
def overleg_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    qs = overleg_queryset_for(request.user)
    coming = qs.filter(datum_tijd__gte=now).order_by("datum_tijd")
    past = Paginator(qs.filter(datum_tijd__lt=now).order_by("-datum_tijd"), 20).get_page(request.GET.get("pagina"))
    return render(
        request,
        "cases/overleg_list.html",
        {"coming": coming, "page": past, "can_plan": request.user.has_role(*ZVH_ROLES)},
    )


@require_http_methods(["GET", "POST"])
@role_required(*ZVH_ROLES)
def overleg_create(request: HttpRequest) -> HttpResponse:
    form = OverlegForm(posted(request))
    ok, overleg = submit(
        request,
        form,
        lambda: services.overleg_create(
            by=request.user,
            datum_tijd=form.datum_tijd(),
            locatie=form.cleaned_data["locatie"],
            soort=form.cleaned_data["soort"],
            voorzitter=form.cleaned_data["voorzitter"],
            ondersteuning=form.cleaned_data["ondersteuning"],
            eindigt_op=form.eindigt_op(),
            zaal=form.cleaned_data["zaal"],
        ),
        _("Het casusoverleg is gepland. Zet nu de casussen op de agenda."),
    )
    if ok:
        return redirect("cases:overleg_detail", pk=overleg.pk)
    return render(request, "cases/overleg_create.html", {"form": form})


@require_GET
@role_required(*MEETING_ROLES)
def overleg_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _agenda(request, pk, template="cases/overleg_detail.html")


@require_GET
@role_required(*MEETING_ROLES)
def overleg_print(request: HttpRequest, pk: int) -> HttpResponse:
    """Printable agenda and minutes: the same need-to-know filtering; printing is logged as an export."""
    return _agenda(request, pk, template="cases/overleg_print.html", action=AccessAction.EXPORT)


@require_GET
@role_required(*MEETING_ROLES)
def overleg_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The printable agenda as a tagged (PDF/UA) PDF: the same need-to-know filtering, logged as an export.
    The file name holds the date only, never a person."""
    from zvh.pdf import render_pdf

    context = _agenda_context(request, pk, AccessAction.EXPORT)
    context.update(user=request.user, today=timezone.localdate())
    with translation.override("nl"):
        rendered = render_pdf(render_to_string("pdf/overleg_agenda.html", context))
    response = HttpResponse(rendered.pdf, content_type="application/pdf")
    day = timezone.localtime(context["overleg"].datum_tijd).strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="agenda-casusoverleg-{day}.pdf"'
    return response


@require_GET
@role_required(*MEETING_ROLES)
def overleg_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting as an iCalendar file: date, time, place and a link; no agenda (only invited users get it)."""
    overleg = _overleg(request, pk)
    response = HttpResponse(overleg_calendar(overleg), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="casusoverleg-{overleg.pk}.ics"'
    return response


def _agenda(request: HttpRequest, pk: int, template: str, action: str = AccessAction.READ) -> HttpResponse:
    return render(request, template, _agenda_context(request, pk, action))


def _agenda_context(request: HttpRequest, pk: int, action: str) -> dict:
    overleg = _overleg(request, pk)
    items = overleg_agenda(request=request, overleg=overleg, action=action)
    wachtend_form = None
    if request.user.has_role(Role.PROCESREGISSEUR) and action == AccessAction.READ:
        wachtend_form = _waiting_form(request, overleg)
    return {
        "overleg": overleg,
        "items": [(item, invitees(item.punt) if item.toegang else []) for item in items],
        "deelnemers": overleg.deelnemers.select_related("organisatie"),
        "is_regisseur": request.user.has_role(Role.PROCESREGISSEUR),
        "is_zvh": request.user.has_role(*ZVH_ROLES),
        "agendapunt_form": AgendapuntForm(),
        "wachtend_form": wachtend_form,
    }


WAITING_SHOWN = 30


def _waiting_form(request: HttpRequest, overleg, data=None) -> WachtendeCasussenForm | None:
    """The cases waiting for an overleg, as checkboxes; the names shown are logged."""
    waiting = cases_waiting_for_overleg(user=request.user, overleg=overleg)
    shown = list(waiting[:WAITING_SHOWN])
    if not shown:
        return None
    log_casus_page(request, shown)
    return WachtendeCasussenForm(data, casussen=waiting.filter(pk__in=[c.pk for c in shown]), shown=shown)


@require_http_methods(["POST"])
@role_required(Role.PROCESREGISSEUR)
def agendapunt_add_waiting(request: HttpRequest, pk: int) -> HttpResponse:
    """Put the ticked waiting cases on the agenda; each case is opened through the access gateway."""
    overleg = _overleg(request, pk)
    form = WachtendeCasussenForm(request.POST, casussen=cases_waiting_for_overleg(user=request.user, overleg=overleg))
    if not form.is_valid():
        messages.error(request, _("Kies een of meer casussen die wachten op een casusoverleg."))
        return redirect("cases:overleg_detail", pk=overleg.pk)
    added = []
    for choice in form.cleaned_data["casussen"]:
        casus = casus_get_for_user(request=request, pk=choice.pk, action=AccessAction.UPDATE)
        try:
            services.agendapunt_add(overleg=overleg, casus=casus, by=request.user)
        except ValidationError as exc:
            messages.error(request, f"{casus.nummer}: {' '.join(exc.messages)}")
        else:
            added.append(casus.nummer)
    if added:
        messages.success(request, _("Op de agenda gezet: %(nrs)s.") % {"nrs": ", ".join(added)})
    return redirect("cases:overleg_detail", pk=overleg.pk)


@require_http_methods(["POST"])
@role_required(Role.PROCESREGISSEUR)
def casus_agenderen(request: HttpRequest, pk: int) -> HttpResponse:
    """'Op de agenda zetten' from the case page: the chosen coming casusoverleg."""
    casus = casus_get_for_user(request=request, pk=pk, action=AccessAction.UPDATE)
    chosen = request.POST.get("overleg", "")
    overleggen = list(overleggen_coming(request.user).filter(pk=chosen)) if chosen.isdigit() else []
    form = AgenderenForm(request.POST, overleggen=overleggen)
    if not form.is_valid():
        messages.error(request, _("Kies een gepland casusoverleg."))
        return redirect("cases:casus_detail", pk=casus.pk)
    overleg = form.chosen()
    try:
        services.agendapunt_add(overleg=overleg, casus=casus, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("cases:casus_detail", pk=casus.pk)
    messages.success(request, _("Casus %(nr)s staat op de agenda.") % {"nr": casus.nummer})
    return redirect("cases:overleg_detail", pk=overleg.pk)


@require_http_methods(["POST"])
@role_required(Role.PROCESREGISSEUR)
def agendapunt_add(request: HttpRequest, pk: int) -> HttpResponse:
    overleg = _overleg(request, pk)
    form = AgendapuntForm(request.POST)
    if form.is_valid():
        casus_pk = (
            casus_queryset_for(request.user)
            .filter(nummer=form.cleaned_data["casusnummer"])
            .values_list("pk", flat=True)
            .first()
        )
        if casus_pk is None:
            messages.error(request, _("Geen casus gevonden met dit nummer (of u heeft er geen toegang toe)."))
        else:
            casus = casus_get_for_user(request=request, pk=casus_pk, action=AccessAction.UPDATE)
            try:
                services.agendapunt_add(overleg=overleg, casus=casus, by=request.user)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Casus %(nr)s staat op de agenda.") % {"nr": casus.nummer})
    else:
        messages.error(request, _("Vul een casusnummer in."))
    return redirect("cases:overleg_detail", pk=overleg.pk)


def _punt(request: HttpRequest, pk: int) -> Agendapunt:
    punt = Agendapunt.objects.select_related("overleg").filter(pk=pk).first()
    if punt is None or not overleg_queryset_for(request.user).filter(pk=punt.overleg_id).exists():
        raise Http404
    punt.casus = casus_get_for_user(request=request, pk=punt.casus_id, action=AccessAction.UPDATE)
    return punt


@require_http_methods(["GET", "POST"])
@role_required(*ZVH_ROLES)
def agendapunt_verslag(request: HttpRequest, pk: int) -> HttpResponse:
    punt = _punt(request, pk)
    form = VerslagForm(
        posted(request),
        initial={"verslag": punt.verslag, "besluiten": punt.besluiten},
    )
    afspraak_form = AfspraakForm(prefix="afspraak")
    ok, _result = submit(
        request,
        form,
        lambda: services.agendapunt_verslag(punt=punt, by=request.user, **form.cleaned_data),
        _("Het verslag is opgeslagen."),
    )
    if ok:
        return redirect("cases:overleg_detail", pk=punt.overleg_id)
    return render(
        request,
        "cases/agendapunt_verslag.html",
        {"punt": punt, "form": form, "afspraak_form": afspraak_form, "afspraken": punt.afspraken.all()},
    )


@require_http_methods(["POST"])
@role_required(*ZVH_ROLES)
def agendapunt_afspraak(request: HttpRequest, pk: int) -> HttpResponse:
    punt = _punt(request, pk)
    form = AfspraakForm(request.POST, prefix="afspraak")
    if form.is_valid():
        try:
            services.afspraak_create(casus=punt.casus, by=request.user, agendapunt=punt, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De afspraak is vastgelegd."))
            return redirect("cases:agendapunt_verslag", pk=punt.pk)
    verslag_form = VerslagForm(initial={"verslag": punt.verslag, "besluiten": punt.besluiten})
    return render(
        request,
        "cases/agendapunt_verslag.html",
        {"punt": punt, "form": verslag_form, "afspraak_form": form, "afspraken": punt.afspraken.all()},
        status=200,
    )


@require_http_methods(["GET", "POST"])
@role_required(*ZVH_ROLES)
def deelnemer_add(request: HttpRequest, pk: int) -> HttpResponse:
    overleg = _overleg(request, pk)
    form = DeelnemerForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: services.deelnemer_add(overleg=overleg, by=request.user, **form.cleaned_data),
        _("De deelnemer is geregistreerd."),
    )
    if ok:
        return redirect("cases:overleg_detail", pk=overleg.pk)
    return render(request, "cases/deelnemer_add.html", {"overleg": overleg, "form": form})
