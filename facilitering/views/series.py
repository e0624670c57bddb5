from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from zvh.accounts.choices import Role
from zvh.permissions import role_required

from .. import services
from ..choices import BookingStatus
from ..forms import ConfirmForm, SeriesCancelForm
from ..selectors.bookings import series_get_for_user, series_occurrences
from ._helpers import BOOKERS, STAFF, add_service_errors


def _context(series) -> dict:
    occurrences = list(series_occurrences(series))
    requested = [b for b in occurrences if b.status == BookingStatus.AANGEVRAAGD]
    open_ = [b for b in occurrences if b.status in (BookingStatus.AANGEVRAAGD, BookingStatus.BEVESTIGD)]
    return {"series": series, "occurrences": occurrences, "requested": requested, "open": open_}


@require_GET
@role_required(*BOOKERS)
def series_detail(request: HttpRequest, pk: int) -> HttpResponse:
    series = series_get_for_user(user=request.user, pk=pk)
    context = _context(series) | {"staff": request.user.has_role(Role.SECRETARIAAT)}
    return render(request, "facilitering/series_detail.html", context)


@require_http_methods(["GET", "POST"])
@role_required(*STAFF)
def series_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    series = series_get_for_user(user=request.user, pk=pk)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            confirmed = services.series_confirm(
                actor=request.user, series=series, medewerker=form.cleaned_data["medewerker"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s boeking van de reeks is bevestigd en toegewezen.",
                    "%(n)s boekingen van de reeks zijn bevestigd en toegewezen.",
                    len(confirmed),
                )
                % {"n": len(confirmed)},
            )
            return redirect("facilitering:series_detail", pk=series.pk)
    return render(request, "facilitering/series_confirm.html", _context(series) | {"form": form})


@require_http_methods(["GET", "POST"])
@role_required(*BOOKERS)
def series_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    series = series_get_for_user(user=request.user, pk=pk)
    form = SeriesCancelForm(request.POST or None, initial={"from_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            cancelled = services.series_cancel(
                actor=request.user,
                series=series,
                from_date=form.cleaned_data["from_date"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                ngettext("%(n)s boeking is geannuleerd.", "%(n)s boekingen zijn geannuleerd.", len(cancelled))
                % {"n": len(cancelled)},
            )
            return redirect("facilitering:series_detail", pk=series.pk)
    return render(request, "facilitering/series_cancel.html", _context(series) | {"form": form})
