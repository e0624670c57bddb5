"""Issue 16: one submit of the aanmelding names every problem — wrong input in a field, missing fields and a BSN
that belongs to someone else — instead of one kind per round; the conditional field says when it is needed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.choices import Relatie
from tests.cases.world import make_person
from triage import services
from triage.choices import AanmeldingStatus
from triage.models import Aanmelding
from zvh.accounts.choices import Role
from zvh.persons.models import Persoon

from .helpers import complete_fields, field_errors, form_data, gemeente, text
from .world import COMPLETE, person

pytestmark = pytest.mark.django_db
CREATE = reverse("triage:aanmelding_create")
BAD_BSN = "999990008"  # fails the 11-proof


def test_a_bad_bsn_and_missing_fields_are_all_named_in_the_first_answer(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    rows = [{"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "achternaam": "Mertens", "bsn": BAD_BSN}]
    fields = complete_fields(gemeente(), doel="", grondslag="", betrokkene_geinformeerd="nee")
    response = client.post(CREATE, form_data(rows=rows, indienen="1", **fields))
    assert response.status_code == 200
    page = response.content.decode()
    assert field_errors(page, "id_betrokkenen-0-bsn") == "Fout: Dit is geen geldig BSN (de elfproef klopt niet)."
    assert field_errors(page, "id_doel") == "Fout: Beschrijf het doel of de hulpvraag."
    assert field_errors(page, "id_grondslag") == "Fout: Kies de grondslag."
    assert "Geef de reden waarom de betrokkene niet is geïnformeerd." in field_errors(
        page, "id_reden_niet_geinformeerd"
    )
    # the BSN error is named once (next to the field and in the summary), not again as a betrokkenen error
    assert text(page).count("de elfproef klopt niet") == 2
    assert Aanmelding.objects.get().status == AanmeldingStatus.CONCEPT
    assert not Persoon.objects.exists()


def test_a_missing_name_in_a_row_with_a_bad_postcode_is_named_too(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    rows = [{"relatie": Relatie.HOOFDPERSOON, "voornamen": "Sven", "postcode": "12345"}]
    response = client.post(CREATE, form_data(rows=rows, indienen="1", **complete_fields(gemeente())))
    page = text(response.content.decode())
    assert "Vul de postcode in als 1234 AB" in page
    assert "Betrokkene 1: vul voornamen en achternaam in." in page


def test_a_bsn_of_someone_else_and_missing_fields_are_refused_together(user_factory):
    make_person("Jan", "Vries", tussenvoegsel="de", bsn="999990019")
    partner = user_factory(Role.KETENPARTNER)
    aanmelding = services.aanmelding_save_draft(
        by=partner,
        data={**COMPLETE, "gemeente": gemeente(), "doel": ""},
        betrokkenen=[person(bsn="999990019"), person("Tim", "Mertens", relatie=Relatie.KIND)],
    )
    with pytest.raises(ValidationError) as exc:
        services.aanmelding_submit(aanmelding=aanmelding, by=partner)
    errors = exc.value.message_dict
    assert errors["doel"] == ["Beschrijf het doel of de hulpvraag."]
    assert errors["betrokkenen"][0].startswith("Betrokkene 1: Het BSN past niet bij de naam")
    assert list(Persoon.objects.values_list("voornamen", flat=True)) == ["Jan"]  # Tim's link was rolled back


def test_the_check_without_submitting_links_nobody(user_factory):
    partner = user_factory(Role.KETENPARTNER)
    aanmelding = services.aanmelding_save_draft(
        by=partner, data={**COMPLETE, "gemeente": gemeente()}, betrokkenen=[person(bsn="999990007")]
    )
    assert services.aanmelding_check(aanmelding=aanmelding) == {}
    assert not Persoon.objects.exists()
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.CONCEPT
    assert aanmelding.betrokkenen.get().persoon_id is None


def test_the_conditional_reason_says_when_it_is_needed(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    page = client.get(CREATE).content.decode()
    label = page[page.index('for="id_reden_niet_geinformeerd"') :].split("</label>")[0]
    assert "verplicht bij ‘nee’" in label and "niet verplicht" not in label


def test_the_error_summary_is_focused_and_the_form_warns_before_leaving(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    response = client.post(CREATE, form_data(indienen="1"))
    page = response.content.decode()
    assert '<div class="error-summary" role="alert" tabindex="-1" autofocus>' in page
    assert "data-warn-unsaved" in page and "/static/js/forms.js" in page
