"""Re-integratie ex-gedetineerden and ISD: detentiemeldingen, trajecten with basisvoorwaarden, ISD-trajecten."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReintegrationConfig(AppConfig):
    name = "reintegration"
    verbose_name = _("Re-integratie ex-gedetineerden")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models as m

        for model in (m.Traject, m.Basisvoorwaarde, m.TrajectToegang, m.ISDTraject, m.ISDFase):
            auditlog.register(model)

        from .access import register_reintegratie

        register_reintegratie()
