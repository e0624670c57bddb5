"""Bestuurlijke Informatievoorziening Justitiabelen (BIJ) and the art. 18b Pbw register."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BijConfig(AppConfig):
    name = "bij"
    verbose_name = _("BIJ")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models as m

        for model in (m.Melding, m.Advies, m.Uitnodiging, m.BijAgendapunt, m.Uitwisseling18b):
            auditlog.register(model)

        from .access import register_bij

        register_bij()
