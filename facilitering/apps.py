"""Support for partner casusoverleggen: bookings against weekly budgets."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaciliteringConfig(AppConfig):
    name = "facilitering"
    verbose_name = _("Facilitering")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with django-auditlog)
