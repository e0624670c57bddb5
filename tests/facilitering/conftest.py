import pytest

from . import factories


@pytest.fixture
def mass(db):
    org = factories.organisation()
    factories.agreement(org)
    return org


@pytest.fixture
def sec(db):
    return factories.secretariaat()


@pytest.fixture
def sec2(db):
    return factories.secretariaat("sec2")


@pytest.fixture
def mark(db):
    return factories.room("Mark", 12)
