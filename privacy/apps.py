"""Access log (NEN 7513), login records, AVG requests, registers, retention and sealed logs: the FG's app."""

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy en toegangsregistratie")

    def ready(self) -> None:
        # Every app declares its personal data in <app>/avg.py (privacy.avg); this module's own are in there too.
        autodiscover_modules("avg")
        from .avg import declarations  # noqa: F401  (privacy's own package is privacy.avg: its models are here)
