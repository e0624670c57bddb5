from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    TOEGANG = "toegang", _("Toegang tot een casus")
    AFSPRAAK = "afspraak", _("Afspraak toegewezen")
    UITNODIGING = "uitnodiging", _("Uitnodiging voor een casusoverleg")
    HERINNERING = "herinnering", _("Herinnering: afspraken over de deadline")
