"""Access log (NEN 7513), login records and, later, AVG requests and registers: the FG's app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy en toegangsregistratie")
