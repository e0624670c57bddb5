"""Lerende organisatie en netwerk: the register of trainings, expertmeetings, werkbezoeken and network events."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetwerkConfig(AppConfig):
    name = "netwerk"
    verbose_name = _("Lerende organisatie en netwerk")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from .models import Deelname, Netwerkactiviteit

        auditlog.register(Netwerkactiviteit)
        auditlog.register(Deelname)
