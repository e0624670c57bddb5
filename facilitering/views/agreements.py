from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from zvh.accounts.choices import Role
from zvh.permissions import role_required

from .. import services
from ..forms import AgreementForm
from ..selectors.bookings import agreement_get_for_user, agreements_for_user
from ._helpers import STAFF, add_service_errors


@require_GET
@role_required(Role.SECRETARIAAT, Role.MANAGER, Role.KETENPARTNER)
def agreement_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "facilitering/agreement_list.html",
        {"agreements": agreements_for_user(request.user), "staff": request.user.has_role(Role.SECRETARIAAT)},
    )


@require_http_methods(["GET", "POST"])
@role_required(*STAFF)
def agreement_create(request: HttpRequest) -> HttpResponse:
    form = AgreementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_create(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De faciliteringsafspraak is vastgelegd."))
            return redirect("facilitering:agreement_list")
    return render(request, "facilitering/agreement_create.html", {"form": form})


@require_http_methods(["GET", "POST"])
@role_required(*STAFF)
def agreement_update(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_get_for_user(user=request.user, pk=pk)
    initial = {
        "overleg_types": agreement.overleg_types,
        "hours_per_week": agreement.hours_per_week,
        "valid_from": agreement.valid_from,
        "valid_until": agreement.valid_until,
        "contact": agreement.contact,
        "notes": agreement.notes,
    }
    form = AgreementForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_update(actor=request.user, agreement=agreement, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De faciliteringsafspraak is gewijzigd."))
            return redirect("facilitering:agreement_list")
    return render(request, "facilitering/agreement_update.html", {"form": form, "agreement": agreement})
