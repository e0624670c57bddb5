from django.db import models
from django.utils.translation import gettext_lazy as _


class OverlegType(models.TextChoices):
    """The partner overleggen the ZVH supports (jaarplan 2022, 'Bieden van faciliteiten aan partnerorganisaties')."""

    MASS_CASUSOVERLEG = "mass_casusoverleg", _("MaSS casusoverleg")
    VT_ACTIEOVERLEG = "vt_actieoverleg", _("VT Actieoverleg")
    SCENARIOTEAM_SEKSUEEL_GEWELD = "scenarioteam_seksueel_geweld", _("Scenarioteam Seksueel geweld")
    KR8_OVERLEG = "kr8_overleg", _("KR8 overleg")
    LEERPLICHT_CASUSOVERLEG = "leerplicht_casusoverleg", _("Leerplicht casusoverleg")
    TRAJECTBERAAD = "trajectberaad", _("Trajectberaad")
    OVERIG = "overig", _("Ander casusoverleg")


class SupportKind(models.TextChoices):
    NOTULEREN = "notuleren", _("Notuleren")
    AGENDABEHEER = "agendabeheer", _("Agendabeheer")
    UITNODIGINGEN = "uitnodigingen", _("Uitnodigingen versturen")
    ZAALRESERVERING = "zaalreservering", _("Zaalreservering")


class BookingStatus(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("aangevraagd")
    BEVESTIGD = "bevestigd", _("bevestigd")
    UITGEVOERD = "uitgevoerd", _("uitgevoerd")
    GEANNULEERD = "geannuleerd", _("geannuleerd")


# Statuses that occupy a room and a medewerker and count against the budget.
ACTIVE_STATUSES = (BookingStatus.AANGEVRAAGD, BookingStatus.BEVESTIGD, BookingStatus.UITGEVOERD)


class Frequency(models.TextChoices):
    WEEKLY = "wekelijks", _("Elke week")
    BIWEEKLY = "tweewekelijks", _("Om de week")

    @property
    def interval_weeks(self) -> int:
        return 2 if self is Frequency.BIWEEKLY else 1
