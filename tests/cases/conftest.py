import pytest

from tests.conftest import make_user
from tests.factories import OrganisationFactory
from zvh.accounts.choices import Role

from .world import make_person, open_case


@pytest.fixture
def regisseur(db):
    return make_user(Role.PROCESREGISSEUR)


@pytest.fixture
def politie(db):
    return OrganisationFactory(politie=True)


@pytest.fixture
def casus(regisseur, politie):
    return open_case(regisseur=regisseur, partner=politie, persoon=make_person("Jan", "Vries", bsn="999990019"))
