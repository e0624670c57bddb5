"""Need-to-know for mensenhandel: the team only (every role), partners through grants on the linked case."""

import pytest
from django.urls import reverse

from cases import services as case_services
from cases.access import CASUS
from mensenhandel.access import SIGNAAL, TRAJECT
from privacy.models import AccessLogEntry
from tests.conftest import make_user, verified_client
from zvh.access import conditions
from zvh.accounts.choices import Role

from .world import join_team, new_signaal, new_traject

pytestmark = pytest.mark.django_db


def _grant(traject, regisseur, organisation):
    case_services.grant_create(
        casus=traject.casus, by=regisseur, organisatie=organisation, rol="deelnemer", doel="Opvang en begeleiding."
    )


def test_a_regisseur_outside_the_team_sees_no_signal_traject_case_or_person(regisseur, outsider):
    traject = new_traject(regisseur)
    for key, pk in ((SIGNAAL, traject.signaal_id), (TRAJECT, traject.pk), (CASUS, traject.casus_id)):
        assert conditions.visible(regisseur, key).filter(pk=pk).exists()
        assert not conditions.visible(outsider, key).filter(pk=pk).exists()
    assert conditions.persons_visible(regisseur).filter(pk=traject.persoon_id).exists()
    assert not conditions.persons_visible(outsider).filter(pk=traject.persoon_id).exists()


def test_a_partner_sees_a_traject_only_with_a_grant_and_as_team_member(regisseur):
    traject = new_traject(regisseur)
    partner = make_user(Role.KETENPARTNER)
    join_team(partner)
    assert not conditions.visible(partner, TRAJECT).exists()
    _grant(traject, regisseur, partner.organisation)
    partner.forget_memberships()
    assert list(conditions.visible(partner, TRAJECT)) == [traject]
    assert not conditions.visible(partner, SIGNAAL).exists()  # signalen stay with the team's regisseurs


def test_a_grant_alone_does_not_open_the_restricted_theme(regisseur):
    traject = new_traject(regisseur)
    politie = make_user(Role.KETENPARTNER)  # not in the team
    _grant(traject, regisseur, politie.organisation)
    assert not conditions.visible(politie, TRAJECT).exists()
    assert not conditions.visible(politie, CASUS).filter(pk=traject.casus_id).exists()


@pytest.mark.parametrize("role", [Role.SECRETARIAAT, Role.MANAGER, Role.FG, Role.BEHEERDER])
def test_other_roles_see_nothing_even_in_the_team(regisseur, role):
    new_traject(regisseur)
    user = make_user(role)
    join_team(user)
    assert not conditions.visible(user, TRAJECT).exists()
    assert not conditions.visible(user, SIGNAAL).exists()


def test_outsider_gets_403_on_team_pages_and_404_on_a_traject_and_the_attempt_is_logged(regisseur, outsider):
    traject = new_traject(regisseur)
    client = verified_client(outsider)
    assert client.get(reverse("mensenhandel:signaal_list")).status_code == 403
    assert client.get(reverse("mensenhandel:traject_detail", args=[traject.pk])).status_code == 404
    denied = AccessLogEntry.objects.filter(object_type=TRAJECT, result="denied", user=outsider)
    assert denied.count() == 1
    response = client.get(reverse("mensenhandel:traject_list"))
    assert response.status_code == 200
    assert "Popescu" not in response.content.decode()


def test_outsider_search_does_not_find_the_victim(regisseur, outsider):
    traject = new_traject(regisseur)
    link = reverse("cases:persoon_detail", args=[traject.persoon_id])
    for user, found in ((regisseur, True), (outsider, False)):
        response = verified_client(user).post(reverse("cases:search"), {"naam": "Popescu"}, follow=True)
        assert response.status_code == 200
        assert (link in response.content.decode()) is found


def test_signaal_list_is_scoped_and_logged(regisseur):
    signaal = new_signaal(regisseur)
    client = verified_client(regisseur)
    response = client.get(reverse("mensenhandel:signaal_list"))
    assert response.status_code == 200
    entry = AccessLogEntry.objects.filter(object_type=SIGNAAL, action="list").latest("timestamp")
    assert entry.object_ids == [str(signaal.pk)]


def test_signaal_list_query_count_does_not_grow_with_rows(regisseur, django_assert_max_num_queries):
    client = verified_client(regisseur)
    new_signaal(regisseur)
    client.get(reverse("mensenhandel:signaal_list"))
    for _i in range(5):
        new_signaal(regisseur, persoon_data={"voornamen": "X", "achternaam": f"Persoon{_i}"})
    with django_assert_max_num_queries(12):
        response = client.get(reverse("mensenhandel:signaal_list"))
    assert response.status_code == 200
