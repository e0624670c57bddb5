from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    """What an activity counts. Decides how realisation, expectation and status are computed."""

    ZAKEN = "zaken", _("aantal zaken")
    PERSONEN = "personen", _("aantal personen")
    PROFESSIONALS = "professionals", _("aantal professionals")
    UREN_PER_WEEK = "uren_per_week", _("uren per week")
    MIJLPAAL = "mijlpaal", _("mijlpaal in een kwartaal")
    KWALITATIEF = "kwalitatief", _("kwalitatief")


# The unit after a number, e.g. "150 zaken", "8 uur per week".
EENHEDEN = {
    Soort.ZAKEN: _("zaken"),
    Soort.PERSONEN: _("personen"),
    Soort.PROFESSIONALS: _("professionals"),
    Soort.UREN_PER_WEEK: _("uur per week"),
}
TELLINGEN = (Soort.ZAKEN, Soort.PERSONEN, Soort.PROFESSIONALS)


class Spreiding(models.TextChoices):
    PRO_RATA = "pro_rata", _("gelijkmatig over het jaar (naar rato)")
    EENMALIG = "eenmalig", _("eenmalig (bijvoorbeeld één bijeenkomst)")


class Status(models.TextChoices):
    GEREED = "gereed", _("gereed")
    OP_SCHEMA = "op_schema", _("op schema")
    ACHTER = "achter", _("achter")
    TE_LAAT = "te_laat", _("te laat")
    GEPLAND = "gepland", _("gepland")
    GEEN_GEGEVENS = "geen_gegevens", _("nog geen gegevens")
    ZONDER_NORM = "zonder_norm", _("zonder getalsmatige prognose")


class Bron(models.TextChoices):
    METING = "meting", _("registratie")
    HANDMATIG = "handmatig", _("handmatig")
    # Bound to a metric that is not (yet) registered in this installation: manual entries are used instead.
    METING_ONTBREEKT = "meting_ontbreekt", _("handmatig (meting nog niet beschikbaar)")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("in de wachtrij")
    RUNNING = "running", _("wordt samengesteld")
    DONE = "done", _("gereed")
    FAILED = "failed", _("mislukt")


KWARTALEN = [(1, _("1e kwartaal")), (2, _("2e kwartaal")), (3, _("3e kwartaal")), (4, _("4e kwartaal"))]
