from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from privacy.choices import AccessAction
from zvh.access import conditions, gateway
from zvh.accounts.choices import Role
from zvh.core.forms import add_service_errors, posted, submit
from zvh.core.pagination import BoundedCountPaginator
from zvh.permissions import role_required
from zvh.persons.services import possible_duplicates

from . import selectors, services
from .choices import CRITERIA_RULE, AanmeldingBron, AanmeldingStatus, BordSoort
from .forms import (
    AanmeldingForm,
    AanvullingAntwoordForm,
    AanvullingVraagForm,
    AdviesForm,
    PlaatsenForm,
    SessieForm,
    WachtendeAanmeldingenForm,
    WegingForm,
    betrokkenen_formset,
)
from .models import Aanmelding

MELDER_ROLES = (Role.KETENPARTNER, Role.PROCESREGISSEUR)


@require_GET
@role_required(*MELDER_ROLES)
def aanmelding_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status")
    if status not in AanmeldingStatus.values:
        status = None
    qs = selectors.aanmelding_list(request.user, status=status)
    page = BoundedCountPaginator(qs, 25).get_page(request.GET.get("pagina"))
    gateway.log_shown(
        request=request,
        object_type="triage.aanmelding",
        object_ids=[a.pk for a in page],
        person_ids=[pid for a in page for pid in selectors.aanmelding_person_ids(a)],
    )
    return render(
        request,
        "triage/aanmelding_list.html",
        {
            "page": page,
            "statuses": AanmeldingStatus.choices,
            "status": status,
            "query": f"status={status}" if status else "",
        },
    )


def _initial_from(aanmelding: Aanmelding | None) -> tuple[dict, list[dict]]:
    if aanmelding is None:
        return {}, []
    initial = {f: getattr(aanmelding, f) for f in services.AANMELDING_FIELDS}
    initial["gemeente"] = aanmelding.gemeente_id
    initial["namens"] = aanmelding.aanbrengende_partner_id
    initial["voorgestelde_partners"] = list(aanmelding.voorgestelde_partners.all())
    initial["betrokkene_geinformeerd"] = {True: "ja", False: "nee"}.get(aanmelding.betrokkene_geinformeerd)
    rows = [{f: getattr(b, f) for f in services.BETROKKENE_FIELDS} for b in aanmelding.betrokkenen.all()]
    return initial, rows


@require_http_methods(["GET", "POST"])
@role_required(*MELDER_ROLES)
def aanmelding_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Create or edit a draft; 'Indienen' saves first, then submits — an error never loses what was typed."""
    aanmelding = None
    if pk is not None:
        aanmelding = selectors.aanmelding_get_for_user(request=request, pk=pk, action=AccessAction.UPDATE)
        if aanmelding.status != AanmeldingStatus.CONCEPT or aanmelding.ingediend_door_id != request.user.pk:
            messages.info(request, _("Deze aanmelding is ingediend en kan niet meer worden gewijzigd."))
            return redirect("triage:aanmelding_detail", pk=aanmelding.pk)
    on_behalf = request.user.has_role(Role.PROCESREGISSEUR)
    initial, rows = _initial_from(aanmelding)
    data = posted(request)
    form = AanmeldingForm(data, initial=initial, on_behalf=on_behalf)
    formset = betrokkenen_formset(data, initial=rows or None)
    betrokkenen_errors: list[str] = []
    if request.method == "POST":
        valid = form.is_valid() & formset.is_valid()  # both, so both show their errors
        try:
            aanmelding = _save_draft(request, form, formset, aanmelding)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if valid and "indienen" in request.POST:
                try:
                    services.aanmelding_submit(aanmelding=aanmelding, by=request.user)
                except ValidationError as exc:
                    betrokkenen_errors = exc.error_dict.pop("betrokkenen", [])
                    betrokkenen_errors = [m for e in betrokkenen_errors for m in e.messages]
                    add_service_errors(form, exc)
                    messages.warning(request, _DRAFT_KEPT)
                else:
                    messages.success(request, _("Uw aanmelding is ingediend. U hoort de uitkomst van de triage."))
                    return redirect("triage:aanmelding_detail", pk=aanmelding.pk)
            elif valid:
                messages.success(request, _("Uw aanmelding is als concept opgeslagen."))
                return redirect("triage:aanmelding_edit", pk=aanmelding.pk)
            else:
                if "indienen" in request.POST:
                    betrokkenen_errors = _all_submit_errors(form, formset, aanmelding)
                messages.warning(request, _DRAFT_KEPT)
    return render(
        request,
        "triage/aanmelding_form.html",
        {
            "form": form,
            "formset": formset,
            "aanmelding": aanmelding,
            "betrokkenen_errors": betrokkenen_errors,
            "bron_zsm": (aanmelding.bron if aanmelding else services.bron_for(request.user)) == AanmeldingBron.ZSM,
        },
    )


def _all_submit_errors(form: AanmeldingForm, formset, aanmelding: Aanmelding) -> list[str]:
    """With input errors in the form, still name what the submit would refuse in the other fields: one round.

    Fields that already show an error keep only that one; a betrokkene message that repeats a row's own field
    error is left out. Returns the messages about the betrokkenen as a whole."""
    errors = services.aanmelding_check(aanmelding=aanmelding)
    shown = [str(e) for f in formset.forms for field_errors in f.errors.values() for e in field_errors]
    for name, field_messages in errors.items():
        if name in form.fields and not form.errors.get(name):
            for message in field_messages:
                form.add_error(name, message)
    return [m for m in errors.get("betrokkenen", []) if not any(s in m for s in shown)]


_DRAFT_KEPT = _("Uw gegevens zijn als concept bewaard. Verbeter wat hieronder wordt gevraagd en dien opnieuw in.")


def _save_draft(request: HttpRequest, form: AanmeldingForm, formset, aanmelding: Aanmelding | None) -> Aanmelding:
    """Save everything usable, also when some fields have errors: nothing typed gets lost."""
    betrokkenen = [f.draft_values() for f in formset.forms if f.has_person()]
    with transaction.atomic():
        return services.aanmelding_save_draft(
            by=request.user,
            aanmelding=aanmelding,
            data=form.service_data(),
            betrokkenen=betrokkenen,
            voorgestelde_partners=form.cleaned_data.get("voorgestelde_partners", []),
            namens=form.cleaned_data.get("namens"),
        )


@require_GET
@role_required(*MELDER_ROLES)
def aanmelding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    aanmelding = selectors.aanmelding_get_for_user(request=request, pk=pk)
    is_regisseur = request.user.has_role(Role.PROCESREGISSEUR)
    duplicates = []
    if is_regisseur:
        # Only the procesregisseur is warned of a possible duplicate, and only of persons they may see (in a
        # dossier they may open: the access layer's rule); the names shown are logged.
        visible = conditions.person_condition(request.user)
        for b in aanmelding.betrokkenen.all():
            candidates = possible_duplicates(
                voornamen=b.voornamen, achternaam=b.achternaam, geboortedatum=b.geboortedatum, exclude_pk=b.persoon_id
            )
            found = list(candidates.filter(visible)[:3])
            if found:
                duplicates.append((b, found))
        if duplicates:
            gateway.log_shown(
                request=request,
                object_type=gateway.PERSOON,
                object_ids=[p.pk for _b, found in duplicates for p in found],
                person_ids=[p.pk for _b, found in duplicates for p in found],
            )
    open_for_triage = aanmelding.status in (AanmeldingStatus.INGEDIEND, AanmeldingStatus.GEAGENDEERD)
    return render(
        request,
        "triage/aanmelding_detail.html",
        {
            "aanmelding": aanmelding,
            "is_regisseur": is_regisseur,
            "duplicates": duplicates,
            **(_placement(request, aanmelding) if is_regisseur and open_for_triage else {}),
            "can_ask": is_regisseur and open_for_triage,
            "can_answer": aanmelding.status == AanmeldingStatus.AANVULLING
            and services.may_answer(aanmelding, request.user),
            "aanvullingen": aanmelding.aanvullingen.select_related("gevraagd_door", "beantwoord_door"),
            "weging": getattr(aanmelding, "weging", None),
            "casus": getattr(aanmelding, "casus", None),
        },
    )


UPCOMING_SHOWN = 12


def _placement(request: HttpRequest, aanmelding: Aanmelding) -> dict:
    """Only coming moments of the boards that fit, the next one chosen (or the one just made), and per fitting board
    a form to make a new moment that comes straight back here."""
    sessies = selectors.sessies_upcoming_for(user=request.user, aanmelding=aanmelding)
    shown = list(sessies[:UPCOMING_SHOWN])
    chosen = request.GET.get("sessie", "")
    selected = next((s.pk for s in shown if chosen.isdigit() and s.pk == int(chosen)), shown[0].pk if shown else None)
    plaatsen_form = None
    if shown:
        plaatsen_form = PlaatsenForm(sessies=sessies.filter(pk__in=[s.pk for s in shown]), selected=selected)
    boards = selectors.boards_fitting(user=request.user, aanmelding=aanmelding)
    return {
        "plaatsen_form": plaatsen_form,
        "nieuw_moment": [(bord, SessieForm(prefix=f"bord{bord.pk}", upcoming=True)) for bord in boards],
    }


@require_POST
@role_required(Role.PROCESREGISSEUR)
def aanmelding_place(request: HttpRequest, pk: int) -> HttpResponse:
    aanmelding = selectors.aanmelding_get_for_user(request=request, pk=pk, action=AccessAction.UPDATE)
    sessies = selectors.sessies_for(request.user)
    form = PlaatsenForm(request.POST, sessies=sessies)
    if not form.is_valid():
        messages.error(request, _("Kies een triagemoment."))
        return redirect("triage:aanmelding_detail", pk=pk)
    try:
        services.aanmelding_place(aanmelding=aanmelding, sessie=form.cleaned_data["sessie"], by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("triage:aanmelding_detail", pk=pk)
    messages.success(request, _("De aanmelding staat op het triagemoment."))
    return redirect("triage:sessie_detail", pk=form.cleaned_data["sessie"].pk)


@require_GET
@role_required(Role.PROCESREGISSEUR)
def board_list(request: HttpRequest) -> HttpResponse:
    boards = selectors.boards_with_recent_sessies(request.user)
    # The longest-waiting first, a screenful: the rest is one click away in the list (status ingediend).
    waiting_qs = selectors.waiting_unplaced(request.user)
    waiting = list(waiting_qs[:WAITING_ON_BOARD])
    waiting_count = waiting_qs.count() if len(waiting) == WAITING_ON_BOARD else len(waiting)
    gateway.log_shown(
        request=request,
        object_type="triage.aanmelding",
        object_ids=[a.pk for a in waiting],
        person_ids=[pid for a in waiting for pid in selectors.aanmelding_person_ids(a)],
    )
    return render(
        request,
        "triage/board_list.html",
        {
            "boards": [(b, recent, SessieForm()) for b, recent in boards],
            "waiting": waiting,
            "waiting_count": waiting_count,
            "waiting_status": AanmeldingStatus.INGEDIEND,
        },
    )


WAITING_ON_BOARD = 30


@require_POST
@role_required(Role.PROCESREGISSEUR)
def sessie_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Make a triage moment. From an aanmelding (``aanmelding`` posted) it goes straight back there, with the new
    moment chosen; otherwise to the new moment."""
    bord = selectors.board_get_for_user(user=request.user, pk=pk)
    terug = request.POST.get("aanmelding", "")
    aanmelding = None
    if terug.isdigit():
        aanmelding = selectors.aanmelding_get_for_user(request=request, pk=int(terug))
    form = SessieForm(request.POST, prefix=f"bord{bord.pk}" if aanmelding else None, upcoming=aanmelding is not None)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("datum", [])) or _("Vul een geldige datum in."))
        if aanmelding is not None:
            return redirect(f"{reverse('triage:aanmelding_detail', args=[aanmelding.pk])}#kop-plaatsen")
        return redirect("triage:board_list")
    sessie = services.sessie_get_or_create(bord=bord, datum=form.cleaned_data["datum"], by=request.user)
    if aanmelding is not None:
        messages.success(request, _("Het triagemoment %(sessie)s is aangemaakt en gekozen.") % {"sessie": sessie})
        url = reverse("triage:aanmelding_detail", args=[aanmelding.pk])
        return redirect(f"{url}?{urlencode({'sessie': sessie.pk})}#kop-plaatsen")
    return redirect("triage:sessie_detail", pk=sessie.pk)


@require_GET
@role_required(Role.PROCESREGISSEUR)
def sessie_detail(request: HttpRequest, pk: int) -> HttpResponse:
    sessie = selectors.sessie_get_for_user(user=request.user, pk=pk)
    page = selectors.sessie_aanmeldingen(request=request, sessie=sessie, page_number=request.GET.get("pagina"))
    return render(
        request,
        "triage/sessie_detail.html",
        {
            "sessie": sessie,
            "page": page,
            "rule": CRITERIA_RULE,
            "weegploeg": sessie.bord.soort == BordSoort.WEEGPLOEG,
            "wachtend_form": _waiting_form(request, sessie),
        },
    )


WAITING_SHOWN = 30


def _waiting_form(request: HttpRequest, sessie) -> WachtendeAanmeldingenForm | None:
    waiting = list(selectors.waiting_for_sessie(user=request.user, sessie=sessie)[:WAITING_SHOWN])
    if not waiting:
        return None
    gateway.log_shown(
        request=request,
        object_type="triage.aanmelding",
        object_ids=[a.pk for a in waiting],
        person_ids=[pid for a in waiting for pid in selectors.aanmelding_person_ids(a)],
    )
    queryset = selectors.waiting_for_sessie(user=request.user, sessie=sessie).filter(pk__in=[a.pk for a in waiting])
    return WachtendeAanmeldingenForm(aanmeldingen=queryset, shown=waiting)


@require_POST
@role_required(Role.PROCESREGISSEUR)
def sessie_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Put the ticked waiting aanmeldingen on this triage moment."""
    sessie = selectors.sessie_get_for_user(user=request.user, pk=pk)
    form = WachtendeAanmeldingenForm(
        request.POST, aanmeldingen=selectors.waiting_for_sessie(user=request.user, sessie=sessie)
    )
    if not form.is_valid():
        messages.error(request, _("Kies een of meer aanmeldingen die wachten op triage."))
        return redirect("triage:sessie_detail", pk=sessie.pk)
    placed = []
    for choice in form.cleaned_data["aanmeldingen"]:
        aanmelding = selectors.aanmelding_get_for_user(request=request, pk=choice.pk, action=AccessAction.UPDATE)
        try:
            services.aanmelding_place(aanmelding=aanmelding, sessie=sessie, by=request.user)
        except ValidationError as exc:
            messages.error(request, f"{_('Aanmelding')} {aanmelding.pk}: {' '.join(exc.messages)}")
        else:
            placed.append(str(aanmelding.pk))
    if placed:
        messages.success(request, _("Op dit triagemoment gezet: aanmelding %(nrs)s.") % {"nrs": ", ".join(placed)})
    return redirect("triage:sessie_detail", pk=sessie.pk)


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR)
def weging_create(request: HttpRequest, pk: int) -> HttpResponse:
    aanmelding = selectors.aanmelding_get_for_user(request=request, pk=pk, action=AccessAction.UPDATE)
    if aanmelding.sessie_id is None or aanmelding.status != AanmeldingStatus.GEAGENDEERD:
        messages.error(request, _("Agendeer de aanmelding eerst op een triagemoment."))
        return redirect("triage:aanmelding_detail", pk=pk)
    selectors.sessie_get_for_user(user=request.user, pk=aanmelding.sessie_id)  # board membership → else 404
    form = WegingForm(posted(request))
    ok, weging = submit(
        request,
        form,
        lambda: services.triage_decide(aanmelding=aanmelding, by=request.user, **form.cleaned_data),
        _("Het triagebesluit is vastgelegd; de melder wordt geïnformeerd."),
    )
    if ok:
        return redirect("triage:sessie_detail", pk=weging.sessie_id)
    return render(request, "triage/weging_form.html", {"aanmelding": aanmelding, "form": form, "rule": CRITERIA_RULE})


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR)
def aanvulling_request(request: HttpRequest, pk: int) -> HttpResponse:
    """Screening: ask the melder for more before weging."""
    aanmelding = selectors.aanmelding_get_for_user(request=request, pk=pk, action=AccessAction.UPDATE)
    if aanmelding.status not in (AanmeldingStatus.INGEDIEND, AanmeldingStatus.GEAGENDEERD):
        messages.error(request, _("Bij deze aanmelding kan geen aanvulling meer worden gevraagd."))
        return redirect("triage:aanmelding_detail", pk=pk)
    form = AanvullingVraagForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: services.aanvulling_request(aanmelding=aanmelding, by=request.user, **form.cleaned_data),
        _("De vraag staat bij de aanmelding; de melder kan antwoorden."),
    )
    if ok:
        return redirect("triage:aanmelding_detail", pk=pk)
    return render(request, "triage/aanvulling_form.html", {"aanmelding": aanmelding, "form": form, "vragen": True})


@require_http_methods(["GET", "POST"])
@role_required(*MELDER_ROLES)
def aanvulling_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The melder answers the open question; the aanmelding goes back to screening."""
    aanmelding = selectors.aanmelding_get_for_user(request=request, pk=pk, action=AccessAction.UPDATE)
    if aanmelding.status != AanmeldingStatus.AANVULLING or not services.may_answer(aanmelding, request.user):
        messages.info(request, _("Er staat geen vraag voor u open bij deze aanmelding."))
        return redirect("triage:aanmelding_detail", pk=pk)
    form = AanvullingAntwoordForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: services.aanvulling_answer(aanmelding=aanmelding, by=request.user, **form.cleaned_data),
        _("Dank u. Uw aanvulling is bij de aanmelding gezet; het ZVH gaat verder met de screening."),
    )
    if ok:
        return redirect("triage:aanmelding_detail", pk=pk)
    vraag = aanmelding.aanvullingen.filter(beantwoord_op__isnull=True).order_by("-gevraagd_op").first()
    return render(request, "triage/aanvulling_form.html", {"aanmelding": aanmelding, "form": form, "vraag": vraag})


@require_http_methods(["GET", "POST"])
@role_required(Role.PROCESREGISSEUR)
def advies_list(request: HttpRequest) -> HttpResponse:
    """Advies op verzoek: a short form on top (registered in under a minute), the recent ones below."""
    form = AdviesForm(posted(request))
    ok, _result = submit(
        request,
        form,
        lambda: services.advies_register(by=request.user, **form.cleaned_data),
        _("Het advies is geregistreerd."),
    )
    if ok:
        return redirect("triage:advies_list")
    page = Paginator(selectors.advies_queryset_for(request.user), 25).get_page(request.GET.get("pagina"))
    named = [a.pk for a in page if a.betreft_persoon]
    if named:
        gateway.log_shown(request=request, object_type="triage.advies", object_ids=named, person_ids=[])
    return render(request, "triage/advies_list.html", {"form": form, "page": page})
