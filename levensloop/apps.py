"""Verward gedrag met een hoog veiligheidsrisico: selectie-instrument, inclusietafel, levenslooptafel, monitor."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LevensloopConfig(AppConfig):
    name = "levensloop"
    verbose_name = _("Levensloopaanpak verward gedrag")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models as m

        auditlog.register(m.Dossier)
        auditlog.register(m.Review)

        from .access import register_levensloop

        register_levensloop()
