"""Jaarplan versus realisatie and the quarterly PDF report."""

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Rapportage")

    def ready(self) -> None:
        # Every app's metrics.py registers its metrics in reporting.registry.
        autodiscover_modules("metrics")
        from . import audit  # noqa: F401  (registers the jaarplan models with django-auditlog)
