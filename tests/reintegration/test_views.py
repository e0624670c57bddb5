from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from privacy.models import AccessLogEntry
from reintegration import services
from reintegration.choices import Toestemming, TrajectStatus, VoorwaardeSoort
from reintegration.models import Traject
from tests.conftest import verified_client

from .world import act_with_consent, gemeente, persoon, traject, voorwaarde

pytestmark = pytest.mark.django_db


def test_coordinator_list_shows_own_gemeente_with_signal(regisseur, coord):
    soon = traject(regisseur, release=timezone.localdate() + timedelta(days=8))
    other = traject(regisseur, person=persoon("Ada", "Berg"), gem=gemeente("Zundert"))
    response = verified_client(coord).get(reverse("reintegration:traject_list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert f"Traject {soon.pk}<" in body and f"Traject {other.pk}<" not in body
    assert "Vrijlating nabij, voorwaarden open" in body


def test_list_is_logged_with_persons(regisseur, coord):
    t = traject(regisseur)
    verified_client(coord).get(reverse("reintegration:traject_list"))
    entry = AccessLogEntry.objects.filter(object_type="reintegration.traject").latest("pk")
    assert t.pk in [int(i) for i in entry.object_ids]


def test_coordinator_enters_a_melding_by_hand(coord):
    today = timezone.localdate()
    data = {
        "voornamen": "Ronald",
        "achternaam": "Kok",
        "bsn": "999990068",
        "geboortedatum": "1985-03-14",
        "gemeente": coord.organisation.pk,
        "begin_detentie": (today - timedelta(days=90)).isoformat(),
        "verwachte_vrijlating": (today + timedelta(days=8)).isoformat(),
        "inrichting": "PI Breda",
    }
    response = verified_client(coord).post(reverse("reintegration:traject_create"), data)
    t = Traject.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reintegration:traject_detail", args=[t.pk])
    again = verified_client(coord).post(reverse("reintegration:traject_create"), data)
    assert again.status_code == 200 and "al gemeld" in again.content.decode()


def test_bad_dates_give_a_dutch_error_not_a_500(coord):
    data = {
        "voornamen": "Ronald",
        "achternaam": "Kok",
        "geboortedatum": "1985-03-14",
        "gemeente": coord.organisation.pk,
        "begin_detentie": "2026-05-01",
        "verwachte_vrijlating": "2026-04-01",
        "inrichting": "PI Breda",
    }
    response = verified_client(coord).post(reverse("reintegration:traject_create"), data)
    assert response.status_code == 200 and "vóór het begin" in response.content.decode()


def test_partner_detail_shows_only_consented_voorwaarde(regisseur, politie_user):
    t = traject(regisseur)
    act_with_consent(regisseur, t, politie_user.organisation)
    services.voorwaarde_update(
        voorwaarde=voorwaarde(t, VoorwaardeSoort.SCHULDEN), by=regisseur, status="knelpunt", notitie="Geheime schuld"
    )
    body = verified_client(politie_user).get(reverse("reintegration:traject_detail", args=[t.pk])).content.decode()
    assert 'id="voorwaarde-onderdak"' in body
    assert 'id="voorwaarde-schulden"' not in body and "Geheime schuld" not in body
    assert "Status wijzigen" not in body


def test_withdrawing_consent_through_the_page_hides_it_at_once(regisseur, coord, politie_user):
    t = traject(regisseur)
    v = act_with_consent(regisseur, t, politie_user.organisation)
    services.toegang_grant(traject=t, by=regisseur, organisatie=politie_user.organisation, doel="Zicht")
    partner = verified_client(politie_user)
    url = reverse("reintegration:traject_detail", args=[t.pk])
    assert 'id="voorwaarde-onderdak"' in partner.get(url).content.decode()
    response = verified_client(coord).post(
        reverse("reintegration:voorwaarde_consent", args=[t.pk, v.pk]), {"toestemming": Toestemming.INGETROKKEN}
    )
    assert response.status_code == 302
    assert 'id="voorwaarde-onderdak"' not in partner.get(url).content.decode()


def test_transition_page_releases_and_records_reason(regisseur, coord):
    t = traject(regisseur)
    response = verified_client(coord).post(
        reverse("reintegration:traject_transition", args=[t.pk]), {"stap": "vrijlaten", "reden": "Vrij"}
    )
    assert response.status_code == 302
    t.refresh_from_db()
    assert t.status == TrajectStatus.NAZORG and t.stappen.last().door == coord


def test_unknown_transition_is_a_form_error(regisseur):
    t = traject(regisseur)
    response = verified_client(regisseur).post(
        reverse("reintegration:traject_transition", args=[t.pk]), {"stap": "afronden"}
    )
    assert response.status_code == 200
    t.refresh_from_db()
    assert t.status == TrajectStatus.GEMELD


def test_coordinator_of_other_gemeente_gets_404(regisseur):
    from .world import coordinator

    t = traject(regisseur)
    other = verified_client(coordinator("Oosterhout"))
    assert other.get(reverse("reintegration:traject_detail", args=[t.pk])).status_code == 404
    assert other.get(reverse("reintegration:traject_transition", args=[t.pk])).status_code == 404


def test_isd_create_refuses_more_than_two_years(coord):
    data = {
        "voornamen": "Sander",
        "tussenvoegsel": "de",
        "achternaam": "Bruijn",
        "geboortedatum": "1988-06-06",
        "gemeente": coord.organisation.pk,
        "vonnis_datum": "2026-01-01",
        "startdatum": "2026-02-01",
        "einddatum": "2028-03-01",
        "inrichting": "PI Vught",
    }
    response = verified_client(coord).post(reverse("reintegration:isd_create"), data)
    assert response.status_code == 200 and "ten hoogste twee jaar" in response.content.decode()
    response = verified_client(coord).post(reverse("reintegration:isd_create"), {**data, "einddatum": ""})
    assert response.status_code == 302


def test_list_query_budget_does_not_grow(regisseur, coord, django_assert_max_num_queries):
    client = verified_client(coord)
    for i in range(3):
        traject(regisseur, person=persoon("Ada", f"Berg{i}"))
    with django_assert_max_num_queries(20) as small:
        client.get(reverse("reintegration:traject_list"))
    for i in range(10):
        traject(regisseur, person=persoon("Bob", f"Vos{i}"))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("reintegration:traject_list"))


def test_person_page_lists_the_traject_for_the_coordinator_only(regisseur, coord, politie_user):
    t = traject(regisseur)
    url = reverse("cases:persoon_detail", args=[t.persoon_id])
    response = verified_client(coord).get(url)
    assert response.status_code == 200
    assert reverse("reintegration:traject_detail", args=[t.pk]) in response.content.decode()
    assert verified_client(politie_user).get(url).status_code == 404


def test_expected_release_moves_and_toegang_ends(regisseur, coord, politie_user):
    t = traject(regisseur)
    toegang = services.toegang_grant(traject=t, by=regisseur, organisatie=politie_user.organisation, doel="Zicht")
    client = verified_client(coord)
    new = timezone.localdate() + timedelta(days=60)
    response = client.post(reverse("reintegration:traject_dates", args=[t.pk]), {"verwachte_vrijlating": new})
    assert response.status_code == 302
    t.refresh_from_db()
    assert t.verwachte_vrijlating == new
    too_early = client.post(
        reverse("reintegration:traject_dates", args=[t.pk]), {"verwachte_vrijlating": t.begin_detentie - timedelta(1)}
    )
    assert too_early.status_code == 200 and "vóór het begin" in too_early.content.decode()
    partner = verified_client(politie_user)
    assert partner.get(reverse("reintegration:traject_detail", args=[t.pk])).status_code == 200
    client.post(reverse("reintegration:toegang_end", args=[t.pk, toegang.pk]))
    assert partner.get(reverse("reintegration:traject_detail", args=[t.pk])).status_code == 404


def test_isd_close(regisseur, coord):
    from .world import gemeente as gem

    isd = services.isd_create(
        by=regisseur,
        persoon=persoon("Sander", "de Bruijn"),
        gemeente=gem(),
        vonnis_datum=timezone.localdate() - timedelta(days=100),
        startdatum=timezone.localdate() - timedelta(days=90),
        inrichting="PI Vught",
    )
    response = verified_client(coord).post(reverse("reintegration:isd_close", args=[isd.pk]))
    assert response.status_code == 302
    isd.refresh_from_db()
    assert isd.afgerond
