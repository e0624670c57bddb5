from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessAction(models.TextChoices):
    CREATE = "create", _("aanmaken")
    READ = "read", _("inzien")
    UPDATE = "update", _("wijzigen")
    DELETE = "delete", _("verwijderen")
    EXPORT = "export", _("exporteren")
    LIST = "list", _("in een lijst getoond")
    REVEAL = "reveal", _("afgeschermd gegeven getoond")
    SEARCH = "search", _("zoeken")


class AccessResult(models.TextChoices):
    ALLOWED = "allowed", _("toegestaan")
    DENIED = "denied", _("geweigerd")
