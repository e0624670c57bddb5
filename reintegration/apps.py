"""Re-integration of ex-detainees (not built yet)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReintegrationConfig(AppConfig):
    name = "reintegration"
    verbose_name = _("Re-integratie ex-gedetineerden")
