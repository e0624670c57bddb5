from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "zvh.access"
    label = "access"
    verbose_name = _("Toegang (need-to-know)")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from .models import BeperktThema, Team
        from .themes import register_membership_source

        auditlog.register(Team, m2m_fields={"leden"})
        auditlog.register(BeperktThema)
        register_membership_source()
