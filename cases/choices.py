from django.db import models
from django.utils.translation import gettext_lazy as _

from zvh.persons.choices import Geslacht  # noqa: F401  (re-exported for the aanmelding form)


class Relatie(models.TextChoices):
    HOOFDPERSOON = "hoofdpersoon", _("hoofdpersoon")
    PARTNER = "partner", _("partner")
    OUDER = "ouder", _("ouder")
    KIND = "kind", _("kind")
    HUISGENOOT = "huisgenoot", _("huisgenoot")
    OVERIG = "overig", _("overig")


class Leefgebied(models.TextChoices):
    HUISVESTING = "huisvesting", _("huisvesting")
    FINANCIEN = "financien", _("financiën")
    WERK = "werk", _("werk en dagbesteding")
    PSYCHISCH = "psychisch", _("psychische gezondheid")
    VERSLAVING = "verslaving", _("verslaving")
    LICHAMELIJK = "lichamelijk", _("lichamelijke gezondheid")
    JUSTITIE = "justitie", _("justitie en politie")
    NETWERK = "netwerk", _("sociaal netwerk en gezin")
    VEILIGHEID = "veiligheid", _("veiligheid")
    OPVOEDING = "opvoeding", _("opvoeding")


def leefgebieden_labels(values) -> str:
    """The stored leefgebied codes as their Dutch labels, comma separated (unknown codes left out)."""
    return ", ".join(str(Leefgebied(v).label) for v in values if v in Leefgebied.values)


class Thema(models.TextChoices):
    COMPLEX = "complex", _("complexe casuïstiek")
    RADICALISERING = "radicalisering", _("radicalisering")
    MENSENHANDEL = "mensenhandel", _("mensenhandel")
    VERWARD = "verward", _("verward gedrag")
    EX_GEDETINEERDE = "ex_gedetineerde", _("ex-gedetineerde")
    HUISELIJK_GEWELD = "huiselijk_geweld", _("huiselijk geweld")
    JEUGD = "jeugd", _("jeugd")
    OVERIG = "overig", _("overig")


class Grondslag(models.TextChoices):
    """The codes of the legal bases the list started with (AVG art. 6 / UAVG art. 23 and 30, sector law).

    The list itself is data the FG maintains (``cases.models.Grondslag``, filled by migration 0010); these constants
    only name the codes of the first rows for code and tests that need one."""

    WETTELIJKE_TAAK = "wettelijke_taak", _("wettelijke taak van de aanbrengende partner (AVG art. 6 lid 1 sub e)")
    WETTELIJKE_PLICHT = "wettelijke_plicht", _("wettelijke verplichting (AVG art. 6 lid 1 sub c)")
    VITAAL_BELANG = "vitaal_belang", _("vitaal belang van de betrokkene (AVG art. 6 lid 1 sub d)")
    TOESTEMMING = "toestemming", _("toestemming van de betrokkene (AVG art. 6 lid 1 sub a)")
    CONVENANT = "convenant", _("convenant ZVH en sectorwet (Wpg, Wjsg, Wmo, Jeugdwet)")


class CasusStatus(models.TextChoices):
    AANGEMAAKT = "aangemaakt", _("aangemaakt")
    OVERLEG_GEPLAND = "overleg_gepland", _("casusoverleg gepland")
    PLAN_VASTGESTELD = "plan_vastgesteld", _("plan van aanpak vastgesteld")
    IN_UITVOERING = "in_uitvoering", _("in uitvoering (monitoring)")
    AFGESCHAALD = "afgeschaald", _("afgeschaald")
    AFGESLOTEN = "afgesloten", _("afgesloten")


OPEN_STATUSES = (
    CasusStatus.AANGEMAAKT,
    CasusStatus.OVERLEG_GEPLAND,
    CasusStatus.PLAN_VASTGESTELD,
    CasusStatus.IN_UITVOERING,
)


class Afsluitreden(models.TextChoices):
    DOEL_BEREIKT = "doel_bereikt", _("doelen van het plan van aanpak bereikt")
    REGULIER = "regulier", _("overgedragen aan reguliere zorg")
    VERHUISD = "verhuisd", _("betrokkene verhuisd buiten het district")
    DETENTIE = "detentie", _("langdurige detentie of opname")
    OVERLEDEN = "overleden", _("betrokkene overleden")
    GEEN_MEDEWERKING = "geen_medewerking", _("onvoldoende medewerking")
    OVERIG = "overig", _("overig")


class Resultaat(models.TextChoices):
    DOORBRAAK = "doorbraak", _("doorbraak bereikt")
    GEDEELTELIJK = "gedeeltelijk", _("gedeeltelijk resultaat")
    GEEN = "geen", _("geen doorbraak")


class GrantRol(models.TextChoices):
    DEELNEMER = "deelnemer", _("deelnemer")
    CASUSREGISSEUR = "casusregisseur", _("casusregisseur")
    INFORMANT = "informant", _("informant")


class AfspraakStatus(models.TextChoices):
    OPEN = "open", _("open")
    GEREED = "gereed", _("gereed")
    VERVALLEN = "vervallen", _("vervallen")


class LogboekSoort(models.TextChoices):
    NOTITIE = "notitie", _("notitie")
    TELEFONISCH = "telefonisch", _("telefonisch contact")
    INFORMATIE_PARTNER = "informatie_partner", _("informatie van partner")


class OverlegSoort(models.TextChoices):
    CASUSOVERLEG = "casusoverleg", _("casusoverleg (veiligheidshuistafel)")
    VERVOLG = "vervolgoverleg", _("vervolgoverleg")
    MAATWERK = "maatwerkoverleg", _("maatwerkoverleg")
