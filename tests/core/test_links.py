"""zvh.core.links.pk_url: one reverse per page, the same URL as reverse per object."""

import pytest
from django.urls import reverse

from zvh.core.links import pk_url


@pytest.mark.parametrize("name", ["privacy:person_log", "facilitering:booking_ics", "cases:casus_detail"])
def test_the_url_is_the_one_reverse_gives(name):
    url = pk_url(name)
    for pk in (1, 42, 987654321, 2**40):
        assert url(pk) == reverse(name, args=[pk])


def test_only_an_integer_is_filled_in():
    with pytest.raises(ValueError):
        pk_url("privacy:person_log")("1/../../beheer")
