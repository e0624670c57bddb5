from django.db import models
from django.utils.translation import gettext_lazy as _

# Team codes and the restricted theme (created by migration 0002).
TEAM_BIJ = "bij"
THEMA_BIJ = "bij"
TEAM_OOV = "oov-adviseur"


class Bron(models.TextChoices):
    DJI_JUSTID = "dji_justid", _("DJI / Justid")
    OM = "om", _("Openbaar Ministerie")
    RECLASSERING = "reclassering", _("reclassering")


class Categorie(models.TextChoices):
    ZEDEN = "zeden", _("zeden")
    ERNSTIG_GEWELD = "ernstig_geweld", _("ernstig geweld")
    TBS = "tbs", _("tbs")
    PIJ = "pij", _("PIJ-maatregel")
    OVERIG = "overig", _("overig")


class Soort(models.TextChoices):
    DEFINITIEF = "definitief", _("definitieve terugkeer")
    VERLOF = "verlof", _("verlof")


class VerlofSoort(models.TextChoices):
    INCIDENTEEL = "incidenteel", _("incidenteel verlof")
    REGIMAIR = "regimair", _("regimair verlof")
    BEGELEID = "begeleid", _("begeleid verlof")
    ONBEGELEID = "onbegeleid", _("onbegeleid verlof")
    TRANSMURAAL = "transmuraal", _("transmuraal verlof")
    OVERIG = "overig", _("ander verlof")


class JaNeeOnbekend(models.TextChoices):
    JA = "ja", _("ja")
    NEE = "nee", _("nee")
    ONBEKEND = "onbekend", _("onbekend")


class MeldingStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", _("ontvangen")
    IN_ONDERZOEK = "in_onderzoek", _("in onderzoek")
    GEAGENDEERD = "geagendeerd", _("geagendeerd (BIJ-overleg)")
    ADVIES_UITGEBRACHT = "advies_uitgebracht", _("advies uitgebracht")
    BESLUIT_ONTVANGEN = "besluit_ontvangen", _("besluit ontvangen")
    AFGEROND = "afgerond", _("afgerond")
    OPGESCHAALD = "opgeschaald", _("opgeschaald")


# Before the advice: a melding in these states with an expected date close by is "te laat".
VOOR_ADVIES = (MeldingStatus.ONTVANGEN, MeldingStatus.IN_ONDERZOEK, MeldingStatus.GEAGENDEERD)
GESLOTEN = (MeldingStatus.AFGEROND, MeldingStatus.OPGESCHAALD)


class Afsluitreden(models.TextChoices):
    AFGEHANDELD = "afgehandeld", _("afgehandeld: burgemeester geïnformeerd")
    GEEN_TERUGKEER = "geen_terugkeer", _("geen terugkeer naar het district")
    DUBBEL = "dubbel", _("dubbele melding")
    GEEN_ACTIE = "geen_actie", _("geen actie nodig na onderzoek")
    OVERIG = "overig", _("overig")


class Richting(models.TextChoices):
    ONTVANGEN = "ontvangen", _("ontvangen")
    VERSTREKT = "verstrekt", _("verstrekt")


class Partner18b(models.TextChoices):
    DJI = "dji", _("DJI")
    RECLASSERING = "reclassering", _("reclassering")
    OM = "om", _("Openbaar Ministerie")
    POLITIE = "politie", _("politie")
    GEMEENTE = "gemeente", _("gemeente")


class Gegevenscategorie(models.TextChoices):
    IDENTITEIT = "identiteit", _("identificerende gegevens")
    DETENTIE = "detentie", _("detentie- en verlofgegevens")
    STRAFRECHTELIJK = "strafrechtelijk", _("strafrechtelijke gegevens")
    RISICO = "risico", _("risicotaxatie en reclasseringsadvies")
    VERBLIJF = "verblijf", _("beoogde verblijfplaats")
    ZORG = "zorg", _("gezondheid en zorg")
    SLACHTOFFER = "slachtoffer", _("slachtofferbelangen (zonder gegevens van slachtoffers)")


class Grondslag18b(models.TextChoices):
    PBW_18B = "pbw_18b", _("art. 18b Penitentiaire beginselenwet")
    WJSG_39F = "wjsg_39f", _("art. 39f Wet justitiële en strafvorderlijke gegevens")
    WPG_16 = "wpg_16", _("art. 16 Wet politiegegevens")


REDEN_18B = _("Risico op het plegen van een ernstig gewelds- of zedendelict na terugkeer uit detentie.")


def labels(choices, values) -> str:
    return ", ".join(str(choices(v).label) for v in values if v in choices.values)
