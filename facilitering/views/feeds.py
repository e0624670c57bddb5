"""The personal iCalendar feed: settings page (make, renew, revoke) and the feed itself for calendar programs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from zvh.permissions import role_required

from .. import ical, services
from ..models import CalendarFeed
from ..selectors.bookings import bookings_for_feed
from ..selectors.feeds import feed_user_for_token
from ._helpers import BOOKERS

NEW_FEED_SESSION_KEY = "facilitering_new_feed"


@require_http_methods(["GET", "POST"])
@role_required(*BOOKERS)
def feed_settings(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("actie") == "intrekken":
            if services.feed_token_revoke(user=request.user):
                messages.success(request, _("Het agenda-abonnement is ingetrokken: het oude adres werkt niet meer."))
        else:
            services.feed_token_create(user=request.user)
            request.session[NEW_FEED_SESSION_KEY] = True
            messages.success(request, _("Er is een nieuw adres voor uw agenda-abonnement gemaakt."))
        return redirect("facilitering:feed_settings")
    is_new = request.session.pop(NEW_FEED_SESSION_KEY, False)
    feed = CalendarFeed.objects.filter(user=request.user).first()
    token = services.feed_token(feed) if feed else None
    feed_url = request.build_absolute_uri(reverse("facilitering:feed", kwargs={"token": token})) if token else None
    return render(
        request, "facilitering/feed_settings.html", {"feed": feed, "feed_url": feed_url, "is_new": is_new and token}
    )


@login_not_required
@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """For calendar programs, without login: only the token's owner's bookings, without notes or client data."""
    user = feed_user_for_token(token)
    if user is None:
        raise Http404
    bookings = bookings_for_feed(user, today=timezone.localdate())
    content = ical.calendar_for(bookings, name=_("ZVH facilitering"), method=None)
    return HttpResponse(content, content_type="text/calendar; charset=utf-8")
