"""Shared helpers for the triage tests: posting the aanmelding form like a browser, placing and weighing."""

import html
import re
from datetime import date

from cases.choices import Grondslag, Relatie, Thema
from tests.factories import OrganisationFactory
from triage import services
from triage.choices import BordSoort, Uitkomst
from triage.models import TriageBord
from zvh.access.models import Team
from zvh.accounts.choices import OrganisationType

# The three betrokkene rows the form shows for a new aanmelding: the hoofdpersoon and two empty "overig" rows.
EMPTY_ROW = {"relatie": Relatie.OVERIG}
ROW_FIELDS = (
    "relatie",
    "voornamen",
    "tussenvoegsel",
    "achternaam",
    "bsn",
    "geboortedatum",
    "geslacht",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "brp_gemeente",
)


def gemeente(name: str = "Gemeente Breda"):
    return OrganisationFactory(name=name, type=OrganisationType.GEMEENTE)


def form_data(*, rows: list[dict] | None = None, initial_forms: int = 3, **fields) -> dict:
    """POST data for the aanmelding form: the main form's fields plus the betrokkenen formset."""
    rows = list(rows if rows is not None else [{"relatie": Relatie.HOOFDPERSOON}])
    while len(rows) < 3:
        rows.append(dict(EMPTY_ROW))
    data: dict = {
        "betrokkenen-TOTAL_FORMS": str(len(rows)),
        "betrokkenen-INITIAL_FORMS": str(initial_forms),
        "betrokkenen-MIN_NUM_FORMS": "0",
        "betrokkenen-MAX_NUM_FORMS": "20",
    }
    for i, row in enumerate(rows):
        for field in ROW_FIELDS:
            data[f"betrokkenen-{i}-{field}"] = row.get(field, "")
    for key, value in fields.items():
        if value is not None:
            data[key] = value
    return data


def complete_fields(gemeente_org, **overrides) -> dict:
    fields = {
        "thema": Thema.COMPLEX,
        "aanleiding": "Escalerende burenruzie met bedreigingen.",
        "doel": "Gezamenlijk plan van zorg en straf.",
        "leefgebieden": ["huisvesting", "psychisch"],
        "gemeente": str(gemeente_org.pk),
        "betrokkene_geinformeerd": "ja",
        "reden_niet_geinformeerd": "",
        "grondslag": Grondslag.WETTELIJKE_TAAK,
        "grondslag_toelichting": "Politietaak (Politiewet art. 3).",
    }
    return {**fields, **overrides}


def field_errors(page: str, field_id: str) -> str:
    """The text of the error list rendered right next to a field (``<ul class="field__errors" id="..._error">``)."""
    match = re.search(rf'<ul class="field__errors" id="{re.escape(field_id)}_error">(.*?)</ul>', page, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1))) if match else ""


def text(page: str) -> str:
    """Page text with tags removed and entities decoded, for checking Dutch messages."""
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def weegploeg():
    return Team.objects.get(code="weegploeg")


def bord(soort: str = BordSoort.MASS_VT) -> TriageBord:
    return TriageBord.objects.get(soort=soort)


def placed(aanmelding, regisseur, *, soort: str = BordSoort.MASS_VT, datum: date = date(2022, 3, 15)):
    sessie = services.sessie_get_or_create(bord=bord(soort), datum=datum, by=regisseur)
    return services.aanmelding_place(aanmelding=aanmelding, sessie=sessie, by=regisseur)


CRITERIA_MET = {"criterium_1": True, "criterium_2": True, "criterium_3": True, "criterium_4": False}


def decide(aanmelding, regisseur, **overrides):
    kwargs = {
        **CRITERIA_MET,
        "uitkomst": Uitkomst.OPSCHALEN,
        "motivering": "Meerdere leefgebieden, zorg en straf nodig, impact op het gezin.",
        **overrides,
    }
    return services.triage_decide(aanmelding=aanmelding, by=regisseur, **kwargs)
