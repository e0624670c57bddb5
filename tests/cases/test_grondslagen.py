"""The FG maintains the grondslagen as data (issue 13); existing dossiers keep their grondslag."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cases import services
from cases.choices import Grondslag as GrondslagCode
from cases.models import Grondslag
from tests.conftest import make_user, verified_client
from triage.forms import AanmeldingForm
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db


def test_the_migration_fills_todays_list_with_explanations():
    assert set(Grondslag.objects.values_list("code", flat=True)) == set(GrondslagCode.values)
    assert all(g.toelichting for g in Grondslag.objects.all())


def test_the_fg_adds_and_edits_a_grondslag_and_the_melder_can_choose_it(client_for):
    client, fg = client_for(Role.FG)
    page = client.get(reverse("cases:grondslag_list")).content.decode()
    assert "wettelijke taak van de aanbrengende partner" in page
    response = client.post(
        reverse("cases:grondslag_create"),
        {
            "code": "wet_18b",
            "naam": "Art. 18b Pbw",
            "toelichting": "Informatie rond detentie.",
            "volgorde": 9,
            "actief": "on",
        },
    )
    assert response.status_code == 302
    made = Grondslag.objects.get(code="wet_18b")
    assert made.gewijzigd_door == fg
    assert ("wet_18b", "Art. 18b Pbw") in AanmeldingForm().fields["grondslag"].choices
    response = client.post(
        reverse("cases:grondslag_edit", args=[made.pk]),
        {"naam": "Art. 18b Penitentiaire beginselenwet", "toelichting": "Beter uitgelegd.", "volgorde": 9},
    )
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.code == "wet_18b" and not made.actief and made.naam.endswith("beginselenwet")
    assert "wet_18b" not in dict(AanmeldingForm().fields["grondslag"].choices)


def test_bad_input_gives_dutch_errors_and_a_code_is_unique(client_for):
    client, _fg = client_for(Role.FG)
    response = client.post(
        reverse("cases:grondslag_create"),
        {"code": "Met Spaties", "naam": "", "toelichting": "x", "volgorde": 1},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Alleen kleine letters" in page and "Dit veld is verplicht" in page
    response = client.post(
        reverse("cases:grondslag_create"),
        {"code": "toestemming", "naam": "Nog eens", "toelichting": "x", "volgorde": 1},
    )
    assert response.status_code == 200 and "bestaat al" in response.content.decode()


def test_only_the_fg_maintains_the_list():
    regisseur = make_user(Role.PROCESREGISSEUR)
    with pytest.raises(PermissionDenied):
        services.grondslag_create(by=regisseur, code="x", naam="x", toelichting="x")
    client = verified_client(regisseur)
    assert client.get(reverse("cases:grondslag_list")).status_code == 403


def test_a_case_keeps_its_switched_off_grondslag_and_shows_its_name(casus, regisseur):
    fg = make_user(Role.FG)
    grondslag = Grondslag.objects.get(code=casus.grondslag)
    services.grondslag_update(grondslag=grondslag, by=fg, naam="Nieuwe naam", toelichting="t", actief=False)
    casus.full_clean()  # still valid
    assert casus.grondslag_label == "Nieuwe naam"
    page = verified_client(regisseur).get(reverse("cases:casus_detail", args=[casus.pk])).content.decode()
    assert "Nieuwe naam" in page
    casus.grondslag = "bestaat_niet"
    with pytest.raises(ValidationError, match="Kies een grondslag uit de lijst"):
        casus.full_clean()
