from django.db import models
from django.utils.translation import gettext_lazy as _


class Geslacht(models.TextChoices):
    VROUW = "v", _("vrouw")
    MAN = "m", _("man")
    ANDERS = "x", _("anders / onbekend")
