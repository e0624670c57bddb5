from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from zvh.accounts.choices import Role

from ..access import is_team_regisseur


def team_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mensenhandel work pages: a procesregisseur of the mensenhandel team; everybody else the Dutch 403 page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_team_regisseur(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.allowed_roles = frozenset({Role.PROCESREGISSEUR})  # type: ignore[attr-defined]
    return wrapped
