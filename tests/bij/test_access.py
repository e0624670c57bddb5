"""Who sees what of BIJ, through the access layer (SQL conditions, persons, theme)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bij import services
from bij.access import ADVIES, MELDING
from tests.conftest import make_user
from tests.factories import OrganisationFactory
from zvh.access.conditions import persons_visible, visible
from zvh.accounts.choices import Role

from .world import advised, bij_regisseur, melding, oov_adviseur

pytestmark = pytest.mark.django_db


def ids(user, key=MELDING) -> set[int]:
    return set(visible(user, key).values_list("pk", flat=True))


def test_bij_team_sees_every_melding_other_procesregisseurs_none():
    regisseur = bij_regisseur()
    m = melding(regisseur)
    assert ids(regisseur) == {m.pk}
    assert ids(make_user(Role.PROCESREGISSEUR)) == set()


@pytest.mark.parametrize("role", [Role.SECRETARIAAT, Role.MANAGER, Role.FG, Role.BEHEERDER, Role.KETENPARTNER])
def test_other_roles_see_no_melding_nor_its_person(role):
    m = melding(bij_regisseur())
    user = make_user(role)
    assert ids(user) == set()
    assert ids(user, ADVIES) == set()
    assert not persons_visible(user).filter(pk=m.persoon_id).exists()


def test_an_invited_partner_sees_only_that_melding_while_the_invitation_lasts():
    regisseur = bij_regisseur()
    invited, other = melding(regisseur), melding(regisseur, days=3)
    politie = make_user(Role.KETENPARTNER)
    services.uitnodiging_create(melding=invited, by=regisseur, organisatie=politie.organisation, doel="Risicotaxatie")
    assert ids(politie) == {invited.pk}
    assert persons_visible(politie).filter(pk=invited.persoon_id).exists()
    assert not persons_visible(politie).filter(pk=other.persoon_id).exists()
    invited.uitnodigingen.update(geldig_tot=timezone.now() - timedelta(minutes=1))
    assert ids(politie) == set()


def test_a_personal_invitation_does_not_open_it_for_colleagues():
    regisseur = bij_regisseur()
    m = melding(regisseur)
    org = OrganisationFactory(reclassering=True)
    invited, colleague = make_user(Role.KETENPARTNER, organisation=org), make_user(Role.KETENPARTNER, organisation=org)
    services.uitnodiging_create(melding=m, by=regisseur, user=invited, doel="Reclasseringsadvies")
    assert ids(invited) == {m.pk}
    assert ids(colleague) == set()


def test_the_oov_adviseur_sees_only_issued_advice_for_their_own_gemeente_never_the_melding():
    regisseur = bij_regisseur()
    breda, oosterhout = oov_adviseur("Gemeente Breda"), oov_adviseur("Gemeente Oosterhout")
    not_yet = melding(regisseur, days=5)
    advies = advised(regisseur, melding(regisseur), gemeente_org=breda.organisation)
    assert ids(breda, ADVIES) == {advies.pk}
    assert ids(oosterhout, ADVIES) == set()
    assert ids(breda) == set()
    assert not persons_visible(breda).filter(pk=not_yet.persoon_id).exists()


def test_a_gemeente_user_outside_the_oov_team_sees_no_advice():
    regisseur = bij_regisseur()
    oov = oov_adviseur()
    advised(regisseur, melding(regisseur), gemeente_org=oov.organisation)
    colleague = make_user(Role.KETENPARTNER, organisation=oov.organisation)
    assert ids(colleague, ADVIES) == set()
