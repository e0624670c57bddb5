"""Booking pages: list, request/book, detail, change, confirm and assign, realise, cancel, .ics download."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from zvh.accounts.choices import Role
from zvh.permissions import role_required

from .. import ical, services
from ..choices import BookingStatus
from ..filters import BookingFilter
from ..forms import BookingForm, CancelForm, ConfirmForm, RealiseForm
from ..selectors.availability import availability_for_form
from ..selectors.bookings import booking_get_for_user, bookings_for_user, partners_for_booking
from ._helpers import BOOKERS, STAFF, add_missing_errors, add_service_errors

PAGE_SIZE = 50


@require_GET
@role_required(*BOOKERS)
def booking_list(request: HttpRequest) -> HttpResponse:
    staff = request.user.has_role(Role.SECRETARIAAT)
    filterset = BookingFilter(request.GET or None, queryset=bookings_for_user(request.user), request=request)
    rows = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
    page = Paginator(rows.order_by("-date", "-start_time", "-pk"), PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    open_requests = bookings_for_user(request.user).filter(status=BookingStatus.AANGEVRAAGD).count() if staff else 0
    return render(
        request,
        "facilitering/booking_list.html",
        {"filter": filterset, "page": page, "query": query.urlencode(), "staff": staff, "open_requests": open_requests},
    )


@require_http_methods(["GET", "POST"])
@role_required(*BOOKERS)
def booking_create(request: HttpRequest) -> HttpResponse:
    staff = request.user.has_role(Role.SECRETARIAAT)
    partners = partners_for_booking(request.user)
    # An empty POST is a submitted form too (every field missing), never an unbound one.
    data = request.POST if request.method == "POST" else None
    form = BookingForm(data, user=request.user, partners=partners, staff=staff)
    if request.method == "POST" and not form.is_valid():
        # Wrong input in a field: the rules still check the rest, so every problem shows in this one answer.
        add_missing_errors(
            form, services.booking_request_errors(actor=request.user, details=form.partial_booking_request())
        )
    elif request.method == "POST":
        try:
            bookings = services.booking_request(actor=request.user, details=form.booking_request())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            first = bookings[0]
            if first.series_id:
                messages.success(
                    request,
                    ngettext(
                        "De reeks is vastgelegd met %(n)s boeking.",
                        "De reeks is vastgelegd met %(n)s boekingen.",
                        len(bookings),
                    )
                    % {"n": len(bookings)},
                )
                return redirect("facilitering:series_detail", pk=first.series_id)
            messages.success(request, _("De boeking is vastgelegd.") if staff else _("Uw aanvraag is verstuurd."))
            return redirect("facilitering:booking_detail", pk=first.pk)
    return render(
        request,
        "facilitering/booking_create.html",
        {
            "form": form,
            "staff": staff,
            "has_partner": partners.exists(),
            "availability": availability_for_form(form) if form.is_bound else None,
        },
    )


@require_GET
@role_required(*BOOKERS)
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_get_for_user(user=request.user, pk=pk)
    return render(
        request,
        "facilitering/booking_detail.html",
        {"booking": booking, "staff": request.user.has_role(Role.SECRETARIAAT)},
    )


@require_http_methods(["GET", "POST"])
@role_required(*STAFF)
def booking_update(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_get_for_user(user=request.user, pk=pk)
    initial = {
        field: getattr(booking, field)
        for field in (
            "overleg_type",
            "title",
            "date",
            "start_time",
            "end_time",
            "room",
            "participants",
            "support_kinds",
            "planned_hours",
            "medewerker",
            "notes",
            "over_budget_reason",
        )
    }
    form = BookingForm(
        request.POST or None,
        initial=initial,
        user=request.user,
        partners=partners_for_booking(request.user),
        staff=True,
        series=False,
    )
    del form.fields["organisation"]
    editable = booking.status in (BookingStatus.AANGEVRAAGD, BookingStatus.BEVESTIGD)
    if request.method == "POST" and editable and form.is_valid():
        try:
            services.booking_update(actor=request.user, booking=booking, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De boeking is gewijzigd."))
            return redirect("facilitering:booking_detail", pk=booking.pk)
    return render(request, "facilitering/booking_update.html", {"form": form, "booking": booking, "editable": editable})


@require_http_methods(["GET", "POST"])
@role_required(*STAFF)
def booking_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_get_for_user(user=request.user, pk=pk)
    form = ConfirmForm(request.POST or None, initial={"medewerker": booking.medewerker})
    if request.method == "POST" and form.is_valid():
        try:
            services.booking_confirm(actor=request.user, booking=booking, medewerker=form.cleaned_data["medewerker"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De boeking is bevestigd en toegewezen."))
            return redirect("facilitering:booking_detail", pk=booking.pk)
    return render(request, "facilitering/booking_confirm.html", {"form": form, "booking": booking})


@require_http_methods(["GET", "POST"])
@role_required(*STAFF)
def booking_realise(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_get_for_user(user=request.user, pk=pk)
    form = RealiseForm(
        request.POST or None, initial={"realised_hours": booking.realised_hours or booking.planned_hours}
    )
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.booking_realise(
                actor=request.user, booking=booking, realised_hours=form.cleaned_data["realised_hours"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De uitvoering en de uren zijn vastgelegd."))
            warning = services.realised_week_warning(booking)
            if warning:
                messages.warning(request, warning)
            return redirect("facilitering:booking_detail", pk=booking.pk)
    return render(request, "facilitering/booking_realise.html", {"form": form, "booking": booking})


@require_http_methods(["GET", "POST"])
@role_required(*BOOKERS)
def booking_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_get_for_user(user=request.user, pk=pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.booking_cancel(actor=request.user, booking=booking, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De boeking is geannuleerd."))
            return redirect("facilitering:booking_detail", pk=booking.pk)
    return render(request, "facilitering/booking_cancel.html", {"form": form, "booking": booking})


@require_GET
@role_required(*BOOKERS)
def booking_ics(request: HttpRequest, pk: int) -> HttpResponse:
    booking = booking_get_for_user(user=request.user, pk=pk)
    content = ical.calendar_for([booking], name=booking.title)
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="boeking-{booking.pk}.ics"'
    return response
