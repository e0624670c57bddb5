"""Aanmeldingen, triage boards and advies op verzoek."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    name = "triage"
    verbose_name = _("Aanmelding en triage")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models as m

        auditlog.register(m.Aanmelding, m2m_fields={"voorgestelde_partners"})
        for model in (m.AanmeldingBetrokkene, m.TriageSessie, m.Weging, m.Advies):
            auditlog.register(model)

        from .access import register_aanmelding

        register_aanmelding()
