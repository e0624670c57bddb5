from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from zvh.accounts.choices import Role
from zvh.permissions import role_required

from . import selectors
from .filters import LoginFailureFilter, LoginFilter

PAGE_SIZE = 50


@require_GET
@role_required(Role.FG)
def login_records(request: HttpRequest) -> HttpResponse:
    """Logins, logouts, failed attempts and lockouts, for the FG."""
    kind = "mislukt" if request.GET.get("soort") == "mislukt" else "aanmeldingen"
    if kind == "mislukt":
        filterset = LoginFailureFilter(request.GET or None, queryset=selectors.login_failures())
    else:
        filterset = LoginFilter(request.GET or None, queryset=selectors.login_records())
    rows = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "privacy/login_records.html",
        {"filter": filterset, "page": page, "kind": kind, "query": query.urlencode()},
    )
