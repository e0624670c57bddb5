"""Writes for users and organisations. Audited by django-auditlog (registered in ``audit.py``)."""

from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .choices import OrganisationType, Role
from .models import Organisation, RoleChangeRequest, User


@transaction.atomic
def organisation_create(
    *,
    name: str,
    type: OrganisationType | str,
    convenantpartner: bool = False,
    active: bool = True,
    code: str | None = None,
) -> Organisation:
    """``code``: the stable key (default: derived from the name once; it does not follow later renames)."""
    code = code or _free_code(slugify(name)[:60])
    organisation = Organisation(name=name, type=type, convenantpartner=convenantpartner, active=active, code=code)
    organisation.full_clean()
    organisation.save()
    organisation.group = Group.objects.create(name=f"organisatie:{organisation.pk}")
    organisation.save(update_fields=["group"])
    return organisation


def _free_code(base: str) -> str | None:
    if not base:
        return None
    code, n = base, 1
    while Organisation.objects.filter(code=code).exists():
        n += 1
        code = f"{base[:56]}-{n}"
    return code


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


# --- Role changes: never one's own; privileged roles need a second beheerder (four eyes) ------------------------

PRIVILEGED_ROLES = frozenset({Role.PROCESREGISSEUR, Role.FG, Role.BEHEERDER})


def _require_beheerder(by: User) -> None:
    if not (by.is_active and (by.has_role(Role.BEHEERDER) or by.is_superuser)):
        raise PermissionDenied(_("Alleen een functioneel beheerder wijzigt rollen."))


@transaction.atomic
def role_change_request(*, user: User, new_role: Role | str, by: User) -> RoleChangeRequest:
    """Ask for ``user`` to get ``new_role``. Applied at once, unless the role is privileged (then it waits)."""
    _require_beheerder(by)
    if user.pk == by.pk:
        raise PermissionDenied(_("U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder."))
    old = user.role
    change = RoleChangeRequest(user=user, old_role=old.value if old else "", new_role=str(new_role), requested_by=by)
    change.full_clean()
    change.save()
    if str(new_role) not in PRIVILEGED_ROLES:
        _apply(change, by=by)
    return change


@transaction.atomic
def role_change_approve(*, change: RoleChangeRequest, by: User) -> RoleChangeRequest:
    change = RoleChangeRequest.objects.select_for_update().get(pk=change.pk)
    _check_decider(change, by)
    _apply(change, by=by)
    return change


@transaction.atomic
def role_change_refuse(*, change: RoleChangeRequest, by: User) -> RoleChangeRequest:
    change = RoleChangeRequest.objects.select_for_update().get(pk=change.pk)
    _check_decider(change, by)
    change.status, change.decided_by, change.decided_at = RoleChangeRequest.Status.REFUSED, by, timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])
    return change


def _check_decider(change: RoleChangeRequest, by: User) -> None:
    _require_beheerder(by)
    if change.status != RoleChangeRequest.Status.PENDING:
        raise ValidationError(_("Deze rolwijziging is al beoordeeld."))
    if by.pk in (change.requested_by_id, change.user_id):
        raise PermissionDenied(_("Een tweede beheerder moet deze rolwijziging goedkeuren: niet de aanvrager zelf."))


def _apply(change: RoleChangeRequest, *, by: User) -> None:
    user_set_role(user=change.user, role=change.new_role)
    change.status, change.decided_by, change.decided_at = RoleChangeRequest.Status.APPLIED, by, timezone.now()
    change.save(update_fields=["status", "decided_by", "decided_at"])


# --- Password reset: the beheerder never knows or sets a password -----------------------------------------------


@transaction.atomic
def user_reset_password(*, user: User, by: User, request) -> None:
    """End the user's sessions, remove their authenticator and backup codes, make the password unusable, and mail
    a one-time link (Django's password reset token: valid once, and only until the password changes)."""
    _require_beheerder(by)
    if user.pk == by.pk:
        raise PermissionDenied(_("U kunt uw eigen wachtwoord hier niet herstellen. Vraag een andere beheerder."))
    if not user.email:
        raise ValidationError(_("Deze gebruiker heeft geen e-mailadres: vul dat eerst in."))
    user.set_unusable_password()
    user.save(update_fields=["password"])
    user_reset_two_factor(user=user)
    transaction.on_commit(lambda: _send_reset_link(user=user, request=request))


def _send_reset_link(*, user: User, request) -> None:
    from django.contrib.auth.tokens import default_token_generator
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    link = request.build_absolute_uri(path)
    send_mail(
        subject=str(_("Stel uw wachtwoord opnieuw in")),
        message=str(
            _(
                "De beheerder heeft uw wachtwoord en uw authenticator voor ZVH Casusregie opnieuw ingesteld.\n\n"
                "Kies een nieuw wachtwoord via deze link (eenmalig te gebruiken):\n%(link)s\n\n"
                "Daarna logt u in en stelt u uw authenticator-app opnieuw in."
            )
            % {"link": link}
        ),
        from_email=None,
        recipient_list=[user.email],
    )
