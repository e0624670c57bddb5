"""Writes for users and organisations. Audited by django-auditlog (registered in ``audit.py``)."""

from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .choices import OrganisationType, Role
from .models import Organisation, User


@transaction.atomic
def organisation_create(
    *, name: str, type: OrganisationType | str, convenantpartner: bool = False, active: bool = True
) -> Organisation:
    organisation = Organisation(name=name, type=type, convenantpartner=convenantpartner, active=active)
    organisation.full_clean()
    organisation.save()
    organisation.group = Group.objects.create(name=f"organisatie:{organisation.pk}")
    organisation.save(update_fields=["group"])
    return organisation


@transaction.atomic
def user_create(
    *,
    username: str,
    organisation: Organisation,
    role: Role | str,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    function_title: str = "",
    is_staff: bool = False,
) -> User:
    user = User(
        username=username,
        organisation=organisation,
        first_name=first_name,
        last_name=last_name,
        email=email,
        function_title=function_title,
        is_staff=is_staff,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    user_set_role(user=user, role=role)
    user_sync_organisation_group(user=user)
    return user


def user_sync_organisation_group(*, user: User) -> None:
    """The user is a member of exactly their own organisation's group (used by organisation-wide grants)."""
    own = user.organisation.group_id
    stale = list(user.groups.filter(organisation__isnull=False).exclude(pk=own))
    if stale:  # remove() would log even groups the user is not in: only touch what changes
        user.groups.remove(*stale)
    if own and not user.groups.filter(pk=own).exists():
        user.groups.add(own)


@transaction.atomic
def user_set_role(*, user: User, role: Role | str) -> None:
    """Give the user exactly this role (one role per user); other role groups are removed."""
    current = set(user.groups.filter(name__in=Role.values).values_list("name", flat=True))
    stale = Group.objects.filter(name__in=current - {str(role)})
    if stale:
        user.groups.remove(*stale)
    if str(role) not in current:
        user.groups.add(Group.objects.get(name=role))
    user.forget_memberships()


def user_end_sessions(*, user: User) -> int:
    """Log the user out everywhere. Returns the number of sessions ended."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def user_deactivate(*, user: User) -> None:
    user.is_active = False
    user.save(update_fields=["is_active"])
    user_end_sessions(user=user)


@transaction.atomic
def user_reset_two_factor(*, user: User) -> None:
    """Remove the user's authenticator and backup codes: at the next login they must enrol again."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    user_end_sessions(user=user)
