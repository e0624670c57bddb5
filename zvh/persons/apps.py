from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonsConfig(AppConfig):
    name = "zvh.persons"
    label = "persons"
    verbose_name = _("Personen")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from .models import Persoon

        auditlog.register(Persoon)
