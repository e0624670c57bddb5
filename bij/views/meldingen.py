"""BIJ-meldingen: list (with the late flag), register, detail, edit, steps, invitations and the advice."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.access import casus_queryset_for
from privacy.choices import AccessAction
from zvh.accounts.choices import Role
from zvh.core.forms import add_service_errors, posted, submit
from zvh.permissions import role_required

from .. import selectors, services
from ..access import is_bij_team, melding_get_for_user
from ..choices import Afsluitreden, MeldingStatus
from ..forms import AdviesForm, MeldingForm, PersoonForm, TransitionForm, UitnodigingForm
from ..states import available

R, K = Role.PROCESREGISSEUR, Role.KETENPARTNER


def _melding(request: HttpRequest, pk: int, action=AccessAction.READ):
    return melding_get_for_user(request=request, pk=pk, action=action, queryset=selectors.melding_detail_queryset())


def _require_team(request: HttpRequest) -> None:
    if not is_bij_team(request.user):
        raise PermissionDenied


@require_GET
@role_required(R, K)
def melding_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    status = status if status in MeldingStatus.values else ""
    te_laat = request.GET.get("te_laat") == "1"
    qs = selectors.melding_list(request.user, status=status, alleen_te_laat=te_laat)
    page = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    selectors.log_meldingen(request, page.object_list)
    query = "&".join(p for p in (f"status={status}" if status else "", "te_laat=1" if te_laat else "") if p)
    return render(
        request,
        "bij/melding_list.html",
        {
            "page": page,
            "query": query,
            "status": status,
            "te_laat": te_laat,
            "statuses": MeldingStatus.choices,
            "can_create": is_bij_team(request.user),
            "termijn": selectors.termijn_dagen(),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(R)
def melding_create(request: HttpRequest) -> HttpResponse:
    _require_team(request)
    persoon_form = PersoonForm(posted(request), prefix="persoon")
    form = MeldingForm(posted(request))
    if request.method == "POST" and persoon_form.is_valid() and form.is_valid():
        try:
            melding = services.melding_create(
                by=request.user, persoon=persoon_form.persoon(), data=form.data_for_service()
            )
        except ValidationError as exc:
            add_service_errors(persoon_form if _is_person_error(exc) else form, exc)
        else:
            messages.success(request, _("De BIJ-melding is geregistreerd."))
            return redirect("bij:melding_detail", pk=melding.pk)
    return render(request, "bij/melding_form.html", {"form": form, "persoon_form": persoon_form})


def _is_person_error(exc: ValidationError) -> bool:
    return hasattr(exc, "error_dict") and set(exc.error_dict) <= {"bsn", "voornamen", "achternaam", "geboortedatum"}


@require_GET
@role_required(R, K)
def melding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    melding = _melding(request, pk)
    team = is_bij_team(request.user)
    context = {"melding": melding, "team": team}
    if team:
        context |= {
            "advies": selectors.advies_of(melding),
            "stappen": available(melding.status, manual_only=True),
            "uitnodiging_form": UitnodigingForm(),
            "afsluitredenen": Afsluitreden.choices,
        }
    return render(request, "bij/melding_detail.html", context)


@require_http_methods(["GET", "POST"])
@role_required(R)
def melding_edit(request: HttpRequest, pk: int) -> HttpResponse:
    melding = _melding(request, pk, AccessAction.UPDATE)
    form = MeldingForm(posted(request), instance=melding)
    ok, _result = submit(
        request,
        form,
        lambda: services.melding_update(melding=melding, by=request.user, data=form.data_for_service()),
        _("De BIJ-melding is bijgewerkt."),
    )
    if ok:
        return redirect("bij:melding_detail", pk=melding.pk)
    return render(request, "bij/melding_form.html", {"form": form, "melding": melding})


@require_POST
@role_required(R)
def melding_transition(request: HttpRequest, pk: int) -> HttpResponse:
    melding = _melding(request, pk, AccessAction.UPDATE)
    form = TransitionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        casus = None
        if data["casusnummer"]:
            casus = casus_queryset_for(request.user).filter(nummer=data["casusnummer"].strip().upper()).first()
        try:
            if data["casusnummer"] and casus is None:
                raise ValidationError(_("Die casus bestaat niet of u heeft er geen toegang toe."))
            services.melding_transition(
                melding=melding,
                name=data["stap"],
                by=request.user,
                reden=data["reden"],
                afsluitreden=data["afsluitreden"],
                casus=casus,
            )
        except (ValidationError, PermissionDenied) as exc:
            for message in getattr(exc, "messages", [str(exc)]):
                messages.error(request, message)
        else:
            messages.success(request, _("De status is bijgewerkt."))
    return redirect("bij:melding_detail", pk=melding.pk)


@require_POST
@role_required(R)
def melding_uitnodigen(request: HttpRequest, pk: int) -> HttpResponse:
    melding = _melding(request, pk, AccessAction.UPDATE)
    form = UitnodigingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een partnerorganisatie en vul het doel in."))
        return redirect("bij:melding_detail", pk=melding.pk)
    try:
        services.uitnodiging_create(
            melding=melding,
            by=request.user,
            organisatie=form.cleaned_data["organisatie"],
            doel=form.cleaned_data["doel"],
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("De partner is uitgenodigd voor deze melding."))
    return redirect("bij:melding_detail", pk=melding.pk)


@require_http_methods(["GET", "POST"])
@role_required(R)
def melding_advies(request: HttpRequest, pk: int) -> HttpResponse:
    melding = _melding(request, pk, AccessAction.UPDATE)
    if selectors.advies_of(melding) is not None:
        messages.info(request, _("Voor deze melding is al een advies uitgebracht."))
        return redirect("bij:melding_detail", pk=melding.pk)
    form = AdviesForm(posted(request), initial={"gemeente": melding.brp_gemeente_id})
    ok, _result = submit(
        request,
        form,
        lambda: services.advies_uitbrengen(melding=melding, by=request.user, **form.cleaned_data),
        _("Het advies aan de burgemeester is uitgebracht."),
    )
    if ok:
        return redirect("bij:melding_detail", pk=melding.pk)
    return render(request, "bij/advies_form.html", {"form": form, "melding": melding})
