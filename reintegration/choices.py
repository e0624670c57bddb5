from django.db import models
from django.utils.translation import gettext_lazy as _


class TrajectStatus(models.TextChoices):
    GEMELD = "gemeld", _("Gemeld")
    VOORBEREIDING = "voorbereiding", _("In voorbereiding")
    NAZORG = "nazorg", _("Vrijgelaten / nazorg")
    AFGEROND = "afgerond", _("Afgerond")
    OPGESCHAALD = "opgeschaald", _("Opgeschaald naar casus")


OPEN_STATUSES = (TrajectStatus.GEMELD, TrajectStatus.VOORBEREIDING)
ACTIVE_STATUSES = (TrajectStatus.GEMELD, TrajectStatus.VOORBEREIDING, TrajectStatus.NAZORG)


class Bron(models.TextChoices):
    HANDMATIG = "handmatig", _("Handmatig ingevoerd")
    IMPORT = "import", _("Ingelezen bestand")


class VoorwaardeSoort(models.TextChoices):
    IDENTITEITSBEWIJS = "identiteitsbewijs", _("Identiteitsbewijs")
    ONDERDAK = "onderdak", _("Onderdak")
    INKOMEN = "inkomen", _("Inkomen / werk")
    SCHULDEN = "schulden", _("Schulden")
    ZORG = "zorg", _("Zorg")


class VoorwaardeStatus(models.TextChoices):
    ONBEKEND = "onbekend", _("Onbekend")
    NIET_NODIG = "niet_nodig", _("Niet nodig")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    GEREGELD = "geregeld", _("Geregeld")
    KNELPUNT = "knelpunt", _("Knelpunt")


# A voorwaarde that still needs work before (or after) release.
OPEN_VOORWAARDE = (VoorwaardeStatus.ONBEKEND, VoorwaardeStatus.IN_BEHANDELING, VoorwaardeStatus.KNELPUNT)
# Settled: nothing left to do (the onderdak signal asks for an onderdak that is not settled).
SETTLED_VOORWAARDE = (VoorwaardeStatus.GEREGELD, VoorwaardeStatus.NIET_NODIG)


class Toestemming(models.TextChoices):
    ONBEKEND = "onbekend", _("Nog niet gevraagd")
    GEGEVEN = "gegeven", _("Gegeven")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")


class ISDFaseSoort(models.TextChoices):
    AANLOOP = "aanloop", _("Aanloopfase")
    DETENTIE = "detentie", _("Detentiefase")
    REINTEGRATIE = "reintegratie", _("Re-integratiefase")


class Signaal(models.TextChoices):
    VRIJLATING_NABIJ = "vrijlating_nabij", _("Vrijlating nabij, voorwaarden open")
    ZONDER_ONDERDAK = "zonder_onderdak", _("Vrijgelaten zonder onderdak")
    NAZORG_LANG = "nazorg_lang", _("Nazorg na 3 maanden niet afgesloten")
    ISD_PLANNEN = "isd_plannen", _("ISD: re-integratiefase plannen")
