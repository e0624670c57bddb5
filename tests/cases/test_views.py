"""The case screens: forms show Dutch errors next to the field, keep what was typed, and call the services."""

from datetime import date

import pytest
from django.urls import reverse

from cases.choices import CasusStatus
from cases.models import Afspraak, Deelnemer, PlanVanAanpak
from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db


def test_transition_form_refuses_an_invalid_step_and_keeps_the_reason(casus, regisseur):
    client = verified_client(regisseur)
    url = reverse("cases:casus_transition", args=[casus.pk])
    page = client.get(url).content.decode()
    assert "Casusoverleg gepland" in page and "Afsluiten" not in page.replace("Voortijdig afsluiten", "")
    response = client.post(url, {"stap": "voortijdig_afsluiten", "reden": "Betrokkene verhuisd naar Groningen"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kies een afsluitreden" in page and "Kies het resultaat" in page
    assert "Betrokkene verhuisd naar Groningen" in page  # nothing typed is lost
    assert 'aria-invalid="true"' in page
    response = client.post(
        url, {"stap": "voortijdig_afsluiten", "reden": "Verhuisd", "afsluitreden": "verhuisd", "resultaat": "geen"}
    )
    assert response.status_code == 302
    casus.refresh_from_db()
    assert casus.status == CasusStatus.AFGESLOTEN


def test_plan_form_needs_a_goal(casus, regisseur):
    client = verified_client(regisseur)
    url = reverse("cases:plan_edit", args=[casus.pk])
    response = client.post(url, {"samenvatting": "Samen optrekken", "doelen": "  \n "})
    assert response.status_code == 200 and "Samen optrekken" in response.content.decode()
    response = client.post(url, {"samenvatting": "Samen optrekken", "doelen": "Woning\nSchulden\n"})
    assert response.status_code == 302, response.content.decode()[-3000:]
    plan = PlanVanAanpak.objects.get(casus=casus)
    assert list(plan.doelen.values_list("omschrijving", flat=True)) == ["Woning", "Schulden"]


def test_afspraak_form_and_overdue_flag(casus, regisseur, politie):
    client = verified_client(regisseur)
    response = client.post(
        reverse("cases:afspraak_create", args=[casus.pk]), {"actie": "Huisbezoek", "deadline": "2020-01-01"}
    )
    assert "Kies een organisatie of persoon" in response.content.decode()
    client.post(
        reverse("cases:afspraak_create", args=[casus.pk]),
        {"actie": "Huisbezoek", "deadline": "2020-01-01", "eigenaar_organisatie": politie.pk},
    )
    assert Afspraak.objects.get(actie="Huisbezoek").eigenaar_organisatie == politie
    assert "te laat" in client.get(reverse("cases:casus_detail", args=[casus.pk])).content.decode()


def test_partner_marks_only_their_own_organisations_afspraak_done(casus, regisseur, politie):
    from cases import services
    from tests.factories import OrganisationFactory

    own = services.afspraak_create(
        casus=casus, by=regisseur, actie="A", deadline=date(2030, 1, 1), eigenaar_organisatie=politie
    )
    other = services.afspraak_create(
        casus=casus,
        by=regisseur,
        actie="B",
        deadline=date(2030, 1, 1),
        eigenaar_organisatie=OrganisationFactory(name="GGZ"),
    )
    client = verified_client(make_user(Role.KETENPARTNER, organisation=politie))
    client.post(reverse("cases:afspraak_status", args=[own.pk]), {"status": "gereed"})
    client.post(reverse("cases:afspraak_status", args=[other.pk]), {"status": "gereed"})
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.status == "gereed" and own.gereed_op
    assert other.status == "open"


def test_meeting_planning_agenda_by_number_and_confidentiality(regisseur, casus):
    secretariaat = make_user(Role.SECRETARIAAT)
    client = verified_client(secretariaat)
    response = client.post(
        reverse("cases:overleg_create"),
        {
            "datum": "2030-03-05",
            "tijd": "13:30",
            "locatie": "Zaal Mark",
            "soort": "casusoverleg",
            "voorzitter": regisseur.pk,
            "ondersteuning": [secretariaat.pk],
        },
    )
    assert response.status_code == 302
    overleg_url = response["Location"]
    overleg_pk = int(overleg_url.rstrip("/").split("/")[-1])
    # Only a procesregisseur puts cases on the agenda, by number (no list of all cases, no names in the URL).
    regie = verified_client(regisseur)
    regie.post(reverse("cases:agendapunt_add", args=[overleg_pk]), {"casusnummer": casus.nummer.lower()})
    casus.refresh_from_db()
    assert casus.status == CasusStatus.OVERLEG_GEPLAND
    page = client.get(overleg_url).content.decode()
    assert casus.nummer in page and "Jan Vries" in page  # secretariaat supports this meeting
    response = client.post(
        reverse("cases:deelnemer_add", args=[overleg_pk]),
        {"naam": "Gast van de woningcorporatie", "organisatie": casus.gemeente_id, "incidenteel": "on"},
    )
    assert "geheimhoudingsverklaring accepteren" in response.content.decode()
    client.post(
        reverse("cases:deelnemer_add", args=[overleg_pk]),
        {"naam": "Gast", "organisatie": casus.gemeente_id, "incidenteel": "on", "geheimhouding_geaccepteerd": "on"},
    )
    assert Deelnemer.objects.get(naam="Gast").geheimhouding_geaccepteerd_op is not None


def test_minutes_and_afspraken_per_agenda_item(regisseur, casus, politie):
    from cases import services

    overleg = services.overleg_create(
        by=regisseur, datum_tijd="2030-01-01T10:00+01:00", locatie="ZVH", soort="casusoverleg", voorzitter=regisseur
    )
    punt = services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
    client = verified_client(regisseur)
    client.post(reverse("cases:agendapunt_verslag", args=[punt.pk]), {"verslag": "Besproken", "besluiten": "Opschalen"})
    client.post(
        reverse("cases:agendapunt_afspraak", args=[punt.pk]),
        {"afspraak-actie": "Screening", "afspraak-eigenaar_organisatie": politie.pk, "afspraak-deadline": "2030-02-01"},
    )
    punt.refresh_from_db()
    assert punt.verslag == "Besproken" and punt.afspraken.get().actie == "Screening"
    page = client.get(reverse("cases:overleg_print", args=[overleg.pk])).content.decode()
    assert "Besproken" in page and "Screening" in page and "Vertrouwelijk" in page


def test_search_is_posted_and_tolerant(casus, regisseur):
    client = verified_client(regisseur)
    assert "Zoeken" in client.get(reverse("cases:search")).content.decode()
    for term in ("vries", "Jan", "jan vr", "Vriés"):
        page = client.post(reverse("cases:search"), {"naam": term}, follow=True).content.decode()
        assert "Jan Vries" in page, term
    page = client.post(reverse("cases:search"), {}, follow=True).content.decode()
    assert "Vul ten minste één zoekveld in" in page
    page = client.post(reverse("cases:search"), {"casusnummer": casus.nummer}, follow=True).content.decode()
    assert casus.nummer in page


def test_bad_filter_input_is_not_an_error(casus, regisseur):
    response = verified_client(regisseur).get(reverse("cases:casus_list"), {"status": "bestaat-niet", "pagina": "x"})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_plan_sets_the_casusregisseur(casus, regisseur, politie):
    partner = make_user(Role.KETENPARTNER, organisation=politie)
    client = verified_client(regisseur)
    url = reverse("cases:plan_edit", args=[casus.pk])
    client.post(url, {"doelen": "Woning", "casusregisseur_persoon": partner.pk})
    casus.refresh_from_db()
    assert casus.casusregisseur_persoon == partner and casus.casusregisseur_organisatie == politie
    page = client.get(reverse("cases:casus_detail", args=[casus.pk])).content.decode()
    assert partner.display_name in page
