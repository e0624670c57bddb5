import pytest
from cases.selectors import persoon_search
from tests.conftest import make_user
from tests.cases.world import make_person
from zvh.accounts.choices import Role
from tests.cases.world import open_case
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

@pytest.mark.parametrize("term", ["Jan de Vries", "Jan de Vris", "Jan de Vires", "de Vries", "Vires", "jan vries"])
def test_probe(term):
    r = make_user(Role.PROCESREGISSEUR)
    p = make_person("Jan", "Vries", tussenvoegsel="de", bsn="999990019")
    make_person("Petra", "Bakker")
    open_case(regisseur=r, partner=OrganisationFactory(politie=True), persoon=p)
    found = persoon_search(user=r, naam=term)
    assert p in found, term
