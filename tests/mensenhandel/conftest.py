import pytest

from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role

from .world import join_team


@pytest.fixture
def regisseur(db):
    """A procesregisseur in the mensenhandel team."""
    user = make_user(Role.PROCESREGISSEUR)
    join_team(user)
    return user


@pytest.fixture
def outsider(db):
    """A procesregisseur who is not in the team (like the demo's ``regisseur``)."""
    return make_user(Role.PROCESREGISSEUR)


@pytest.fixture
def team_client(regisseur):
    return verified_client(regisseur)
