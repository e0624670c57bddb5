from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from privacy.choices import AccessAction
from zvh.accounts.choices import Role
from zvh.core.forms import posted, submit
from zvh.core.pagination import BoundedCountPaginator
from zvh.permissions import role_required

from .. import services
from ..access import casus_get_for_user
from ..choices import CasusStatus
from ..forms import (
    AfspraakDeadlineForm,
    AfspraakForm,
    AfspraakStatusForm,
    AgenderenForm,
    CasusFilter,
    GrantChangeForm,
    GrantForm,
    LogboekForm,
    PlanForm,
    TransitionForm,
)
from ..models import Afspraak, Grant
from ..selectors import casus_detail as build_detail
from ..selectors import casus_for_detail, grant_is_active, log_casus_page, overleggen_coming
from ..selectors import casus_list as list_cases
from ..states import available

CASE_ROLES = (Role.PROCESREGISSEUR, Role.KETENPARTNER, Role.SECRETARIAAT)
PAGE_SIZE = 25


@require_GET
@role_required(*CASE_ROLES)
def casus_list(request: HttpRequest) -> HttpResponse:
    filterset = CasusFilter(request.GET or None, queryset=list_cases(request.user), user=request.user)
    cases = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
    page = BoundedCountPaginator(cases, PAGE_SIZE).get_page(request.GET.get("pagina"))
    log_casus_page(request, page.object_list)
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(request, "cases/casus_list.html", {"filter": filterset, "page": page, "query": query.urlencode()})


@require_GET
@role_required(*CASE_ROLES)
def casus_detail(request: HttpRequest, pk: int) -> HttpResponse:
    casus = casus_get_for_user(request=request, pk=pk, queryset=casus_for_detail(request.user))
    detail = build_detail(user=request.user, casus=casus)
    is_regisseur = request.user.has_role(Role.PROCESREGISSEUR)
    agenderen_form = None
    if is_regisseur and casus.status != CasusStatus.AFGESLOTEN:
        coming = list(overleggen_coming(request.user).exclude(agendapunten__casus=casus)[:AGENDEREN_SHOWN])
        agenderen_form = AgenderenForm(overleggen=coming)
    return render(
        request,
        "cases/casus_detail.html",
        {
            "d": detail,
            "casus": casus,
            "is_regisseur": request.user.has_role(Role.PROCESREGISSEUR),
            "transitions": available(casus.status),
            "logboek_form": LogboekForm(partner=not request.user.has_role(Role.PROCESREGISSEUR)),
            "agenderen_form": agenderen_form,
        },
    )


AGENDEREN_SHOWN = 12


def _regisseur_case(request: HttpRequest, pk: int, action=AccessAction.UPDATE):
    return casus_get_for_user(request=request, pk=pk, action=action, queryset=casus_for_detail(request.user))


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR)
def casus_transition(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _regisseur_case(request, pk)
    form = TransitionForm(posted(request), casus=casus)
    ok, _result = submit(
        request,
        form,
        lambda: services.casus_transition(
            casus=casus,
            name=form.cleaned_data["stap"],
            by=request.user,
            reden=form.cleaned_data["reden"],
            afsluitreden=form.cleaned_data["afsluitreden"],
            resultaat=form.cleaned_data["resultaat"],
        ),
        _("De status van de casus is bijgewerkt."),
    )
    if ok:
        return redirect("cases:casus_detail", pk=casus.pk)
    return render(request, "cases/casus_transition.html", {"casus": casus, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR)
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _regisseur_case(request, pk)
    plan = getattr(casus, "plan", None)
    initial = {
        "casusregisseur_organisatie": casus.casusregisseur_organisatie_id,
        "casusregisseur_persoon": casus.casusregisseur_persoon_id,
    }
    if plan is not None:
        initial["samenvatting"] = plan.samenvatting
        initial["doelen"] = "\n".join(d.omschrijving for d in plan.doelen.all())
    form = PlanForm(posted(request), initial=initial)
    ok, _result = submit(
        request,
        form,
        lambda: services.plan_save(casus=casus, by=request.user, **form.cleaned_data),
        _("Het plan van aanpak is opgeslagen."),
    )
    if ok:
        return redirect("cases:casus_detail", pk=casus.pk)
    return render(request, "cases/plan_edit.html", {"casus": casus, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR, Role.SECRETARIAAT)
def afspraak_create(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _regisseur_case(request, pk)
    form = AfspraakForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: services.afspraak_create(casus=casus, by=request.user, **form.cleaned_data),
        _("De afspraak is vastgelegd."),
    )
    if ok:
        return redirect("cases:casus_detail", pk=casus.pk)
    return render(request, "cases/afspraak_create.html", {"casus": casus, "form": form})


def _afspraak_for(request: HttpRequest, pk: int) -> Afspraak:
    """An afspraak through its case: the case passes the access gateway (logged as an update) or it is a 404."""
    casus_id = Afspraak.objects.filter(pk=pk).values_list("casus_id", flat=True).first()
    if casus_id is None:
        raise Http404
    casus = casus_get_for_user(request=request, pk=casus_id, action=AccessAction.UPDATE)
    return casus.afspraken.get(pk=pk)


def _afspraak_back(afspraak: Afspraak, terug: str) -> HttpResponse:
    if terug == "mijnwerk":
        return redirect(reverse("cases:dashboard") + f"#casus-{afspraak.casus_id}")
    return redirect("cases:casus_detail", pk=afspraak.casus_id)


@require_POST
@role_required(*CASE_ROLES)
def afspraak_status(request: HttpRequest, pk: int) -> HttpResponse:
    afspraak = _afspraak_for(request, pk)
    form = AfspraakStatusForm(request.POST)
    if form.is_valid():
        try:
            services.afspraak_set_status(afspraak=afspraak, by=request.user, status=form.cleaned_data["status"])
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, _("De status van de afspraak ‘%(actie)s’ is bijgewerkt.") % {"actie": afspraak.actie}
            )
    else:
        messages.error(request, _("Kies een geldige status."))
    return _afspraak_back(afspraak, request.POST.get("terug", ""))


@require_POST
@role_required(Role.PROCESREGISSEUR, Role.SECRETARIAAT)
def afspraak_deadline(request: HttpRequest, pk: int) -> HttpResponse:
    """A new deadline, set in place from Mijn werk or the case page (post, redirect, get)."""
    afspraak = _afspraak_for(request, pk)
    form = AfspraakDeadlineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nieuwe deadline niet opgeslagen: %(fout)s") % {"fout": form.errors["deadline"][0]})
        return _afspraak_back(afspraak, request.POST.get("terug", ""))
    try:
        services.afspraak_set_deadline(afspraak=afspraak, by=request.user, deadline=form.cleaned_data["deadline"])
    except ValidationError as exc:
        messages.error(request, _("Nieuwe deadline niet opgeslagen: %(fout)s") % {"fout": exc.messages[0]})
    else:
        messages.success(
            request,
            _("De deadline van ‘%(actie)s’ is nu %(datum)s.")
            % {"actie": afspraak.actie, "datum": date_format(afspraak.deadline, "j M Y")},
        )
    return _afspraak_back(afspraak, form.cleaned_data.get("terug", ""))


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR, Role.KETENPARTNER)
def logboek_create(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _regisseur_case(request, pk)
    partner = not request.user.has_role(Role.PROCESREGISSEUR)
    form = LogboekForm(posted(request), partner=partner)
    ok, _result = submit(
        request,
        form,
        lambda: services.logboek_add(
            casus=casus,
            by=request.user,
            soort=form.cleaned_data.get("soort", ""),
            tekst=form.cleaned_data["tekst"],
            bron=form.cleaned_data.get("bron", ""),
            alleen_procesregie=form.cleaned_data.get("alleen_procesregie", False),
        ),
        _("De logboekregel is toegevoegd."),
    )
    if ok:
        return redirect("cases:casus_detail", pk=casus.pk)
    return render(request, "cases/logboek_create.html", {"casus": casus, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR)
def grant_list(request: HttpRequest, pk: int) -> HttpResponse:
    casus = _regisseur_case(request, pk, action=AccessAction.READ)
    form = GrantForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: services.grant_create(
            casus=casus,
            by=request.user,
            organisatie=form.cleaned_data["organisatie"],
            user=form.cleaned_data["user"],
            rol=form.cleaned_data["rol"],
            doel=form.cleaned_data["doel"],
            geldig_tot=form.geldig_tot_moment(),
        ),
        _("De toegang is verleend."),
    )
    if ok:
        return redirect("cases:grant_list", pk=casus.pk)
    grants = list(casus.grants.select_related("user__organisation", "organisatie", "verleend_door", "ingetrokken_door"))
    rows = [(g, grant_is_active(g)) for g in grants]
    return render(request, "cases/grant_list.html", {"casus": casus, "form": form, "rows": rows})


def _grant_for_regisseur(request: HttpRequest, pk: int) -> Grant:
    grant = Grant.objects.filter(pk=pk).values("casus_id").first()
    if grant is None:
        raise Http404
    casus = _regisseur_case(request, grant["casus_id"])
    return casus.grants.select_related("casus", "user", "organisatie").get(pk=pk)


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR)
def grant_change(request: HttpRequest, pk: int) -> HttpResponse:
    grant = _grant_for_regisseur(request, pk)
    initial = {"rol": grant.rol, "doel": grant.doel, "geldig_tot": grant.geldig_tot and grant.geldig_tot.date()}
    form = GrantChangeForm(posted(request), initial=initial)
    ok, _result = submit(
        request,
        form,
        lambda: services.grant_change(
            grant=grant,
            by=request.user,
            rol=form.cleaned_data["rol"],
            doel=form.cleaned_data["doel"],
            geldig_tot=form.geldig_tot_moment(),
        ),
        _("De toegang is gewijzigd."),
    )
    if ok:
        return redirect("cases:grant_list", pk=grant.casus_id)
    return render(request, "cases/grant_change.html", {"grant": grant, "casus": grant.casus, "form": form})


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR)
def grant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoking ends a partner's access at once: GET asks for confirmation, the POST of that page revokes."""
    grant = _grant_for_regisseur(request, pk)
    if request.method == "GET" or grant.ingetrokken_op is not None:
        if grant.ingetrokken_op is not None:
            messages.info(request, _("Deze toegang is al ingetrokken."))
            return redirect("cases:grant_list", pk=grant.casus_id)
        return render(request, "cases/grant_revoke.html", {"grant": grant, "casus": grant.casus})
    services.grant_revoke(grant=grant, by=request.user)
    messages.success(request, _("De toegang van %(wie)s is ingetrokken.") % {"wie": grant.ontvanger})
    return redirect("cases:grant_list", pk=grant.casus_id)
