from django.db import models
from django.utils.translation import gettext_lazy as _

TEAM = "mensenhandel"  # the team code and the restricted theme (cases.choices.Thema.MENSENHANDEL)


class SignalerendeOrganisatie(models.TextChoices):
    AVIM_POLITIE = "avim_politie", _("AVIM / politie")
    GGD = "ggd", _("GGD")
    HULPVERLENING = "hulpverlening", _("hulpverlening")
    GEMEENTE = "gemeente", _("gemeente")
    ANONIEM = "anoniem", _("anoniem")
    OVERIG = "overig", _("overig")


class VormUitbuiting(models.TextChoices):
    SEKSUEEL = "seksueel", _("seksuele uitbuiting")
    ARBEID = "arbeid", _("arbeidsuitbuiting")
    CRIMINEEL = "crimineel", _("criminele uitbuiting")
    OVERIG = "overig", _("overig")


class SignaalUitkomst(models.TextChoices):
    OPEN = "", _("nog geen uitkomst")
    GEEN_SLACHTOFFER = "geen_slachtoffer", _("geen slachtoffer")
    ZORGCOORDINATIE = "zorgcoordinatie", _("zorgcoördinatie")
    DOORVERWEZEN = "doorverwezen", _("doorverwezen")


class TrajectStatus(models.TextChoices):
    ACTIEF = "actief", _("actief")
    NAZORG = "nazorg", _("nazorg")
    AFGESLOTEN = "afgesloten", _("afgesloten")


class OpvangSoort(models.TextChoices):
    GEEN = "geen", _("geen opvang")
    CATEGORAAL = "categoraal", _("categorale opvang (COSM)")
    VROUWENOPVANG = "vrouwenopvang", _("vrouwenopvang")
    MAATSCHAPPELIJK = "maatschappelijk", _("maatschappelijke opvang")
    BESCHERMD = "beschermd", _("beschermde opvang (minderjarigen)")
    EIGEN = "eigen", _("eigen woonruimte, ambulante begeleiding")


class ProcedureSoort(models.TextChoices):
    BEDENKTIJD = "bedenktijd", _("bedenktijd")
    AANGIFTE = "aangifte", _("aangifte of andere medewerking")
    B8_AANVRAAG = "b8_aanvraag", _("B8-verblijfsvergunning aangevraagd")
    B8_BESLUIT = "b8_besluit", _("B8-verblijfsvergunning besluit")
    UITKERING = "uitkering", _("uitkering")
    ZORGVERZEKERING = "zorgverzekering", _("zorgverzekering")
    BRP = "brp", _("BRP-inschrijving")
    COMENSHA = "comensha", _("CoMensha-melding")


class ProcedureStatus(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("niet gestart")
    LOPEND = "lopend", _("lopend")
    AFGEROND = "afgerond", _("afgerond / toegekend")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    NVT = "nvt", _("niet van toepassing")


# How long the bedenktijd may last, and how early its end is flagged.
BEDENKTIJD_MAANDEN = 3
BEDENKTIJD_SIGNAAL_DAGEN = 14
OPEN_STATUSES = (ProcedureStatus.NIET_GESTART, ProcedureStatus.LOPEND)
