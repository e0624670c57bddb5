"""Aanmeldingen, triage boards and advies op verzoek."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    name = "triage"
    verbose_name = _("Aanmelding en triage")
