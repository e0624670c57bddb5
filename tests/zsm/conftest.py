import pytest

from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role

from .world import join_team, om


@pytest.fixture
def regisseur(db):
    return make_user(Role.PROCESREGISSEUR)


@pytest.fixture
def zsm_user(db):
    """The ZSM account of the Openbaar Ministerie (a ketenpartner in the ZSM team), like the demo's ``zsm``."""
    user = make_user(Role.KETENPARTNER, organisation=om())
    join_team(user)
    return user


@pytest.fixture
def politie(db):
    """A Politie ketenpartner outside the ZSM team (a wijkagent)."""
    return make_user(Role.KETENPARTNER)


@pytest.fixture
def zsm_client(zsm_user):
    return verified_client(zsm_user)


@pytest.fixture
def regisseur_client(regisseur):
    return verified_client(regisseur)
