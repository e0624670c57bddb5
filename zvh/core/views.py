from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health
from .navigation import items_for, landing_url


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Start page: who you are, for which organisation, in which role, and what that role may do here."""
    tasks = [item for item in items_for(request.user) if item.url_name != "core:home"]
    return render(request, "core/home.html", {"tasks": tasks})


@require_GET
def landing(request: HttpRequest) -> HttpResponse:
    """After login (LOGIN_REDIRECT_URL): straight to Mijn werk for the roles that have it, else the start page."""
    return redirect(landing_url(request.user))


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Reachability of database and broker for load balancers and monitoring. Holds no personal data."""
    database = "ok" if health.database_ok() else "onbereikbaar"
    broker = health.broker_status()
    healthy = database == "ok" and broker in ("ok", "in-process")
    return JsonResponse(
        {"status": "ok" if healthy else "storing", "database": database, "broker": broker},
        status=200 if healthy else 503,
    )
