"""ZSM contextinformatie: contextverzoeken from the ZSM partners, answered by the procesregisseur."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZsmConfig(AppConfig):
    name = "zsm"
    verbose_name = _("ZSM contextinformatie")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from .access import register_zsm
        from .models import Contextverzoek

        auditlog.register(Contextverzoek)
        register_zsm()
