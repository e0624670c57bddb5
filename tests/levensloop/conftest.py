import pytest

from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role


@pytest.fixture
def regisseur(db):
    return make_user(Role.PROCESREGISSEUR)


@pytest.fixture
def regisseur_client(regisseur):
    return verified_client(regisseur)


@pytest.fixture
def partner(db):
    return make_user(Role.KETENPARTNER)
