from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Agendapunt
from mensenhandel.choices import ProcedureSoort
from mensenhandel.models import AdresInzage, Signaal, Traject
from mensenhandel.services import OPVANGADRES as REVEAL_TYPE
from privacy.models import AccessLogEntry
from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role

from .world import OPVANGADRES, gemeente_breda, join_team, new_traject

pytestmark = pytest.mark.django_db


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("mensenhandel:signaal_list"))
    assert response.status_code == 302
    assert reverse("two_factor:login") in response["Location"]


def test_signal_to_traject_to_procedure_through_the_pages(team_client, regisseur):
    gemeente = gemeente_breda()
    today = timezone.localdate()
    response = team_client.post(
        reverse("mensenhandel:signaal_create"),
        {
            "ontvangen_op": today.isoformat(),
            "signalerende_organisatie": "ggd",
            "vorm": "arbeid",
            "nationaliteit": "Pools",
            "gemeente": gemeente.pk,
            "voornamen": "Marek",
            "achternaam": "Nowak",
        },
    )
    signaal = Signaal.objects.get()
    assert response["Location"] == reverse("mensenhandel:signaal_detail", args=[signaal.pk])
    assert signaal.persoon.achternaam == "Nowak"
    page = team_client.get(response["Location"]).content.decode()
    assert "Nowak" in page and "arbeidsuitbuiting" in page
    response = team_client.post(
        reverse("mensenhandel:traject_start", args=[signaal.pk]),
        {"zorgcoordinator": regisseur.pk, "opvang_soort": "categoraal"},
    )
    traject = Traject.objects.get()
    assert response["Location"] == reverse("mensenhandel:traject_detail", args=[traject.pk])
    bedenktijd = traject.procedures.get(soort=ProcedureSoort.BEDENKTIJD)
    response = team_client.post(
        reverse("mensenhandel:procedure_edit", args=[bedenktijd.pk]),
        {"status": "lopend", "datum": (today - timedelta(days=80)).isoformat(), "einddatum": ""},
    )
    assert response.status_code == 302
    page = team_client.get(reverse("mensenhandel:traject_detail", args=[traject.pk])).content.decode()
    assert "eindigt binnen 14 dagen" in page


def test_bad_input_gives_a_dutch_error_not_a_500(team_client, regisseur):
    traject = new_traject(regisseur, adres=None, bedenktijd_eind_over=None)
    bedenktijd = traject.procedures.get(soort=ProcedureSoort.BEDENKTIJD)
    today = timezone.localdate()
    response = team_client.post(
        reverse("mensenhandel:procedure_edit", args=[bedenktijd.pk]),
        {"status": "lopend", "datum": today.isoformat(), "einddatum": (today + timedelta(days=120)).isoformat()},
    )
    assert response.status_code == 200
    assert "ten hoogste drie maanden" in response.content.decode()
    response = team_client.post(reverse("mensenhandel:signaal_create"), {"ontvangen_op": "gisteren"})
    assert response.status_code == 200
    assert "Controleer het formulier" in response.content.decode()


def test_the_address_is_hidden_on_the_detail_page_also_for_the_team(team_client, regisseur):
    traject = new_traject(regisseur)
    page = team_client.get(reverse("mensenhandel:traject_detail", args=[traject.pk])).content.decode()
    assert "Opvangstraat" not in page
    assert "Opvangadres tonen" in page
    edit = team_client.get(reverse("mensenhandel:opvangadres_edit", args=[traject.pk])).content.decode()
    assert "Opvangstraat" not in edit


def test_reveal_needs_a_reason_and_is_logged_as_its_own_action(team_client, regisseur):
    traject = new_traject(regisseur)
    url = reverse("mensenhandel:opvangadres_reveal", args=[traject.pk])
    response = team_client.post(url, {"reden": ""})
    assert "Opvangstraat" not in response.content.decode()
    assert not AccessLogEntry.objects.filter(action="reveal").exists()
    response = team_client.post(url, {"reden": "Taxi naar de opvang regelen"})
    assert OPVANGADRES in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    entry = AccessLogEntry.objects.get(action="reveal")
    assert entry.object_type == REVEAL_TYPE
    assert entry.object_ids == [str(traject.pk)]
    assert entry.user == regisseur
    assert list(entry.persons.values_list("person_id", flat=True)) == [traject.persoon_id]
    assert AdresInzage.objects.get().reden == "Taxi naar de opvang regelen"
    assert team_client.get(url).status_code == 405  # never on a GET


def test_a_partner_with_a_grant_sees_the_traject_but_never_the_address(regisseur):
    from cases import services as case_services

    traject = new_traject(regisseur)
    partner = make_user(Role.KETENPARTNER)
    join_team(partner)
    case_services.grant_create(
        casus=traject.casus, by=regisseur, organisatie=partner.organisation, rol="deelnemer", doel="Opvang."
    )
    client = verified_client(partner)
    page = client.get(reverse("mensenhandel:traject_detail", args=[traject.pk])).content.decode()
    assert "Popescu" in page and "Opvangstraat" not in page and "Opvangadres tonen" not in page
    url = reverse("mensenhandel:opvangadres_reveal", args=[traject.pk])
    assert client.post(url, {"reden": "Ik wil het weten"}).status_code == 403


def test_put_the_traject_case_on_a_casusoverleg(team_client, regisseur):
    from cases import services as case_services

    traject = new_traject(regisseur)
    overleg = case_services.overleg_create(
        by=regisseur,
        datum_tijd=timezone.now() + timedelta(days=3),
        locatie="ZVH",
        soort="casusoverleg",
        voorzitter=regisseur,
    )
    response = team_client.post(reverse("mensenhandel:overleg_add", args=[traject.pk]), {"overleg": overleg.pk})
    assert response.status_code == 302
    assert Agendapunt.objects.filter(overleg=overleg, casus=traject.casus).exists()
    again = team_client.post(reverse("mensenhandel:overleg_add", args=[traject.pk]), {"overleg": overleg.pk})
    assert "staat al op de agenda" in again.content.decode()


def test_mijn_werk_flags_a_bedenktijd_ending_within_14_days(team_client, regisseur, outsider):
    soon = new_traject(regisseur, bedenktijd_eind_over=5)
    later = new_traject(
        regisseur, persoon_data={"voornamen": "Olena", "achternaam": "Kovalenko"}, bedenktijd_eind_over=40
    )
    page = team_client.get(reverse("cases:dashboard")).content.decode()
    assert "Bedenktijd die binnen 14 dagen eindigt" in page
    assert reverse("mensenhandel:traject_detail", args=[soon.pk]) in page
    assert reverse("mensenhandel:traject_detail", args=[later.pk]) not in page
    assert "nog 5 dagen" in page
    other = verified_client(outsider).get(reverse("cases:dashboard")).content.decode()
    assert "Popescu" not in other and "Bedenktijd die binnen" not in other


def test_advies_mensenhandel_records_gevraagd_or_ongevraagd(team_client):
    from tests.factories import OrganisationFactory
    from triage.models import Advies

    org = OrganisationFactory(name="GGD West-Brabant")
    response = team_client.post(
        reverse("mensenhandel:advies_list"),
        {
            "datum": timezone.localdate().isoformat(),
            "aanleiding": "ongevraagd",
            "organisatie": org.pk,
            "vrager": "J. de Wit",
            "vraag": "Signalen in de nagelstudio's",
            "advies": "Signaleringskaart gedeeld",
            "tijd_minuten": 20,
        },
    )
    assert response.status_code == 302
    advies = Advies.objects.get()
    assert (advies.thema, advies.aanleiding) == ("mensenhandel", "ongevraagd")
    assert "ongevraagd" in team_client.get(reverse("mensenhandel:advies_list")).content.decode()


def test_advies_mensenhandel_is_not_in_the_general_advies_list_outside_the_team(team_client, regisseur, outsider):
    from tests.factories import OrganisationFactory
    from triage.services import advies_register

    common = {"organisatie": OrganisationFactory(name="GGD West-Brabant"), "vrager": "X", "advies": "a"}
    day = timezone.localdate()
    advies_register(
        by=regisseur, datum=day, thema="mensenhandel", vraag="Uitbuiting nagelstudio", tijd_minuten=5, **common
    )
    advies_register(by=regisseur, datum=day, thema="complex", vraag="Overlast portiek", tijd_minuten=5, **common)
    for user, sees in ((regisseur, True), (outsider, False)):
        page = verified_client(user).get(reverse("triage:advies_list")).content.decode()
        assert "Overlast portiek" in page
        assert ("Uitbuiting nagelstudio" in page) is sees
