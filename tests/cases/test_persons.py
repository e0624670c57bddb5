"""Persons: the BSN 11-proof, one person per BSN, and linking on intake."""

import pytest
from django.core.exceptions import ValidationError

from cases.models import Persoon, validate_bsn
from cases.services import persoon_link_or_create, possible_duplicates
from tests.factories import TEST_BSNS

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
def test_an_existing_bsn_links_the_existing_person_and_fills_gaps():
    first, created = persoon_link_or_create(voornamen="Jan", achternaam="Vries", bsn="999990019")
    assert created
    again, created = persoon_link_or_create(voornamen="Jan", achternaam="de Vries", bsn="999990019", woonplaats="Breda")
    assert not created and again.pk == first.pk
    again.refresh_from_db()
    assert again.woonplaats == "Breda"  # filled where empty
    assert again.achternaam == "Vries"  # not overwritten
    assert Persoon.objects.count() == 1


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
