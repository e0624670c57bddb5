"""The transcribed Jaarplan 2022 matches the document's text, and loading it is complete and idempotent."""

import re
from decimal import Decimal
from pathlib import Path

import pytest

from reporting import services
from reporting.choices import Soort
from reporting.models import Activiteit, Jaarplan, Ontwikkellijn, Thema
from reporting.seeds import jaarplan_2022

from .conftest import activity

SEED = Path(__file__).resolve().parents[2] / "reporting" / "seeds" / "jaarplan-2022-zvh-baronie-breda.txt"


def squash(text: str) -> str:
    """Letters and digits only: the PDF text breaks words over lines and tables over cells."""
    text = text.replace("‘", "").replace("’", "").replace("'", "")
    return re.sub(r"[\W_]+", "", text.lower())


def all_rows():
    for lijn in jaarplan_2022.ONTWIKKELLIJNEN:
        for thema in lijn["themas"]:
            for row in thema["activiteiten"]:
                yield lijn, thema, row


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_every_description_theme_and_line_is_in_the_document(seed_text):
    text = squash(seed_text)
    for lijn, thema, row in all_rows():
        assert squash(lijn["titel"]) in text, lijn["titel"]
        assert squash(thema["titel"]) in text, thema["titel"]
        description = row["omschrijving"].split(" — ")[0]  # facilitering: one row, three partners
        assert squash(description) in text, description


def test_every_number_is_in_the_document(seed_text):
    numbers = set(re.findall(r"\d+", seed_text))
    for _lijn, _thema, row in all_rows():
        for key in ("prognose", "vorig", "eerder"):
            if row.get(key) is not None:
                assert str(row[key]) in numbers, (row["omschrijving"], key)


@pytest.mark.django_db
def test_loads_every_activity_table(fake_metrics):
    jaarplan, created = services.jaarplan_load(data=jaarplan_2022)
    assert created and jaarplan.jaar == 2022
    assert list(Ontwikkellijn.objects.filter(jaarplan=jaarplan).values_list("titel", flat=True)) == [
        "Aanpak van personen met een (hoog) veiligheidsrisico",
        "Verbinding met de omgeving",
        "Huis op orde",
    ]
    assert Thema.objects.filter(ontwikkellijn__jaarplan=jaarplan).count() == 12
    assert Activiteit.objects.filter(thema__ontwikkellijn__jaarplan=jaarplan).count() == len(list(all_rows())) == 36


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("omschrijving", "soort", "columns"),
    [
        ("Uitvoeren van gezamenlijke triage met MaSS en Veilig Thuis", Soort.ZAKEN, (150, 130, 112)),
        ("Voeren van regie over complexe casuïstiek incl. radicalisering", Soort.ZAKEN, (90, 96, 78)),
        ("Coördineren van re-integratie ex-gedetineerden", Soort.PERSONEN, (250, 250, 229)),
        ("Wegen en aanpakken casuïstiek BIJ", Soort.PERSONEN, (20, 20, 21)),
        ("Uitvoeren van gezamenlijke triage in de Weegploeg Radicalisering en Extremisme", Soort.ZAKEN, (30, 30, 31)),
        (
            "Continueren van administratieve ondersteuning aan partners t.b.v. casusoverleg — MaSS",
            Soort.UREN_PER_WEEK,
            (8, 8, 8),
        ),
        (
            "Continueren van administratieve ondersteuning aan partners t.b.v. casusoverleg — Veilig Thuis",
            Soort.UREN_PER_WEEK,
            (32, 32, 32),
        ),
        (
            "Continueren van administratieve ondersteuning aan partners t.b.v. casusoverleg — KR8-kollektief",
            Soort.UREN_PER_WEEK,
            (11, 11, 11),
        ),
        ("Training polarisatie en radicalisering", Soort.PROFESSIONALS, (50, 50, 90)),
        ("Onderhoud regiekaart de-escaleren", Soort.PROFESSIONALS, (60, 400, 115)),
        ("Coördineren van casuïstiek n.a.v. signalen", Soort.ZAKEN, (50, 30, None)),
    ],
)
def test_columns_as_the_document_gives_them(jaarplan, omschrijving, soort, columns):
    a = activity(jaarplan, omschrijving)
    assert a.soort == soort
    expected = tuple(None if c is None else Decimal(c) for c in columns)
    assert (a.prognose, a.prognose_vorig_jaar, a.resultaat_eerder) == expected


@pytest.mark.django_db
def test_milestones_texts_and_ambiguities(jaarplan):
    assert activity(jaarplan, "DPIA informatiesysteem").mijlpaal_kwartaal == 1
    assert activity(jaarplan, "Privacy protocol BIJ").mijlpaal_kwartaal == 3
    ict = activity(jaarplan, "Implementeren van nieuwe ICT")
    assert (ict.mijlpaal_kwartaal, ict.prognose_vorig_jaar_tekst, ict.resultaat_eerder_tekst) == (
        2,
        "Voorbereiding",
        "n.v.t.",
    )
    advies = activity(jaarplan, "Geven van advies op verzoek")
    assert advies.soort == Soort.KWALITATIEF and advies.prognose_tekst == "Meerdere per dag"
    weegploeg = Activiteit.objects.filter(omschrijving__contains="Weegploeg")
    assert weegploeg.count() == 1, "loaded once, from its dedicated table"
    assert "26" in weegploeg.get().bron_opmerking
    netwerkdag = activity(jaarplan, "Organiseren van een districtelijke netwerkdag Zorg en Veiligheid")
    assert netwerkdag.spreiding == "eenmalig" and netwerkdag.prognose_vorig_jaar_tekst == "niet"


@pytest.mark.django_db
def test_metric_bindings(jaarplan):
    bound = {
        (a.omschrijving, a.metric_key, tuple(a.metric_params.items()))
        for a in Activiteit.objects.exclude(metric_key="")
    }
    assert (
        "Uitvoeren van gezamenlijke triage met MaSS en Veilig Thuis",
        "triage.besluiten",
        (("bord", "mass_vt"),),
    ) in bound
    assert (
        "Uitvoeren van gezamenlijke triage in de Weegploeg Radicalisering en Extremisme",
        "triage.besluiten",
        (("bord", "weegploeg"),),
    ) in bound
    assert ("Voeren van regie over complexe casuïstiek incl. radicalisering", "cases.onder_regie", ()) in bound
    partners = {dict(p)["partner"] for _o, key, p in bound if key == "facilitering.uren_per_week"}
    # Stable organisation codes (Organisation.code), not display names.
    assert partners == {"mass", "veilig-thuis-west-brabant", "kr8-kollektief"}
    trainings = {dict(p)["training"] for _o, key, p in bound if key == "netwerk.getraind"}
    assert trainings == {"polarisatie", "gegevensdeling", "regiekaart", "informatiesysteem"}
    registers = {dict(p)["titel"] for _o, key, p in bound if key == "privacy.vastgesteld"}
    assert registers == {"DPIA informatiesysteem", "DPIA BIJ", "Privacyprotocol Mensenhandel", "Privacyprotocol BIJ"}


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_keeps_edits(jaarplan):
    a = activity(jaarplan, "Wegen en aanpakken casuïstiek BIJ")
    services.activiteit_update(activiteit=a, prognose=Decimal(25))
    again, created = services.jaarplan_load(data=jaarplan_2022)
    assert not created and again == jaarplan
    assert Jaarplan.objects.count() == 1 and Activiteit.objects.count() == 36
    a.refresh_from_db()
    assert a.prognose == 25
