from django.db import models
from django.utils.translation import gettext_lazy as _


class Oorzaak(models.TextChoices):
    """Where the dangerous behaviour comes from (Ketenveldnorm: the doelgroep of the levensloopfunctie)."""

    PSYCHISCHE_STOORNIS = "psychische_stoornis", _("psychische stoornis")
    LVB = "lvb", _("licht verstandelijke beperking (LVB)")
    VERSLAVING = "verslaving", _("verslaving")
    NAH = "nah", _("niet-aangeboren hersenletsel (NAH)")


class Titel(models.TextChoices):
    ONBEKEND = "", _("nog niet beoordeeld")
    WVGGZ = "wvggz", _("Wvggz (crisismaatregel of zorgmachtiging)")
    WZD = "wzd", _("Wzd (rechterlijke machtiging of inbewaringstelling)")
    STRAFRECHTELIJK = "strafrechtelijk", _("strafrechtelijk (tbs, bijzondere voorwaarden, reclasseringstoezicht)")
    GEEN = "geen", _("geen titel (afwezigheid toegelicht)")


class SelectieUitkomst(models.TextChoices):
    INCLUSIE = "inclusie", _("inclusie")
    GEEN_INCLUSIE = "geen_inclusie", _("geen inclusie")


class DossierStatus(models.TextChoices):
    AANGEMELD = "aangemeld", _("aangemeld voor de inclusietafel")
    GEEN_INCLUSIE = "geen_inclusie", _("geen inclusie (selectie-instrument)")
    NIET_OPGENOMEN = "niet_opgenomen", _("niet opgenomen (inclusietafel)")
    IN_AANPAK = "in_aanpak", _("in de levensloopaanpak")
    UITGESTROOMD = "uitgestroomd", _("uitgestroomd")


# Included at the inclusietafel (still in the approach or flowed out afterwards).
OPGENOMEN = (DossierStatus.IN_AANPAK, DossierStatus.UITGESTROOMD)
OPEN = (DossierStatus.AANGEMELD, DossierStatus.IN_AANPAK)


class UitstroomReden(models.TextChoices):
    RISICO_AFGENOMEN = "risico_afgenomen", _("veiligheidsrisico duurzaam afgenomen (besluit levenslooptafel)")
    VERHUISD = "verhuisd", _("verhuisd buiten de regio (warme overdracht)")
    OPNAME = "opname", _("langdurige opname of detentie elders")
    OVERLEDEN = "overleden", _("overleden")
    OVERIG = "overig", _("overig")


# A review is periodic: the next one at most this many months after the one held.
REVIEW_MAX_MAANDEN = 12
