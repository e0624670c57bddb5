from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zvh.accounts.choices import Role
from zvh.core.forms import add_service_errors, posted, submit
from zvh.permissions import role_required

from . import selectors, services
from .access import may_request, verzoek_get_for_user
from .forms import AntwoordForm, ContextverzoekForm
from .models import Contextverzoek

FILTERS = {"open": gettext_lazy("Open"), "te-laat": gettext_lazy("Te laat"), "beantwoord": gettext_lazy("Beantwoord")}


def zsm_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Procesregisseurs and the ZSM partners' accounts (ketenpartners in the ZSM team); others the Dutch 403."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_request(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.allowed_roles = frozenset({Role.PROCESREGISSEUR, Role.KETENPARTNER})  # type: ignore[attr-defined]
    return wrapped


@require_GET
@zsm_required
def verzoek_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status") if request.GET.get("status") in FILTERS else ""
    qs = selectors.verzoek_list_for(request.user, status=status)
    page = Paginator(qs, 25).get_page(request.GET.get("pagina"))
    services.log_verzoeken_shown(request=request, verzoeken=page)
    return render(
        request,
        "zsm/verzoek_list.html",
        {
            "page": page,
            "filters": FILTERS.items(),
            "status": status,
            "query": f"status={status}" if status else "",
            "is_regisseur": request.user.has_role(Role.PROCESREGISSEUR),
        },
    )


@require_http_methods(["GET", "POST"])
@zsm_required
def verzoek_create(request: HttpRequest) -> HttpResponse:
    on_behalf = request.user.has_role(Role.PROCESREGISSEUR)
    form = ContextverzoekForm(posted(request), on_behalf=on_behalf, organisation=request.user.organisation)
    ok, verzoek = submit(
        request,
        form,
        lambda: services.contextverzoek_create(by=request.user, request=request, **form.service_kwargs()),
        _("Het contextverzoek is ontvangen. Het ZVH antwoordt vóór de deadline."),
    )
    if ok:
        return redirect("zsm:verzoek_detail", verzoek.pk)
    return render(request, "zsm/verzoek_form.html", {"form": form})


def _detail(request: HttpRequest, verzoek: Contextverzoek, antwoord_form=None) -> HttpResponse:
    context = {"verzoek": verzoek, "is_regisseur": request.user.has_role(Role.PROCESREGISSEUR)}
    if context["is_regisseur"]:
        dossiers = selectors.known_at_zvh(request.user, verzoek)
        matches = selectors.possible_matches(request.user, verzoek)
        services.log_consulted(request=request, verzoek=verzoek, dossiers=dossiers, matches=matches)
        context |= {
            "dossiers": dossiers,
            "matches": matches,
            "antwoord_form": antwoord_form or (AntwoordForm() if verzoek.is_open else None),
        }
    return render(request, "zsm/verzoek_detail.html", context)


@require_GET
@role_required(Role.PROCESREGISSEUR, Role.KETENPARTNER)
def verzoek_detail(request: HttpRequest, pk: int) -> HttpResponse:
    verzoek = verzoek_get_for_user(request=request, pk=pk, queryset=selectors.detail_queryset())
    return _detail(request, verzoek)


@require_POST
@role_required(Role.PROCESREGISSEUR)
def verzoek_answer(request: HttpRequest, pk: int) -> HttpResponse:
    verzoek = verzoek_get_for_user(request=request, pk=pk, queryset=selectors.detail_queryset())
    if not verzoek.is_open:
        messages.info(request, _("Dit verzoek is al beantwoord."))
        return redirect("zsm:verzoek_detail", verzoek.pk)
    form = AntwoordForm(request.POST)
    if form.is_valid():
        try:
            services.contextverzoek_answer(
                verzoek=verzoek,
                by=request.user,
                bekend=form.cleaned_data["bekend"] == "ja",
                context=form.cleaned_data["context"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Het antwoord is vastgelegd; ZSM ziet het bij het verzoek."))
            return redirect("zsm:verzoek_detail", verzoek.pk)
    return _detail(request, verzoek, form)
