from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cases.access import casus_get_for_user
from cases.models import Casus
from privacy.choices import AccessAction
from triage.selectors import aanmelding_get_for_user
from zvh.access import gateway
from zvh.accounts.choices import Role
from zvh.core.forms import posted, submit
from zvh.permissions import role_required

from . import monitor as monitor_figures
from . import selectors, services
from .access import DOSSIER, dossier_get_for_user
from .choices import DossierStatus
from .forms import BesluitForm, MonitorForm, ReviewForm, SelectieForm, UitstroomForm

READERS = (Role.PROCESREGISSEUR, Role.KETENPARTNER)
R = Role.PROCESREGISSEUR


@require_GET
@role_required(*READERS)
def dossier_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.dossier_list_for(request.user)
    alleen_te_laat = request.GET.get("te_laat") == "1"
    today = timezone.localdate()
    if alleen_te_laat:
        qs = selectors.reviews_te_laat(request.user, today=today)
    page = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    for dossier in page:
        dossier.te_laat = dossier.review_te_laat(today)
    gateway.log_shown(
        request=request, object_type=DOSSIER, object_ids=[d.pk for d in page], person_ids=[d.persoon_id for d in page]
    )
    return render(
        request,
        "levensloop/dossier_list.html",
        {
            "page": page,
            "alleen_te_laat": alleen_te_laat,
            "query": "te_laat=1" if alleen_te_laat else "",
            "is_regisseur": request.user.has_role(R),
        },
    )


def _selectie(request: HttpRequest, *, persoon, aanmelding=None, casus=None) -> HttpResponse:
    """The selectie-instrument for the main person of an aanmelding or casus (one open dossier per person)."""
    bestaand = selectors.open_dossier_for(request.user, persoon_id=persoon.pk) if persoon else None
    form = SelectieForm(posted(request))
    if persoon is not None and bestaand is None:
        ok, dossier = submit(
            request,
            form,
            lambda: services.selectie_record(
                by=request.user, persoon=persoon, aanmelding=aanmelding, casus=casus, **form.cleaned_data
            ),
            _("Het selectie-instrument is vastgelegd."),
        )
        if ok:
            return redirect("levensloop:dossier_detail", dossier.pk)
    context = {"form": form, "persoon": persoon, "aanmelding": aanmelding, "casus": casus, "bestaand": bestaand}
    return render(request, "levensloop/selectie_form.html", context)


@require_http_methods(["GET", "POST"])
@role_required(R)
def selectie_aanmelding(request: HttpRequest, pk: int) -> HttpResponse:
    aanmelding = aanmelding_get_for_user(request=request, pk=pk)
    hoofdpersoon = aanmelding.hoofdpersoon
    persoon = hoofdpersoon.persoon if hoofdpersoon is not None else None
    return _selectie(request, persoon=persoon, aanmelding=aanmelding)


@require_http_methods(["GET", "POST"])
@role_required(R)
def selectie_casus(request: HttpRequest, pk: int) -> HttpResponse:
    casus = casus_get_for_user(
        request=request, pk=pk, queryset=Casus.objects.select_related("hoofdpersoon").prefetch_related("betrokkenen")
    )
    return _selectie(request, persoon=casus.hoofdpersoon, casus=casus)


def _dossier(request: HttpRequest, pk: int, action=AccessAction.READ):
    return dossier_get_for_user(request=request, pk=pk, action=action, queryset=selectors.dossier_detail_queryset())


@require_GET
@role_required(*READERS)
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = _dossier(request, pk)
    today = timezone.localdate()
    return render(
        request,
        "levensloop/dossier_detail.html",
        {
            "dossier": dossier,
            "reviews": selectors.reviews_of(dossier),
            "te_laat": dossier.review_te_laat(today),
            "dagen_te_laat": (today - dossier.volgende_review).days if dossier.review_te_laat(today) else 0,
            "is_regisseur": request.user.has_role(R),
            "aangemeld": dossier.status == DossierStatus.AANGEMELD,
            "in_aanpak": dossier.status == DossierStatus.IN_AANPAK,
        },
    )


def _dossier_form(request, pk, *, form_class, initial, call, success, template) -> HttpResponse:
    dossier = _dossier(request, pk, action=AccessAction.UPDATE)
    form = form_class(posted(request), initial=initial(dossier))
    ok, _result = submit(request, form, lambda: call(dossier, form.cleaned_data), success)
    if ok:
        return redirect("levensloop:dossier_detail", dossier.pk)
    return render(request, template, {"form": form, "dossier": dossier})


@require_http_methods(["GET", "POST"])
@role_required(R)
def besluit(request: HttpRequest, pk: int) -> HttpResponse:
    return _dossier_form(
        request,
        pk,
        form_class=BesluitForm,
        initial=lambda d: {"casusregisseur_gemeente": d.casus.gemeente_id if d.casus_id else None},
        call=lambda d, data: services.inclusie_besluit(dossier=d, by=request.user, **data),
        success=_("Het besluit van de inclusietafel is vastgelegd."),
        template="levensloop/besluit_form.html",
    )


@require_http_methods(["GET", "POST"])
@role_required(R)
def review_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _dossier_form(
        request,
        pk,
        form_class=ReviewForm,
        initial=lambda d: {"levensloopplan": d.levensloopplan},
        call=lambda d, data: services.review_record(dossier=d, by=request.user, **data),
        success=_("De review is vastgelegd."),
        template="levensloop/review_form.html",
    )


@require_http_methods(["GET", "POST"])
@role_required(R)
def uitstroom(request: HttpRequest, pk: int) -> HttpResponse:
    return _dossier_form(
        request,
        pk,
        form_class=UitstroomForm,
        initial=lambda d: {},
        call=lambda d, data: services.uitstroom_record(dossier=d, by=request.user, **data),
        success=_("De uitstroom is vastgelegd."),
        template="levensloop/uitstroom_form.html",
    )


@require_GET
@role_required(R, Role.MANAGER)
def monitor(request: HttpRequest) -> HttpResponse:
    """Aggregates only: no person, no dossier number (the manager sees no person-level data)."""
    today = timezone.localdate()
    form = MonitorForm(request.GET or None, initial={"jaar": today.year})
    jaar = form.cleaned_data["jaar"] if form.is_bound and form.is_valid() else today.year
    return render(
        request,
        "levensloop/monitor.html",
        {
            "form": form,
            "monitor": monitor_figures.monitor(jaar, today=today),
            "huidig": monitor_figures.huidig(today=today),
            "jaar": jaar,
        },
    )
