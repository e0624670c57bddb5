"""Need-to-know for contextverzoeken: the requester sees only its own organisation's verzoeken and never the
person in the register; a partner outside the ZSM team sees nothing; every procesregisseur sees all."""

import pytest
from django.urls import reverse

from privacy.models import AccessLogEntry
from tests.conftest import make_user, verified_client
from zsm.access import CONTEXTVERZOEK
from zvh.access import conditions
from zvh.accounts.choices import Role

from .world import JAN, JAN_GEBOORTEDATUM, join_team, new_verzoek

pytestmark = pytest.mark.django_db


def test_the_zsm_account_sees_only_its_own_organisations_verzoeken(zsm_user, regisseur):
    own = new_verzoek(zsm_user)
    politie_partner = make_user(Role.KETENPARTNER)
    join_team(politie_partner)
    other = new_verzoek(politie_partner)
    assert list(conditions.visible(zsm_user, CONTEXTVERZOEK)) == [own]
    assert list(conditions.visible(politie_partner, CONTEXTVERZOEK)) == [other]
    assert set(conditions.visible(regisseur, CONTEXTVERZOEK)) == {own, other}
    assert set(conditions.visible(make_user(Role.PROCESREGISSEUR), CONTEXTVERZOEK)) == {own, other}


def test_the_requester_never_sees_the_registered_person(zsm_user, regisseur):
    verzoek = new_verzoek(zsm_user, **JAN, geboortedatum=JAN_GEBOORTEDATUM)
    assert not conditions.persons_visible(zsm_user).filter(pk=verzoek.persoon_id).exists()
    assert conditions.persons_visible(regisseur).filter(pk=verzoek.persoon_id).exists()
    client = verified_client(zsm_user)
    assert client.get(reverse("cases:persoon_detail", args=[verzoek.persoon_id])).status_code == 404
    found = client.post(reverse("cases:search"), {"naam": "Vries"}, follow=True).content.decode()
    assert reverse("cases:persoon_detail", args=[verzoek.persoon_id]) not in found  # the search finds nobody
    found = verified_client(regisseur).post(reverse("cases:search"), {"naam": "Vries"}, follow=True).content.decode()
    assert reverse("cases:persoon_detail", args=[verzoek.persoon_id]) in found


def test_a_politie_user_without_the_team_gets_404_on_a_verzoek_and_403_on_the_pages(zsm_user):
    verzoek = new_verzoek(zsm_user)
    politie = make_user(Role.KETENPARTNER)
    client = verified_client(politie)
    assert client.get(reverse("zsm:verzoek_detail", args=[verzoek.pk])).status_code == 404
    denied = AccessLogEntry.objects.get(object_type=CONTEXTVERZOEK, user=politie)
    assert (denied.result, denied.on_behalf_of_id) == ("denied", zsm_user.organisation_id)
    assert client.get(reverse("zsm:verzoek_list")).status_code == 403
    assert client.get(reverse("zsm:verzoek_create")).status_code == 403


def test_a_politie_user_in_the_team_still_gets_404_on_the_oms_verzoek(zsm_user):
    verzoek = new_verzoek(zsm_user)
    politie = make_user(Role.KETENPARTNER)
    join_team(politie)
    assert verified_client(politie).get(reverse("zsm:verzoek_detail", args=[verzoek.pk])).status_code == 404


@pytest.mark.parametrize("role", [Role.SECRETARIAAT, Role.MANAGER, Role.FG, Role.BEHEERDER])
def test_other_roles_see_nothing_even_in_the_team(zsm_user, role):
    new_verzoek(zsm_user)
    user = make_user(role)
    join_team(user)
    assert not conditions.visible(user, CONTEXTVERZOEK).exists()
