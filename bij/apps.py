"""Bestuurlijke Informatievoorziening Justitiabelen (not built yet)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BijConfig(AppConfig):
    name = "bij"
    verbose_name = _("BIJ")
