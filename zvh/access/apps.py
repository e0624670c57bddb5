from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "zvh.access"
    label = "access"
    verbose_name = _("Toegang (need-to-know)")

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.db.models.signals import post_migrate

        from .conditions import forget_permission_ids
        from .models import BeperktThema, Team
        from .themes import register_membership_source

        auditlog.register(Team, m2m_fields={"leden"})
        auditlog.register(BeperktThema)
        register_membership_source()
        # Permissions are created anew after a migrate or a test flush: the ids cached per process go with them.
        post_migrate.connect(forget_permission_ids, dispatch_uid="zvh.access.forget_permission_ids")
