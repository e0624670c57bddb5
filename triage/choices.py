from django.db import models
from django.utils.translation import gettext_lazy as _


class AanmeldingStatus(models.TextChoices):
    CONCEPT = "concept", _("concept")
    INGEDIEND = "ingediend", _("ingediend, wacht op triage")
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


CRITERIA = {
    "criterium_1": _("1. Problemen op meer dan één leefgebied die leiden tot criminaliteit, overlast of verloedering"),
    "criterium_2": _("2. Samenwerking over meerdere ketens (zorg en straf) is nodig"),
    "criterium_3": _("3. Impact op het gezin/systeem of de directe omgeving"),
    "criterium_4": _("4. Ernstig lokaal of gebiedsgebonden veiligheidsprobleem"),
}
CRITERIA_RULE = _("Opschalen past bij criteria 1 én 2, plus 3 of 4.")


class AdviesAanleiding(models.TextChoices):
    GEVRAAGD = "gevraagd", _("gevraagd")
    ONGEVRAAGD = "ongevraagd", _("ongevraagd")
