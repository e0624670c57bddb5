import pytest

from tests.conftest import make_user
from zvh.accounts.choices import Role

from .world import coordinator


@pytest.fixture
def regisseur(db):
    return make_user(Role.PROCESREGISSEUR)


@pytest.fixture
def coord(db):
    return coordinator("Breda")


@pytest.fixture
def politie_user(db):
    return make_user(Role.KETENPARTNER)
