from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from privacy.choices import AccessAction
from zvh.accounts.choices import Role
from zvh.core.forms import add_service_errors, posted, submit
from zvh.permissions import role_required

from .. import services
from ..access import casus_get_for_user, casus_queryset_for
from ..forms import AfspraakForm, AgendapuntForm, DeelnemerForm, OverlegForm, VerslagForm
from ..ical import overleg_calendar
from ..models import Agendapunt
from ..selectors import invitees, overleg_agenda, overleg_queryset_for

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
def overleg_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The meeting as an iCalendar file: date, time, place and a link; no agenda (only invited users get it)."""
    overleg = _overleg(request, pk)
    response = HttpResponse(overleg_calendar(overleg), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="casusoverleg-{overleg.pk}.ics"'
    return response


def _agenda(request: HttpRequest, pk: int, template: str, action: str = AccessAction.READ) -> HttpResponse:
    overleg = _overleg(request, pk)
    items = overleg_agenda(request=request, overleg=overleg, action=action)
    return render(
        request,
        template,
        {
            "overleg": overleg,
            "items": [(item, invitees(item.punt) if item.toegang else []) for item in items],
            "deelnemers": overleg.deelnemers.select_related("organisatie"),
            "is_regisseur": request.user.has_role(Role.PROCESREGISSEUR),
            "is_zvh": request.user.has_role(*ZVH_ROLES),
            "agendapunt_form": AgendapuntForm(),
        },
    )


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
