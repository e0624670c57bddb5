"""Care coordination for victims of human trafficking (not built yet)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MensenhandelConfig(AppConfig):
    name = "mensenhandel"
    verbose_name = _("Mensenhandel zorgcoördinatie")
