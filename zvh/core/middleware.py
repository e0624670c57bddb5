"""Cross-cutting request handling: mandatory 2FA, session limits and no caching of pages."""

import re
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from two_factor.utils import default_device

SESSION_STARTED_KEY = "zvh_session_started"
SESSION_LAST_SEEN_KEY = "zvh_session_last_seen"
LOGOUT_REASON_KEY = "zvh_logout_reason"
# Writing the session on every request costs a database write; a 30 s resolution is plenty for a 30 min limit.
LAST_SEEN_RESOLUTION = 30

# Pages an authenticated but not yet 2FA-verified user may reach: enrolment and leaving.
UNVERIFIED_ALLOWED = {"two_factor:setup", "two_factor:qr", "logout", "core:healthz"}


CLIENT_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class ServerCorrelationIdMiddleware:
    """The correlation id is the server's: an incoming ``X-Correlation-ID`` never reaches django-guid.

    Otherwise a client chooses the id stored with its access-log rows (and can make its rows look like another
    request's). A well-formed client id is kept apart as ``request.client_correlation_id`` for tracing only; it is
    never written to the access log. Runs before ``django_guid.middleware.guid_middleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.meta_key = "HTTP_" + settings.DJANGO_GUID["GUID_HEADER_NAME"].upper().replace("-", "_")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.META.pop(self.meta_key, "")
        request.client_correlation_id = given if CLIENT_ID_PATTERN.match(given) else ""
        request.__dict__.pop("headers", None)  # HttpRequest.headers is cached from META: drop a stale copy
        return self.get_response(request)


class NoStoreMiddleware:
    """Pages may hold personal data: no browser or proxy may keep a copy (static files are served earlier)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        patch_cache_control(response, no_store=True, no_cache=True, must_revalidate=True, private=True)
        return response


class SessionTimeoutMiddleware:
    """Ends a session after SESSION_IDLE_TIMEOUT seconds without requests or SESSION_ABSOLUTE_TIMEOUT in all."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.setdefault(SESSION_STARTED_KEY, now)
            last_seen = session.get(SESSION_LAST_SEEN_KEY, now)
            reason = None
            if now - started > settings.SESSION_ABSOLUTE_TIMEOUT:
                reason = "absolute"
            elif now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                reason = "idle"
            if reason:
                logout(request)
                request.session[LOGOUT_REASON_KEY] = reason
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= LAST_SEEN_RESOLUTION or SESSION_LAST_SEEN_KEY not in session:
                session[SESSION_LAST_SEEN_KEY] = now
        return self.get_response(request)


class RequireTwoFactorMiddleware:
    """No page but enrolment and logout for a logged-in user whose session is not verified with a second factor."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():
            if _url_name(request) in UNVERIFIED_ALLOWED:
                return self.get_response(request)
            if default_device(user):
                # Has a device but this session never proved it: start again at the login.
                logout(request)
                return redirect_to_login(request.get_full_path())
            return redirect("two_factor:setup")
        return self.get_response(request)


def _url_name(request: HttpRequest) -> str | None:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return None


class AllowedMethodsMiddleware:
    """The application speaks GET and POST (HTML forms); every other method is answered 405 before any view runs,
    so no view can be reached with a method it never declared (found by the authorization matrix: PUT)."""

    ALLOWED = frozenset({"GET", "HEAD", "POST"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in self.ALLOWED:
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(sorted(self.ALLOWED))
        return self.get_response(request)
