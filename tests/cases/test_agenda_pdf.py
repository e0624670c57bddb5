"""The printable agenda as a tagged PDF: the same need-to-know filtering as the page, no person in the file name."""

import pytest
from django.urls import reverse

from cases import services
from tests.conftest import verified_client
from tests.pdf_checks import tagged_pdf_facts
from zvh.accounts.choices import Role

from .test_access import world  # noqa: F401, F811 - the shared access world (a fixture)
from .world import make_person, open_case

pytestmark = pytest.mark.django_db


def test_agenda_pdf_is_tagged_and_shows_a_partner_only_its_items(regisseur, casus, politie):
    other = open_case(regisseur=regisseur, partner=regisseur.organisation, persoon=make_person("Petra", "Bakker"))
    overleg = services.overleg_create(
        by=regisseur, datum_tijd="2030-01-01T10:00+01:00", locatie="ZVH", soort="casusoverleg", voorzitter=regisseur
    )
    punt = services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
    services.agendapunt_add(overleg=overleg, casus=other, by=regisseur)
    services.agendapunt_verslag(punt=punt, by=regisseur, verslag="Besproken met de wijkagent", besluiten="")
    url = reverse("cases:overleg_pdf", args=[overleg.pk])

    response = verified_client(regisseur).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="agenda-casusoverleg-2030-01-01.pdf"'
    facts = tagged_pdf_facts(response.content)
    assert facts["struct_tree"] and facts["marked"] and facts["lang"].lower().startswith("nl") and facts["title"]
    text = " ".join(facts["text"].split())
    assert "Jan Vries" in text and "Petra Bakker" in text and "Besproken met de wijkagent" in text


def test_agenda_pdf_shows_a_partner_only_its_items(world):  # noqa: F811
    client = verified_client(world["users"][Role.KETENPARTNER])
    text = " ".join(
        tagged_pdf_facts(client.get(reverse("cases:overleg_pdf", args=[world["overleg"].pk])).content)["text"].split()
    )
    assert "Agendapunt 1 — " in text and world["casus_granted"].nummer in text
    assert "Agendapunt 2 — geen toegang" in text
    assert world["casus_other"].nummer not in text and "Bakker" not in text
