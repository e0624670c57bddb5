from datetime import date, timedelta

import pytest
from django.utils import timezone

from cases import services as case_services
from tests.cases.world import make_person, open_case
from tests.conftest import make_user
from tests.factories import OrganisationFactory
from zvh.accounts.choices import NotificationFrequency, Role

# The fixture persons of the demo and the test worlds: never in an e-mail or a calendar file.
JAN = ("Jan", "Vries", "999990019", "14-03-1979", "1979-03-14")
PETRA = ("Petra", "Bakker", "999990032")


@pytest.fixture
def regisseur(db):
    return make_user(Role.PROCESREGISSEUR, first_name="Rita", last_name="Regisseur")


@pytest.fixture
def politie(db):
    return OrganisationFactory(politie=True)


@pytest.fixture
def reclassering(db):
    return OrganisationFactory(reclassering=True)


@pytest.fixture
def agent(politie):
    """A Politie ketenpartner who wants every notification at once (the default)."""
    return make_user(Role.KETENPARTNER, organisation=politie, username="agent")


@pytest.fixture
def agent_digest(politie):
    return make_user(
        Role.KETENPARTNER,
        organisation=politie,
        username="agent-dagelijks",
        notification_frequency=NotificationFrequency.DAGELIJKS,
    )


@pytest.fixture
def jan(db):
    return make_person("Jan", "Vries", tussenvoegsel="de", bsn="999990019", geboortedatum=date(1979, 3, 14))


@pytest.fixture
def casus(regisseur, reclassering, jan):
    """Jan de Vries's case, brought in by Reclassering: Politie has no access yet."""
    return open_case(regisseur=regisseur, partner=reclassering, persoon=jan)


@pytest.fixture
def overleg(regisseur):
    return case_services.overleg_create(
        by=regisseur,
        datum_tijd=(timezone.now() + timedelta(days=7)).replace(minute=0, second=0, microsecond=0),
        locatie="ZVH Breda, zaal 2",
        soort="casusoverleg",
        voorzitter=regisseur,
    )


def grant_to(casus, regisseur, politie):
    return case_services.grant_create(
        casus=casus, by=regisseur, organisatie=politie, rol="deelnemer", doel="Politie kent Jan de Vries goed."
    )
