from collections.abc import Callable
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, Group, UserManager, _user_has_module_perms, _user_has_perm
from django.db import models
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .choices import NotificationFrequency, OrganisationType, Role

ROLE_NAMES = frozenset(Role.values)


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    # Stable key for references from data (e.g. the jaarplan's facilitering rows): survives a change of name.
    code = models.SlugField(
        _("code"),
        max_length=60,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Vaste sleutel, bijvoorbeeld ‘veilig-thuis’. Verandert niet als de naam verandert."),
    )
    type = models.CharField(_("soort"), max_length=32, choices=OrganisationType.choices)
    convenantpartner = models.BooleanField(
        _("convenantpartner"), default=False, help_text=_("Heeft het convenant van het ZVH ondertekend.")
    )
    active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # Organisation-wide case grants are guardian group permissions on this group; members are the org's users.
    group = models.OneToOneField(
        Group,
        verbose_name=_("groep"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="organisation",
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ZvhUserManager(UserManager):
    def get_queryset(self) -> QuerySet:
        # Every page shows the user's organisation: load it with the user (one query fewer per request).
        return super().get_queryset().select_related("organisation")


class User(AbstractUser):
    """A person who logs in. Always belongs to exactly one organisation; the role is a group membership."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="users",
    )
    function_title = models.CharField(_("functie"), max_length=120, blank=True)
    notification_frequency = models.CharField(
        _("e-mailmeldingen"),
        max_length=10,
        choices=NotificationFrequency.choices,
        default=NotificationFrequency.DIRECT,
    )

    REQUIRED_FIELDS = ["email", "organisation"]

    objects = ZvhUserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["username"]

    # Other apps add memberships (e.g. cases: Weegploeg teams as "team:<code>"), loaded with the groups in one query.
    membership_sources: ClassVar[list[Callable[["User"], QuerySet]]] = []

    @cached_property
    def memberships(self) -> frozenset[str]:
        """Group names plus registered memberships, in one query; cached for the request."""
        names = self.groups.order_by().values_list("name", flat=True)
        for source in self.membership_sources:
            names = names.union(source(self).order_by(), all=True)
        return frozenset(names)

    @cached_property
    def roles(self) -> frozenset[str]:
        # Asked dozens of times per request (navigation, panels, access rules): computed once with the memberships.
        return self.memberships & ROLE_NAMES

    def forget_memberships(self) -> None:
        """Drop the cached memberships after changing them (the next access reloads them)."""
        self.__dict__.pop("memberships", None)
        self.__dict__.pop("roles", None)

    @property
    def role(self) -> Role | None:
        """The user's role. A user has one role; with several, the first in Role order wins for display."""
        for role in Role:
            if role.value in self.roles:
                return role
        return None

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    # ``is_superuser`` grants nothing here: every right comes from a role (a group) and its model permissions, so
    # a superuser flag set by hand never opens the access log, the audit log or anything else (authorization matrix).
    def has_perm(self, perm, obj=None) -> bool:
        return self.is_active and _user_has_perm(self, perm, obj)

    def has_module_perms(self, app_label) -> bool:
        return self.is_active and _user_has_module_perms(self, app_label)

    def __str__(self) -> str:
        # Wherever a user is shown ({{ afspraak.eigenaar }}, select options, the admin), it is by full name.
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class RoleChangeRequest(models.Model):
    """A change of a user's role. Privileged roles wait for a second beheerder; every change is kept for the FG."""

    class Status(models.TextChoices):
        PENDING = "in_afwachting", _("wacht op goedkeuring")
        APPLIED = "doorgevoerd", _("doorgevoerd")
        REFUSED = "afgewezen", _("afgewezen")

    user = models.ForeignKey(User, verbose_name=_("gebruiker"), on_delete=models.PROTECT, related_name="+")
    old_role = models.CharField(_("oude rol"), max_length=32, blank=True)
    new_role = models.CharField(_("nieuwe rol"), max_length=32, choices=Role.choices)
    requested_by = models.ForeignKey(
        User, verbose_name=_("aangevraagd door"), on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        User, verbose_name=_("beoordeeld door"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("rolwijziging")
        verbose_name_plural = _("rolwijzigingen")
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} → {self.get_new_role_display()} ({self.get_status_display()})"


from .backup_codes import HashedStaticDevice  # noqa: E402  (a proxy model of django-otp's StaticDevice)

__all__ = ["Group", "HashedStaticDevice", "Organisation", "RoleChangeRequest", "User"]
