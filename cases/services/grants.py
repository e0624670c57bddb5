"""Grants: need-to-know access for a partner user or organisation, stored as guardian direct-FK permissions.

Granting, changing and revoking are audited by django-auditlog (Grant is registered in cases/apps.py).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from zvh.accounts.choices import Role
from zvh.notifications.services import notify_grant

from ..choices import GrantRol
from ..models import Casus, CasusGroupObjectPermission, CasusUserObjectPermission, Grant

VIEW_CASUS = "view_casus"


def _view_permission() -> Permission:
    return Permission.objects.get(content_type__app_label="cases", codename=VIEW_CASUS)


def _active(now: datetime) -> Q:
    return Q(ingetrokken_op__isnull=True) & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=now))


def _sync_permission(grant: Grant) -> None:
    """Make the guardian permission row match the grant (or remove it when the grant no longer applies)."""
    CasusUserObjectPermission.objects.filter(grant=grant).delete()
    CasusGroupObjectPermission.objects.filter(grant=grant).delete()
    if grant.ingetrokken_op is not None:
        return
    if grant.geldig_tot is not None and grant.geldig_tot <= timezone.now():
        return
    common = {
        "grant": grant,
        "permission": _view_permission(),
        "content_object_id": grant.casus_id,
        "geldig_van": grant.geldig_van,
        "geldig_tot": grant.geldig_tot,
    }
    if grant.user_id:
        CasusUserObjectPermission.objects.create(user_id=grant.user_id, **common)
    else:
        CasusGroupObjectPermission.objects.create(group_id=grant.organisatie.group_id, **common)


def _require_regisseur(user) -> None:
    if not user.has_role(Role.PROCESREGISSEUR):
        raise PermissionDenied(_("Alleen een procesregisseur kan toegang verlenen of intrekken."))


@transaction.atomic
def grant_create(
    *,
    casus: Casus,
    by,
    rol: str,
    doel: str,
    user=None,
    organisatie=None,
    geldig_van: datetime | None = None,
    geldig_tot: datetime | None = None,
    notify: bool = True,
) -> Grant:
    """Give a partner access. ``notify``: the partner gets an e-mail (not for the aanbrengende partner's automatic
    grant at opening: the melder hears the triage outcome instead)."""
    _require_regisseur(by)
    now = timezone.now()
    if (user is None) == (organisatie is None):
        raise ValidationError(_("Kies een gebruiker óf een organisatie."))
    if user is not None and not user.has_role(Role.KETENPARTNER):
        raise ValidationError({"user": _("Toegang via een toegang is alleen voor ketenpartners.")})
    if rol not in GrantRol.values:
        raise ValidationError({"rol": _("Kies een rol.")})
    if not (doel or "").strip():
        raise ValidationError({"doel": _("Vermeld het doel: waarvoor heeft deze partner de gegevens nodig?")})
    target = Q(user=user) if user is not None else Q(organisatie=organisatie)
    if Grant.objects.filter(target, _active(now), casus=casus).exists():
        raise ValidationError(_("Deze partner heeft al toegang tot deze casus. Wijzig de bestaande toegang."))
    geldig_van = geldig_van or now
    automatic = False
    if geldig_tot is None and (casus.afgeschaald_op or casus.afgesloten_op):
        geldig_tot, automatic = _end_after(casus.afgeschaald_op or casus.afgesloten_op), True
    if geldig_tot is not None and geldig_tot <= geldig_van:
        raise ValidationError({"geldig_tot": _("De einddatum moet na de begindatum liggen.")})
    grant = Grant(
        casus=casus,
        user=user,
        organisatie=organisatie,
        rol=rol,
        doel=doel,
        geldig_van=geldig_van,
        geldig_tot=geldig_tot,
        geldig_tot_automatisch=automatic,
        verleend_door=by,
    )
    grant.full_clean()
    grant.save()
    _sync_permission(grant)
    if notify:
        notify_grant(grant=grant)
    return grant


@transaction.atomic
def grant_change(*, grant: Grant, by, rol: str, doel: str, geldig_tot: datetime | None) -> Grant:
    _require_regisseur(by)
    if grant.ingetrokken_op is not None:
        raise ValidationError(_("Deze toegang is ingetrokken en kan niet meer worden gewijzigd."))
    if not (doel or "").strip():
        raise ValidationError({"doel": _("Vermeld het doel.")})
    if geldig_tot is not None and geldig_tot <= grant.geldig_van:
        raise ValidationError({"geldig_tot": _("De einddatum moet na de begindatum liggen.")})
    grant.rol, grant.doel, grant.geldig_tot = rol, doel, geldig_tot
    grant.geldig_tot_automatisch = False
    grant.full_clean()
    grant.save()
    _sync_permission(grant)
    return grant


@transaction.atomic
def grant_revoke(*, grant: Grant, by) -> Grant:
    _require_regisseur(by)
    if grant.ingetrokken_op is None:
        grant.ingetrokken_op = timezone.now()
        grant.ingetrokken_door = by
        grant.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
    _sync_permission(grant)
    return grant


def _end_after(moment: datetime) -> datetime:
    return moment + timedelta(days=settings.ZVH_GRANT_DAYS_AFTER_AFSCHALING)


def grants_set_end_after(*, casus: Casus, moment: datetime) -> None:
    """At afschaling/closing: open-ended grants end the configured number of days later."""
    end = _end_after(moment)
    for grant in Grant.objects.filter(casus=casus, ingetrokken_op__isnull=True).filter(
        Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=end)
    ):
        grant.geldig_tot, grant.geldig_tot_automatisch = end, True
        grant.save(update_fields=["geldig_tot", "geldig_tot_automatisch"])
        _sync_permission(grant)


def grants_clear_automatic_end(*, casus: Casus, now: datetime) -> None:
    """On heropenen: grants whose end was set by the afschaling and that are still running become open-ended."""
    for grant in Grant.objects.filter(
        casus=casus, ingetrokken_op__isnull=True, geldig_tot_automatisch=True, geldig_tot__gt=now
    ):
        grant.geldig_tot, grant.geldig_tot_automatisch = None, False
        grant.save(update_fields=["geldig_tot", "geldig_tot_automatisch"])
        _sync_permission(grant)


def grants_remove_expired_permissions(*, now: datetime | None = None) -> int:
    """Delete guardian permission rows of expired grants (beat task). Idempotent. Returns rows removed."""
    now = now or timezone.now()
    removed, _detail = CasusUserObjectPermission.objects.filter(geldig_tot__lte=now).delete()
    removed_groups, _detail = CasusGroupObjectPermission.objects.filter(geldig_tot__lte=now).delete()
    return removed + removed_groups
