from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from privacy.choices import AccessAction
from zvh.access import gateway
from zvh.accounts.choices import Role

from ..access import ISD, TRAJECT, is_director
from ..selectors import isd_for_detail, traject_for_detail

VIEW_ROLES = (Role.PROCESREGISSEUR, Role.KETENPARTNER)


def require_director(request: HttpRequest) -> None:
    """Writes are for the procesregisseur and the coördinator re-integratie; other partners only read."""
    if not is_director(request.user):
        raise PermissionDenied


def get_traject(request: HttpRequest, pk, action=AccessAction.READ):
    return gateway.get_for_user(
        request=request, key=TRAJECT, pk=pk, action=action, queryset=traject_for_detail(request.user)
    )


def get_isd(request: HttpRequest, pk, action=AccessAction.READ):
    return gateway.get_for_user(request=request, key=ISD, pk=pk, action=action, queryset=isd_for_detail(request.user))
