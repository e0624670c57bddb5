from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    TRAINING = "training", _("training")
    EXPERTMEETING = "expertmeeting", _("expertmeeting")
    WERKBEZOEK = "werkbezoek", _("werkbezoek of ontvangst")
    NETWERKDAG = "netwerkdag", _("netwerkdag")
    WEEK_MENSENHANDEL = "week_mensenhandel", _("Week tegen mensenhandel")


class Training(models.TextChoices):
    """The trainings of the jaarplan (Lerende organisaties); each is a row of its own."""

    POLARISATIE = "polarisatie", _("polarisatie en radicalisering")
    GEGEVENSDELING = "gegevensdeling", _("gegevensdeling")
    REGIEKAART = "regiekaart", _("de-escalatie: regiekaart de-escaleren")
    INFORMATIESYSTEEM = "informatiesysteem", _("informatie(verwerkings)systeem")


class Maat(models.TextChoices):
    """What a participation counts: trained (took part in the training) or reached (attended, was informed)."""

    GETRAIND = "getraind", _("getraind")
    BEREIKT = "bereikt", _("bereikt")
