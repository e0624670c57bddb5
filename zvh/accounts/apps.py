from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "zvh.accounts"
    label = "accounts"
    verbose_name = _("Gebruikers en organisaties")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with django-auditlog)
