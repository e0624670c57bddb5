"""Reads for accounts: role changes for the FG."""

from django.db.models import QuerySet

from .models import RoleChangeRequest


def role_changes() -> QuerySet[RoleChangeRequest]:
    """Every role change, requested, applied or refused, newest first."""
    return RoleChangeRequest.objects.select_related(
        "user", "user__organisation", "requested_by", "decided_by"
    ).order_by("-requested_at", "-id")
