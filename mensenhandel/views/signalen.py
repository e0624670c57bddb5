from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from privacy.choices import AccessAction
from zvh.access import gateway
from zvh.core.forms import add_service_errors, posted, submit

from .. import selectors, services
from ..access import SIGNAAL, signaal_get_for_user
from ..choices import SignaalUitkomst, VormUitbuiting
from ..forms import SignaalForm, TrajectStartForm, UitkomstForm
from ..models import Signaal
from .common import team_required


@require_GET
@team_required
def signaal_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.signaal_list_for(request.user)
    vorm = request.GET.get("vorm")
    if vorm in VormUitbuiting.values:
        qs = qs.filter(vorm=vorm)
    page = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    gateway.log_shown(
        request=request,
        object_type=SIGNAAL,
        object_ids=[s.pk for s in page],
        person_ids=[s.persoon_id for s in page],
    )
    return render(
        request,
        "mensenhandel/signaal_list.html",
        {"page": page, "vormen": VormUitbuiting.choices, "vorm": vorm, "query": f"vorm={vorm}" if vorm else ""},
    )


@require_http_methods(["GET", "POST"])
@team_required
def signaal_create(request: HttpRequest) -> HttpResponse:
    form = SignaalForm(posted(request))
    ok, signaal = submit(
        request,
        form,
        lambda: services.signaal_register(
            by=request.user,
            persoon_data=form.persoon_data(),
            **{k: form.cleaned_data[k] for k in ("ontvangen_op", "signalerende_organisatie", "vorm", "gemeente")},
            minderjarig=form.cleaned_data["minderjarig"],
            nationaliteit=form.cleaned_data["nationaliteit"],
        ),
        _("Het signaal is geregistreerd."),
    )
    if ok:
        return redirect("mensenhandel:signaal_detail", signaal.pk)
    return render(request, "mensenhandel/signaal_form.html", {"form": form})


def _signaal(request: HttpRequest, pk: int, action=AccessAction.READ) -> Signaal:
    return signaal_get_for_user(
        request=request, pk=pk, action=action, queryset=Signaal.objects.select_related("gemeente", "persoon")
    )


@require_GET
@team_required
def signaal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    signaal = _signaal(request, pk)
    return render(request, "mensenhandel/signaal_detail.html", _detail_context(signaal))


def _detail_context(signaal: Signaal, uitkomst_form=None) -> dict:
    traject = getattr(signaal, "traject", None)
    return {
        "signaal": signaal,
        "traject": traject,
        "uitkomst_form": uitkomst_form or UitkomstForm(),
        "open": not signaal.uitkomst,
        "can_start": traject is None and signaal.uitkomst in ("", SignaalUitkomst.ZORGCOORDINATIE),
    }


@require_POST
@team_required
def signaal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    signaal = _signaal(request, pk, action=AccessAction.UPDATE)
    form = UitkomstForm(request.POST)
    ok, _result = submit(
        request,
        form,
        lambda: services.signaal_decide(
            signaal=signaal, by=request.user, uitkomst=form.cleaned_data["uitkomst"], reden=form.cleaned_data["reden"]
        ),
        _("De uitkomst is vastgelegd."),
    )
    if ok:
        return redirect("mensenhandel:signaal_detail", signaal.pk)
    return render(request, "mensenhandel/signaal_detail.html", _detail_context(signaal, form))


@require_http_methods(["GET", "POST"])
@team_required
def traject_start(request: HttpRequest, pk: int) -> HttpResponse:
    """Start zorgcoördinatie from a signal (signaal → traject)."""
    signaal = _signaal(request, pk, action=AccessAction.UPDATE)
    if hasattr(signaal, "traject"):
        return redirect("mensenhandel:traject_detail", signaal.traject.pk)
    form = TrajectStartForm(posted(request), signaal=signaal, initial={"zorgcoordinator": request.user.pk})
    if request.method == "POST" and form.is_valid():
        try:
            traject = services.traject_start(
                by=request.user,
                signaal=signaal,
                persoon_data=None if signaal.persoon_id else form.persoon_data(),
                zorgcoordinator=form.cleaned_data["zorgcoordinator"],
                opvang_soort=form.cleaned_data["opvang_soort"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("mensenhandel:traject_detail", traject.pk)
    return render(request, "mensenhandel/traject_start.html", {"form": form, "signaal": signaal})
