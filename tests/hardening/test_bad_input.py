"""Finding 4: bad input gets a Dutch error (or a 404), never an HTTP 500, and nothing is stored half."""

from datetime import date, time

import pytest
from django.test import Client
from django.urls import reverse

from cases.models import Casusoverleg
from facilitering.models import Booking
from zvh.accounts.choices import Role

from ..conftest import make_user, verified_client
from ..facilitering import factories
from ..facilitering.test_views import form_data

pytestmark = pytest.mark.django_db

DATE_ERROR = "Vul een datum in tussen"


def no_500_client(user) -> Client:
    client = verified_client(user)
    client.raise_request_exception = False  # an unhandled exception shows up as the 500 it would be
    return client


@pytest.mark.parametrize("datum", ["9999-12-31", "0001-01-01", "0001-01-02", "9999-12-25"])
@pytest.mark.parametrize("periode", ["week", "maand"])
def test_calendar_at_the_edges_of_the_calendar_gets_a_dutch_error(sec, datum, periode):
    response = no_500_client(sec).get(reverse("facilitering:calendar"), {"datum": datum, "periode": periode})
    assert response.status_code == 200
    assert DATE_ERROR in response.content.decode()


def test_booking_post_with_a_date_in_year_9999_is_refused_in_dutch(sec, mass):
    client = no_500_client(sec)
    data = form_data(organisation=mass.pk, date="9999-12-31")
    response = client.post(reverse("facilitering:booking_create"), data)
    assert response.status_code == 200
    assert DATE_ERROR in response.content.decode()
    assert not Booking.objects.exists()


def test_booking_series_until_year_9999_is_refused_in_dutch(sec, mass):
    client = no_500_client(sec)
    data = form_data(organisation=mass.pk, date="9999-12-24", frequency="wekelijks", until="9999-12-31")
    response = client.post(reverse("facilitering:booking_create"), data)
    assert response.status_code == 200
    assert DATE_ERROR in response.content.decode()


@pytest.mark.parametrize("tijd", ["00:00", "10:00"])
def test_overleg_on_the_first_day_of_year_one_is_refused_in_dutch(tijd):
    regisseur = make_user(Role.PROCESREGISSEUR)
    client = no_500_client(regisseur)
    data = {"datum": "0001-01-01", "tijd": tijd, "locatie": "Zaal", "soort": "casusoverleg", "voorzitter": regisseur.pk}
    response = client.post(reverse("cases:overleg_create"), data)
    assert response.status_code == 200
    assert DATE_ERROR in response.content.decode()
    assert not Casusoverleg.objects.exists()


@pytest.mark.parametrize("title", ["Overleg\r\nBEGIN:VEVENT", "Regel\neen\rtwee", "Tab\there\x00nul\x1b"])
def test_booking_title_with_line_breaks_is_refused_and_never_breaks_the_ics(sec, mass, title):
    client = no_500_client(sec)
    response = client.post(reverse("facilitering:booking_create"), form_data(organisation=mass.pk, title=title))
    assert response.status_code == 200
    assert "geen regeleinden of stuurtekens" in response.content.decode()
    assert not Booking.objects.exists()


def test_ics_of_an_old_booking_with_a_line_break_in_its_title_still_downloads(sec, mass):
    """Rows stored before the check (or through another path) must not turn the .ics into a 500."""
    booking = factories.book(sec, mass, date=date(2022, 9, 12), start_time=time(10), end_time=time(12))[0]
    Booking.objects.filter(pk=booking.pk).update(title="Eerste regel\r\nBEGIN:VEVENT\x1b")
    response = no_500_client(sec).get(reverse("facilitering:booking_ics", kwargs={"pk": booking.pk}))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("\r\nBEGIN:VEVENT\r\n") == 1  # no event smuggled in through the title
    assert "\x1b" not in body


def test_a_logboek_entry_of_two_and_a_half_megabytes_is_refused_in_dutch():
    from cases.forms import LogboekForm

    form = LogboekForm({"soort": LogboekForm.base_fields["soort"].choices[0][0], "tekst": "x" * 2_400_000})
    assert not form.is_valid()
    assert "niet meer dan 10000 tekens" in str(form.errors["tekst"])


def _all_form_classes():
    import importlib
    import inspect

    from django import forms

    for module_name in ("cases.forms", "triage.forms", "privacy.forms", "reporting.forms", "facilitering.forms"):
        module = importlib.import_module(module_name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module_name:
                yield cls


def test_every_free_text_field_has_a_server_side_length_limit():
    from django import forms

    unlimited = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _all_form_classes()
        for name, field in cls.base_fields.items()
        if isinstance(field, forms.CharField) and not field.max_length
    ]
    assert unlimited == []


@pytest.mark.parametrize(
    ("form_path", "field", "kwargs"),
    [
        ("triage.forms.AanmeldingForm", "voorgestelde_partners", {}),
        ("cases.forms.OverlegForm", "ondersteuning", {}),
    ],
)
def test_a_huge_number_in_a_multiple_choice_is_an_invalid_choice_not_an_overflow(form_path, field, kwargs):
    """Found by the direct form fuzzing: SQLite raised OverflowError for pk__in with 2**64 (an HTTP 500)."""
    import importlib

    from django.utils.datastructures import MultiValueDict

    module, name = form_path.rsplit(".", 1)
    form = getattr(importlib.import_module(module), name)(data=MultiValueDict({field: ["18446744073709551616"]}))
    assert not form.is_valid()
    assert "geen beschikbare keuze" in str(form.errors[field]) or "geldige keuze" in str(form.errors[field])
