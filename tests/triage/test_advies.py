"""Advies op verzoek: one short form, no BSN, procesregisseurs only, named entries logged when listed."""

import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases.choices import Thema
from privacy.choices import AccessAction, AccessResult
from privacy.models import AccessLogEntry
from tests.factories import OrganisationFactory
from triage import services
from triage.choices import Vervolg
from triage.models import Advies
from zvh.accounts.choices import Role

from .helpers import field_errors

pytestmark = pytest.mark.django_db
URL = reverse("triage:advies_list")
FIELDS = ("datum", "organisatie", "vrager", "thema", "vraag", "advies", "tijd_minuten", "vervolg", "betreft_persoon")


def register(by, organisatie, **overrides) -> Advies:
    data = {
        "datum": date(2022, 3, 10),
        "organisatie": organisatie,
        "vrager": "Wijkagent De Vries",
        "thema": Thema.VERWARD,
        "vraag": "Hoe pakken we verward gedrag in de wijk aan?",
        "advies": "Bespreek het in het MaSS-overleg.",
        "tijd_minuten": 15,
        "vervolg": Vervolg.GEEN,
        **overrides,
    }
    return services.advies_register(by=by, **data)


def post_data(org, **overrides) -> dict:
    return {
        "datum": "2022-03-10",
        "organisatie": str(org.pk),
        "vrager": "Wijkagent De Vries",
        "thema": Thema.VERWARD,
        "vraag": "Hoe pakken we verward gedrag in de wijk aan?",
        "advies": "Bespreek het in het MaSS-overleg.",
        "tijd_minuten": "15",
        "vervolg": Vervolg.AANMELDING,
        "betreft_persoon": "",
        **overrides,
    }


@pytest.fixture
def politie(db):
    return OrganisationFactory(politie=True)


def test_the_form_is_one_short_form_with_the_fields_needed(client_for):
    client, _ = client_for(Role.PROCESREGISSEUR)
    page = client.get(URL).content.decode()
    forms = [f for f in re.findall(r"<form.*?</form>", page, re.S) if 'name="vraag"' in f]
    assert len(forms) == 1
    for field in FIELDS:
        assert f'name="{field}"' in forms[0], field
    assert 'name="bsn"' not in page


def test_procesregisseur_registers_an_advice_in_one_post(client_for, politie):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    response = client.post(URL, post_data(politie))
    assert response.status_code == 302 and response["Location"] == URL
    advies = Advies.objects.get()
    assert (advies.datum, advies.organisatie, advies.vrager) == (date(2022, 3, 10), politie, "Wijkagent De Vries")
    assert (advies.thema, advies.tijd_minuten, advies.vervolg) == (Thema.VERWARD, 15, Vervolg.AANMELDING)
    assert advies.vraag.startswith("Hoe pakken") and advies.advies.startswith("Bespreek")
    assert advies.geregistreerd_door == regisseur and advies.betreft_persoon == ""
    page = client.get(URL).content.decode()
    assert "Het advies is geregistreerd." in page and "Wijkagent De Vries" in page


@pytest.mark.parametrize("value", ["999990019", "Sven Mertens 999990019", "S. Mertens (geb. 1990)", "Jan 2"])
def test_digits_in_betreft_persoon_are_refused_in_dutch(client_for, politie, value):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    with pytest.raises(ValidationError) as exc:
        register(regisseur, politie, betreft_persoon=value)
    assert exc.value.message_dict == {"betreft_persoon": ["Alleen een naam, geen BSN of andere nummers."]}
    response = client.post(URL, post_data(politie, betreft_persoon=value, vraag="Mijn getypte vraag"))
    assert response.status_code == 200
    page = response.content.decode()
    assert field_errors(page, "id_betreft_persoon") == "Fout: Alleen een naam, geen BSN of andere nummers."
    assert "Mijn getypte vraag" in page and 'value="Wijkagent De Vries"' in page
    assert not Advies.objects.exists()


def test_a_name_without_digits_is_accepted(politie, user_factory):
    advies = register(user_factory(Role.PROCESREGISSEUR), politie, betreft_persoon="Sven Mertens")
    assert advies.betreft_persoon == "Sven Mertens"


def test_the_asking_organisation_is_a_partner_not_the_zvh(user_factory):
    regisseur = user_factory(Role.PROCESREGISSEUR)
    with pytest.raises(ValidationError) as exc:
        register(regisseur, regisseur.organisation)
    assert exc.value.message_dict == {"organisatie": ["Kies de partnerorganisatie die om advies vroeg."]}


@pytest.mark.parametrize("missing", ["vrager", "vraag", "advies", "tijd_minuten", "datum", "organisatie"])
def test_required_fields_give_a_dutch_error(client_for, politie, missing):
    client, _ = client_for(Role.PROCESREGISSEUR)
    response = client.post(URL, post_data(politie, **{missing: ""}))
    assert field_errors(response.content.decode(), f"id_{missing}") == "Fout: Dit veld is verplicht."
    assert not Advies.objects.exists()


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.PROCESREGISSEUR])
def test_only_procesregisseurs_may_register_or_see_adviezen(client_for, user_factory, politie, role):
    register(user_factory(Role.PROCESREGISSEUR), politie, betreft_persoon="Sven Mertens")
    client, user = client_for(role)
    assert client.get(URL).status_code == 403
    assert client.post(URL, post_data(politie)).status_code == 403
    assert Advies.objects.count() == 1
    with pytest.raises(PermissionDenied):
        register(user, politie)


def test_anonymous_is_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"] == f"{reverse('two_factor:login')}?next={URL}"


def test_listing_entries_that_name_a_person_is_logged(client_for, politie):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    named = register(regisseur, politie, betreft_persoon="Sven Mertens")
    register(regisseur, politie)
    before = AccessLogEntry.objects.count()
    page = client.get(URL).content.decode()
    assert "Sven Mertens" in page
    [entry] = AccessLogEntry.objects.all()[: AccessLogEntry.objects.count() - before]
    assert (entry.user, entry.object_type, entry.object_ids) == (regisseur, "triage.advies", [str(named.pk)])
    assert (entry.action, entry.result) == (AccessAction.LIST, AccessResult.ALLOWED)


def test_listing_only_anonymous_entries_logs_nothing(client_for, politie):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    register(regisseur, politie)
    before = AccessLogEntry.objects.count()
    assert client.get(URL).status_code == 200
    assert AccessLogEntry.objects.count() == before


def test_the_list_does_not_query_per_entry(client_for, politie, django_assert_max_num_queries):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    for n in range(10):
        register(regisseur, OrganisationFactory(name=f"Partner {n}"), betreft_persoon=f"Persoon {chr(65 + n)}")
    with django_assert_max_num_queries(13):  # 12 today, whatever the number of entries
        page = client.get(URL).content.decode()
    assert all(f"Partner {n}" in page for n in range(10))
