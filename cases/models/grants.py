"""Need-to-know access: a grant gives a user or a whole organisation access to one case for a while.

The grant is the business record (role, purpose, who granted it, validity). What it permits is stored as
django-guardian object permissions on direct foreign-key tables (not guardian's generic tables), carrying
the same validity window so every access query can enforce it: an expired grant stops working at once,
even before the beat task removes its permission rows.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from ..choices import GrantRol
from .casus import Casus


class Grant(models.Model):
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.PROTECT,
        related_name="case_grants",
        null=True,
        blank=True,
    )
    organisatie = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="case_grants",
        null=True,
        blank=True,
    )
    rol = models.CharField(_("rol"), max_length=16, choices=GrantRol.choices)
    doel = models.TextField(_("doel"), help_text=_("Waarvoor heeft deze partner de gegevens nodig?"))
    geldig_van = models.DateTimeField(_("geldig van"))
    geldig_tot = models.DateTimeField(
        _("geldig tot"), null=True, blank=True, help_text=_("Leeg: tot afschaling plus de nazorgtermijn.")
    )
    geldig_tot_automatisch = models.BooleanField(default=False, editable=False)
    verleend_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    verleend_op = models.DateTimeField(_("verleend op"), auto_now_add=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        verbose_name = _("toegang")
        verbose_name_plural = _("toegangen")
        ordering = ["-verleend_op"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(organisatie__isnull=True))
                | (Q(user__isnull=True) & Q(organisatie__isnull=False)),
                name="grant_user_xor_organisatie",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.casus}: {self.user or self.organisatie} ({self.get_rol_display()})"

    @property
    def ontvanger(self) -> str:
        return self.user.display_name if self.user_id else str(self.organisatie)


class _ValidityMixin(models.Model):
    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="+")
    geldig_van = models.DateTimeField()
    geldig_tot = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class CasusUserObjectPermission(_ValidityMixin, UserObjectPermissionBase):
    content_object = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="user_permissions")

    class Meta(UserObjectPermissionBase.Meta):
        indexes = [models.Index(fields=["user", "content_object"], name="casus_userperm_user_casus")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.permission_id} casus {self.content_object_id}"


class CasusGroupObjectPermission(_ValidityMixin, GroupObjectPermissionBase):
    content_object = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="group_permissions")

    class Meta(GroupObjectPermissionBase.Meta):
        indexes = [models.Index(fields=["group", "content_object"], name="casus_groupperm_group_casus")]

    def __str__(self) -> str:
        return f"groep {self.group_id} {self.permission_id} casus {self.content_object_id}"
