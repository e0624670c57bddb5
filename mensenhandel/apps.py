"""Care coordination for victims of human trafficking: signalen, zorgcoördinatie, procedures."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MensenhandelConfig(AppConfig):
    name = "mensenhandel"
    verbose_name = _("Mensenhandel zorgcoördinatie")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models as m

        for model in (m.Signaal, m.Traject, m.Procedure):
            auditlog.register(model)
        # The change is recorded, never the address itself: the FG's change log is another channel.
        auditlog.register(m.Opvangadres, exclude_fields=["adres"])

        from .access import register_mensenhandel

        register_mensenhandel()
