"""The jaarplan figure: distinct persons with a BIJ-melding handled in the period, shown as registratie."""

from datetime import date

import pytest

from bij import services
from bij.metrics import personen
from reporting import services as reporting_services
from reporting.figures import Bron, jaarplan_figures
from reporting.seeds import jaarplan_2022
from tests.factories import OrganisationFactory
from tests.reporting.conftest import local

from .world import bij_regisseur, melding

pytestmark = pytest.mark.django_db
VISSER = {"voornamen": "Hendrik", "achternaam": "Visser", "bsn": "999990056", "geboortedatum": date(1968, 3, 14)}
ZWART = {"voornamen": "Gerrit", "achternaam": "Zwart", "bsn": "999990068", "geboortedatum": date(1975, 1, 2)}


@pytest.fixture
def meldingen():
    regisseur = bij_regisseur()
    melding(regisseur, persoon=VISSER, ontvangen_op=date(2022, 2, 1), verwachte_datum=date(2022, 3, 1))
    melding(regisseur, persoon=VISSER, ontvangen_op=date(2022, 8, 1), verwachte_datum=date(2022, 9, 1))
    second = melding(regisseur, persoon=ZWART, ontvangen_op=date(2022, 8, 3), verwachte_datum=date(2022, 9, 3))
    melding(regisseur, persoon=ZWART, ontvangen_op=date(2023, 1, 1), verwachte_datum=date(2023, 2, 1))
    services.melding_transition(melding=second, name="afronden", by=regisseur, reden="Dubbel", afsluitreden="dubbel")


def test_a_person_in_two_quarters_counts_once_for_the_year(meldingen):
    assert personen(local(2022, 1, 1), local(2022, 4, 1)) == 1
    assert personen(local(2022, 7, 1), local(2022, 10, 1)) == 2
    assert personen(local(2022, 1, 1), local(2023, 1, 1)) == 2


def test_the_bij_row_of_the_jaarplan_is_measured_from_the_registration(meldingen):
    for name in ("MaSS", "Veilig Thuis West-Brabant", "KR8-kollektief"):  # the other measured rows need them
        OrganisationFactory(name=name)
    jaarplan, _created = reporting_services.jaarplan_load(data=jaarplan_2022)
    figures = jaarplan_figures(jaarplan, 3)
    row = next(a for a in figures.activities if a.activiteit.omschrijving == "Wegen en aanpakken casuïstiek BIJ")
    assert row.activiteit.metric_key == "bij.personen"
    assert row.bron == Bron.METING
    # Q3 shows the persons new in the year: Visser was counted in Q1 already, Zwart is new.
    assert (row.kwartaal, row.tm_kwartaal) == (1, 2)
