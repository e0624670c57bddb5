"""Who hears of an event: only users who may open what the e-mail links to (the access layer decides)."""

from collections.abc import Iterable
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from cases.access import casus_queryset_for
from cases.choices import AfspraakStatus
from cases.models import Afspraak, Casus, Grant
from zvh.accounts.choices import Role
from zvh.accounts.models import User

from .models import Notification


def _active_partners() -> QuerySet[User]:
    return User.objects.filter(is_active=True, groups__name=Role.KETENPARTNER).exclude(email="")


def may_see_casus(user: User, casus_id: int) -> bool:
    return casus_queryset_for(user).filter(pk=casus_id).exists()


def grant_recipients(grant: Grant) -> list[User]:
    """The partner user of a personal grant, or the partner users of the organisation, who can now see the case."""
    users = _active_partners().filter(pk=grant.user_id) if grant.user_id else _active_partners()
    if not grant.user_id:
        users = users.filter(organisation_id=grant.organisatie_id)
    return [u for u in users.distinct().order_by("pk") if may_see_casus(u, grant.casus_id)]


def casus_partner_recipients(casus: Casus, now=None) -> list[User]:
    """Every partner user invited through an active grant on the case (personal or organisation grant)."""
    now = now or timezone.now()
    active = Grant.objects.filter(casus=casus, ingetrokken_op__isnull=True, geldig_van__lte=now).filter(
        Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=now)
    )
    users = _active_partners().filter(
        Q(pk__in=active.filter(user__isnull=False).values("user_id"))
        | Q(organisation_id__in=active.filter(organisatie__isnull=False).values("organisatie_id"))
    )
    return [u for u in users.distinct().order_by("pk") if may_see_casus(u, casus.pk)]


def afspraak_recipients(afspraak: Afspraak) -> list[User]:
    """The owner: the person it is assigned to, else the owning organisation's partner users who see the case."""
    if afspraak.eigenaar_persoon_id:
        users: Iterable[User] = User.objects.filter(pk=afspraak.eigenaar_persoon_id, is_active=True).exclude(email="")
    else:
        users = _active_partners().filter(organisation_id=afspraak.eigenaar_organisatie_id).distinct().order_by("pk")
    return [u for u in users if may_see_casus(u, afspraak.casus_id)]


def overdue_afspraken(today: date) -> QuerySet[Afspraak]:
    return Afspraak.objects.filter(status=AfspraakStatus.OPEN, deadline__lt=today)


def overdue_count_for(user: User, today: date) -> int:
    """Open afspraken past their deadline that this user owns and can still see."""
    own = Q(eigenaar_persoon=user)
    if user.has_role(Role.KETENPARTNER):
        own |= Q(eigenaar_persoon__isnull=True, eigenaar_organisatie_id=user.organisation_id)
    return overdue_afspraken(today).filter(own, casus__in=casus_queryset_for(user).values("pk")).count()


def overdue_owner_candidates(today: date) -> QuerySet[User]:
    """Users who may own an overdue afspraak: assigned in person, or a partner of an owning organisation."""
    overdue = overdue_afspraken(today)
    return (
        User.objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(pk__in=overdue.filter(eigenaar_persoon__isnull=False).values("eigenaar_persoon_id"))
            | Q(
                groups__name=Role.KETENPARTNER,
                organisation_id__in=overdue.filter(eigenaar_persoon__isnull=True).values("eigenaar_organisatie_id"),
            )
        )
        .distinct()
        .order_by("pk")
    )


def unsent_for(user_id: int) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient_id=user_id, sent_at__isnull=True).order_by("created_at", "pk")
