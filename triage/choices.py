from django.db import models
from django.utils.translation import gettext_lazy as _


class AanmeldingStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    INGEDIEND = "ingediend", _("ingediend, wacht op triage")
    AANVULLING = "aanvulling", _("aanvulling gevraagd aan de melder")
    GEAGENDEERD = "geagendeerd", _("geagendeerd voor triage")
    BESLOTEN = "besloten", _("triage afgerond")


class AanmeldingBron(models.TextChoices):
    """Where an aanmelding came from. ZSM's "buikpijn"-meldingen are aanmeldingen by a member of the ZSM team."""

    PARTNER = "partner", _("ketenpartner")
    ZSM = "zsm", _("ZSM (buikpijnmelding)")


# The team of the ZSM partners' accounts (created by zsm/migrations/0002): what they submit has bron ZSM.
ZSM_TEAM = "zsm"


class BordSoort(models.TextChoices):
    MASS_VT = "mass_vt", _("Gezamenlijke triage MaSS / Veilig Thuis")
    WEEGPLOEG = "weegploeg", _("Weegploeg Radicalisering en Extremisme")


class Uitkomst(models.TextChoices):
    OPSCHALEN = "opschalen", _("opschalen (casusoverleg bij het ZVH)")
    DOORGELEIDEN = "doorgeleiden", _("doorgeleiden naar een partner")
    ADVIES = "advies", _("advies aan de melder")
    NIET_ONTVANKELIJK = "niet_ontvankelijk", _("niet ontvankelijk")


class Vervolg(models.TextChoices):
    GEEN = "geen", _("geen")
    AANMELDING = "aanmelding", _("aanmelding geadviseerd")


# The four criteria for "complexe casuïstiek" of the Landelijk kader Zorg- en Veiligheidshuizen, in the wording the
# ZVHs publish for partners. Checked against the "landelijke criteria van Zorg- en Veiligheidshuizen" on
# https://zvhhm.nl/professionals/aanmelding-bij-team-veiligheidshuis/ (ZVH Hollands Midden) and the summary on
# https://regioburgemeesters.nl/thema/openbare-orde-maatschappelijke-onrust-en-zorg/zorg-en-veiligheid/veiligheidshuizen/
# Criterion 1 ends in "verder afglijden" (an earlier text here said "verloedering", which is not in the kader).
CRITERIA = {
    "criterium_1": _(
        "1. Meervoudige problemen op meer dan één leefgebied die (naar verwachting) leiden tot crimineel en/of "
        "overlastgevend gedrag of verder afglijden"
    ),
    "criterium_2": _(
        "2. Samenwerking tussen meerdere ketens (minimaal dwang en drang) is nodig voor een effectieve aanpak; "
        "binnen één keten lukt dat niet"
    ),
    "criterium_3": _(
        "3. De problematiek wordt beïnvloed door en heeft (naar verwachting) impact op het (gezins)systeem en/of de "
        "directe sociale leefomgeving"
    ),
    "criterium_4": _(
        "4. Ernstige lokale of gebiedsgebonden veiligheidsproblematiek die vraagt om een ketenoverstijgende aanpak"
    ),
}
CRITERIA_RULE = _("Opschalen past bij criteria 1 én 2, plus 3 of 4.")


class AdviesAanleiding(models.TextChoices):
    GEVRAAGD = "gevraagd", _("gevraagd")
    ONGEVRAAGD = "ongevraagd", _("ongevraagd")
