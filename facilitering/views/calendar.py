from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from zvh.permissions import role_required

from ..forms import CalendarForm
from ..periods import week_days, week_start
from ..selectors.bookings import partners_for_booking
from ..selectors.calendar import calendar_bookings, month_weeks, period_for, week_rows
from ._helpers import BOOKERS


def _link(params, **changes) -> str:
    query = params.copy()
    for key, value in changes.items():
        query[key] = value
    return "?" + query.urlencode()


@require_GET
@role_required(*BOOKERS)
def calendar(request: HttpRequest) -> HttpResponse:
    """Week or month, as a grid or as a list, per room, medewerker or partner. Server-rendered, no JavaScript."""
    form = CalendarForm(request.GET or None, partners=partners_for_booking(request.user))
    periode, weergave = form.value("periode", "week"), form.value("weergave", "rooster")
    per, day = form.value("per", "zaal"), form.value("datum", timezone.localdate())
    room, medewerker, partner = form.value("zaal"), form.value("medewerker"), form.value("partner")
    start, end = period_for(periode, day)
    bookings = list(calendar_bookings(request.user, start, end, room=room, medewerker=medewerker, partner=partner))
    previous = start - timedelta(days=1) if periode == "maand" else start - timedelta(days=7)
    only = {"zaal": room, "medewerker": medewerker, "partner": partner}[per]
    context = {
        "form": form,
        "periode": periode,
        "weergave": weergave,
        "per": per,
        "start": start,
        "last": end - timedelta(days=1),
        "bookings": bookings,
        "days": week_days(week_start(start)),  # Monday to Sunday, also in a month
        "previous_link": _link(request.GET, datum=period_for(periode, previous)[0].isoformat()),
        "next_link": _link(request.GET, datum=end.isoformat()),
        "today_link": _link(request.GET, datum=timezone.localdate().isoformat()),
        "week_number": start.isocalendar()[1],
    }
    if weergave == "rooster" and periode == "week":
        context["rows"] = week_rows(request.user, per, start, bookings, only=only)
    elif weergave == "rooster":
        context["weeks"] = month_weeks(start, end, bookings)
    return render(request, "facilitering/calendar_view.html", context)
