"""Putting cases on a casusoverleg agenda: from the list of waiting cases and from the case page (issue 16)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.choices import CasusStatus, Thema
from cases.models import Agendapunt
from privacy.models import AccessLogEntry
from tests.conftest import verified_client

from .world import make_person, open_case

pytestmark = pytest.mark.django_db


def coming(regisseur, days: int):
    return services.overleg_create(
        by=regisseur,
        datum_tijd=timezone.now() + timedelta(days=days),
        locatie="ZVH",
        soort="casusoverleg",
        voorzitter=regisseur,
    )


def test_waiting_cases_are_listed_on_the_overleg_and_added_in_one_go(regisseur, politie, casus):
    other = open_case(regisseur=regisseur, partner=politie, persoon=make_person("Petra", "Bakker"))
    restricted = open_case(
        regisseur=regisseur, partner=politie, persoon=make_person("Karel", "Willems"), thema=Thema.RADICALISERING
    )
    overleg = coming(regisseur, 7)
    client = verified_client(regisseur)
    page = client.get(reverse("cases:overleg_detail", args=[overleg.pk])).content.decode()
    assert "Casussen die wachten op een casusoverleg" in page
    assert casus.nummer in page and other.nummer in page and "Karel Willems" not in page  # Weegploeg only
    logged = AccessLogEntry.objects.filter(object_type="cases.casus", action="list")
    assert any(str(casus.pk) in map(str, e.object_ids) for e in logged)
    response = client.post(
        reverse("cases:agendapunt_add_waiting", args=[overleg.pk]), {"casussen": [casus.pk, other.pk]}
    )
    assert response.status_code == 302
    assert set(Agendapunt.objects.filter(overleg=overleg).values_list("casus", flat=True)) == {casus.pk, other.pk}
    casus.refresh_from_db()
    assert casus.status == CasusStatus.OVERLEG_GEPLAND
    # No longer waiting, and a case the user may not see is an invalid choice, not a 500.
    page = client.get(reverse("cases:overleg_detail", args=[overleg.pk])).content.decode()
    assert "Casussen die wachten op een casusoverleg" not in page
    client.post(reverse("cases:agendapunt_add_waiting", args=[overleg.pk]), {"casussen": [restricted.pk]})
    assert not Agendapunt.objects.filter(casus=restricted).exists()


def test_op_de_agenda_zetten_from_the_case_page_offers_the_next_overleg_first(regisseur, casus):
    later, sooner = coming(regisseur, 14), coming(regisseur, 3)
    client = verified_client(regisseur)
    page = client.get(reverse("cases:casus_detail", args=[casus.pk])).content.decode()
    assert "Op de agenda zetten" in page
    assert page.index(f'value="{sooner.pk}" selected') < page.index(f'value="{later.pk}"')
    response = client.post(reverse("cases:casus_agenderen", args=[casus.pk]), {"overleg": later.pk})
    assert response.status_code == 302 and response["Location"] == reverse("cases:overleg_detail", args=[later.pk])
    assert Agendapunt.objects.filter(overleg=later, casus=casus).exists()
    again = client.post(reverse("cases:casus_agenderen", args=[casus.pk]), {"overleg": later.pk}, follow=True)
    assert "Deze casus staat al op de agenda van dit overleg." in again.content.decode()
    page = client.get(reverse("cases:casus_detail", args=[casus.pk])).content.decode()
    assert f'value="{later.pk}"' not in page  # already on it: no longer offered


def test_a_closed_case_shows_no_agenda_form_and_a_partner_cannot_post(regisseur, casus, client_for):
    coming(regisseur, 3)
    services.casus_transition(
        casus=casus,
        name="voortijdig_afsluiten",
        by=regisseur,
        reden="Verhuisd",
        afsluitreden="verhuisd",
        resultaat="geen",
    )
    page = verified_client(regisseur).get(reverse("cases:casus_detail", args=[casus.pk])).content.decode()
    assert 'action="' + reverse("cases:casus_agenderen", args=[casus.pk]) not in page
    client, _partner = client_for("ketenpartner")
    assert client.post(reverse("cases:casus_agenderen", args=[casus.pk]), {}).status_code == 403
