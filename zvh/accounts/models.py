from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .choices import OrganisationType, Role


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
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


class User(AbstractUser):
    """A person who logs in. Always belongs to exactly one organisation; the role is a group membership."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="users",
    )
    function_title = models.CharField(_("functie"), max_length=120, blank=True)

    REQUIRED_FIELDS = ["email", "organisation"]

    class Meta(AbstractUser.Meta):
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["username"]

    @cached_property
    def roles(self) -> frozenset[str]:
        role_names = set(Role.values)
        return frozenset(name for name in self.groups.values_list("name", flat=True) if name in role_names)

    @property
    def role(self) -> Role | None:
        """The user's role. A user has one role; with several, the first in Role order wins for display."""
        for role in Role:
            if role.value in self.roles:
                return role
        return None

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


__all__ = ["Group", "Organisation", "User"]
