"""Persons: the BSN 11-proof, one person per BSN, and linking on intake."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.factories import TEST_BSNS
from zvh.persons.models import Persoon, validate_bsn
from zvh.persons.services import BSN_CONFLICT, persoon_link_or_create, possible_duplicates

VALID = TEST_BSNS


@pytest.mark.parametrize("bsn", VALID)
def test_test_range_bsns_pass_the_eleven_proof(bsn):
    validate_bsn(bsn)


@pytest.mark.parametrize("bsn", ["999990018", "123456789", "12345678", "abcdefghi", "000000000", "9999900190"])
def test_invalid_bsns_get_a_dutch_message(bsn):
    with pytest.raises(ValidationError) as excinfo:
        validate_bsn(bsn)
    assert "BSN" in excinfo.value.messages[0] or "elfproef" in excinfo.value.messages[0]


@pytest.mark.django_db
def test_an_existing_bsn_links_the_person_only_when_name_and_birth_date_agree_and_changes_nothing():
    born = date(1980, 5, 1)
    first, created = persoon_link_or_create(
        voornamen="Jan", tussenvoegsel="de", achternaam="Vries", bsn="999990019", geboortedatum=born
    )
    assert created
    # Case, accents, spacing and where the tussenvoegsel was typed do not matter; address typed by a melder is
    # not taken over into the register.
    again, created = persoon_link_or_create(
        voornamen=" JAN ", achternaam="de  Vries", bsn="999990019", geboortedatum=born, woonplaats="Breda"
    )
    assert not created and again.pk == first.pk
    again.refresh_from_db()
    assert (again.tussenvoegsel, again.achternaam, again.woonplaats) == ("de", "Vries", "")
    assert Persoon.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "other",
    [
        {"voornamen": "Jan", "tussenvoegsel": "ptest", "achternaam": "Vries", "geboortedatum": date(1980, 5, 1)},
        {"voornamen": "Piet", "tussenvoegsel": "de", "achternaam": "Vries", "geboortedatum": date(1980, 5, 1)},
        {"voornamen": "Jan", "tussenvoegsel": "de", "achternaam": "Vries", "geboortedatum": date(1980, 5, 2)},
        {"voornamen": "Jan", "tussenvoegsel": "de", "achternaam": "Vries", "geboortedatum": None},
    ],
)
def test_a_bsn_with_other_names_or_birth_date_is_refused_without_revealing_or_changing_the_person(other):
    """Leak 2 of the access-layer issue: a BSN match alone linked the person and filled their empty fields."""
    persoon_link_or_create(
        voornamen="Jan", tussenvoegsel="de", achternaam="Vries", bsn="999990019", geboortedatum=date(1980, 5, 1)
    )
    before = list(Persoon.objects.values())
    with pytest.raises(ValidationError) as excinfo:
        persoon_link_or_create(bsn="999990019", woonplaats="Ergens", **other)
    assert excinfo.value.message_dict == {"bsn": [str(BSN_CONFLICT)]}
    assert "Jan" not in str(BSN_CONFLICT) and "1980" not in str(BSN_CONFLICT)
    assert list(Persoon.objects.values()) == before


@pytest.mark.django_db
def test_bsn_is_unique_but_optional():
    persoon_link_or_create(voornamen="A", achternaam="Zonder")
    persoon_link_or_create(voornamen="B", achternaam="Zonder")
    assert Persoon.objects.filter(bsn__isnull=True).count() == 2
    Persoon.objects.create(voornamen="C", achternaam="Met", bsn="999990007")
    with pytest.raises(ValidationError):
        Persoon(voornamen="D", achternaam="Dubbel", bsn="999990007").full_clean()


@pytest.mark.django_db
def test_postcode_format_is_checked():
    with pytest.raises(ValidationError) as excinfo:
        Persoon(voornamen="A", achternaam="B", postcode="4811").full_clean()
    assert "1234 AB" in str(excinfo.value)
    Persoon(voornamen="A", achternaam="B", postcode="4811 AB").full_clean()


@pytest.mark.django_db
def test_same_name_and_birth_date_is_a_possible_duplicate():
    from datetime import date

    existing, _ = persoon_link_or_create(voornamen="Petra", achternaam="Bakker", geboortedatum=date(1988, 11, 23))
    assert list(possible_duplicates(voornamen="petra", achternaam="BAKKER", geboortedatum=date(1988, 11, 23))) == [
        existing
    ]
    assert not possible_duplicates(voornamen="Petra", achternaam="Bakker", geboortedatum=date(1988, 11, 24)).exists()
