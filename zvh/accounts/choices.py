from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    POLITIE = "politie", _("Politie")
    OM = "om", _("Openbaar Ministerie")
    RECLASSERING = "reclassering", _("Reclassering")
    DJI = "dji", _("Dienst Justitiële Inrichtingen")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    MASS = "mass", _("MaSS / wijkteam")
    GGZ = "ggz", _("GGZ")
    GEMEENTE = "gemeente", _("Gemeente")
    RVDK = "rvdk", _("Raad voor de Kinderbescherming")
    JEUGDBESCHERMING = "jeugdbescherming", _("Jeugdbescherming")
    WONINGCORPORATIE = "woningcorporatie", _("Woningcorporatie")
    LEERPLICHT = "leerplicht", _("Leerplicht")
    ZVH = "zvh", _("Zorg- en Veiligheidshuis")
    OVERIG = "overig", _("Overig")


class Role(models.TextChoices):
    """The six roles. Each is an auth Group of the same name, created by a migration."""

    PROCESREGISSEUR = "procesregisseur", _("Procesregisseur")
    SECRETARIAAT = "secretariaat", _("Secretariaat")
    KETENPARTNER = "ketenpartner", _("Ketenpartner")
    MANAGER = "manager", _("Manager")
    FG = "fg", _("Functionaris gegevensbescherming")
    BEHEERDER = "beheerder", _("Functioneel beheerder")


class NotificationFrequency(models.TextChoices):
    """How a user receives e-mail notifications (set on their account page)."""

    DIRECT = "direct", _("Direct: één e-mail per gebeurtenis")
    DAGELIJKS = "dagelijks", _("Dagelijks: één overzicht per dag")
