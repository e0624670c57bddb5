"""Need-to-know for trajecten and ISD-trajecten through the access layer."""

from datetime import date

import pytest

from reintegration import services
from reintegration.access import ISD, TRAJECT, voorwaarde_condition
from reintegration.choices import Toestemming, VoorwaardeSoort
from reintegration.models import Basisvoorwaarde
from tests.conftest import make_user
from zvh.access.conditions import persons_visible, visible
from zvh.accounts.choices import Role

from .world import act_with_consent, coordinator, gemeente, persoon, traject

pytestmark = pytest.mark.django_db


def _pks(user, key=TRAJECT):
    return set(visible(user, key).values_list("pk", flat=True))


def test_procesregisseur_sees_every_traject(regisseur):
    a = traject(regisseur)
    b = traject(regisseur, person=persoon("Ada", "Berg"), gem=gemeente("Zundert"))
    assert _pks(regisseur) == {a.pk, b.pk}


def test_coordinator_sees_own_gemeente_only(regisseur, coord):
    own = traject(regisseur)
    traject(regisseur, person=persoon("Ada", "Berg"), gem=gemeente("Zundert"))
    assert _pks(coord) == {own.pk}
    assert set(persons_visible(coord).values_list("pk", flat=True)) == {own.persoon_id}


def test_coordinator_sees_own_gemeente_isd_only(regisseur, coord):
    own = services.isd_create(
        by=regisseur,
        persoon=persoon(),
        gemeente=gemeente(),
        vonnis_datum=date(2026, 1, 1),
        startdatum=date(2026, 2, 1),
        inrichting="PI Vught",
    )
    services.isd_create(
        by=regisseur,
        persoon=persoon("Ada", "Berg"),
        gemeente=gemeente("Zundert"),
        vonnis_datum=date(2026, 1, 1),
        startdatum=date(2026, 2, 1),
        inrichting="PI Vught",
    )
    assert _pks(coord, ISD) == {own.pk}


def test_partner_sees_nothing_without_grant_or_consent(regisseur, politie_user):
    traject(regisseur)
    assert _pks(politie_user) == set()
    assert not persons_visible(politie_user).exists()


def test_partner_sees_traject_through_a_grant(regisseur, politie_user):
    t = traject(regisseur)
    toegang = services.toegang_grant(traject=t, by=regisseur, organisatie=politie_user.organisation, doel="Zicht")
    assert _pks(politie_user) == {t.pk}
    services.toegang_end(toegang=toegang, by=regisseur)
    assert _pks(politie_user) == set()


def test_partner_as_acting_organisation_sees_only_consented_voorwaarden(regisseur, politie_user):
    t = traject(regisseur)
    v = act_with_consent(regisseur, t, politie_user.organisation)
    assert _pks(politie_user) == {t.pk}
    shown = Basisvoorwaarde.objects.filter(voorwaarde_condition(politie_user), traject=t)
    assert list(shown.values_list("soort", flat=True)) == [VoorwaardeSoort.ONDERDAK]
    services.voorwaarde_consent(voorwaarde=v, by=regisseur, toestemming=Toestemming.INGETROKKEN)
    assert _pks(politie_user) == set()
    assert not Basisvoorwaarde.objects.filter(voorwaarde_condition(politie_user), traject=t).exists()


def test_granted_partner_still_loses_a_withdrawn_voorwaarde(regisseur, politie_user):
    t = traject(regisseur)
    services.toegang_grant(traject=t, by=regisseur, organisatie=politie_user.organisation, doel="Zicht")
    v = act_with_consent(regisseur, t, politie_user.organisation)
    services.voorwaarde_consent(voorwaarde=v, by=regisseur, toestemming=Toestemming.INGETROKKEN)
    assert _pks(politie_user) == {t.pk}
    assert not Basisvoorwaarde.objects.filter(voorwaarde_condition(politie_user), traject=t).exists()


def test_coordinator_sees_all_voorwaarden_of_own_gemeente(regisseur, coord):
    t = traject(regisseur)
    assert Basisvoorwaarde.objects.filter(voorwaarde_condition(coord), traject=t).count() == 5


def test_partners_never_see_isd(regisseur, politie_user):
    services.isd_create(
        by=regisseur,
        persoon=persoon(),
        gemeente=gemeente(),
        vonnis_datum=date(2026, 1, 1),
        startdatum=date(2026, 2, 1),
        inrichting="PI Vught",
    )
    assert _pks(politie_user, ISD) == set()


@pytest.mark.parametrize("role", [Role.MANAGER, Role.FG, Role.BEHEERDER, Role.SECRETARIAAT])
def test_other_roles_see_nothing(regisseur, role):
    traject(regisseur)
    user = make_user(role)
    assert _pks(user) == set() and _pks(user, ISD) == set()
    assert not persons_visible(user).exists()


def test_a_team_member_outside_a_gemeente_is_no_coordinator(regisseur):
    t = traject(regisseur)
    user = coordinator("Breda")
    user.organisation = make_user(Role.KETENPARTNER).organisation  # Politie, in the team by mistake
    assert t.pk not in _pks(user)


def test_acting_partner_sees_only_its_own_consented_voorwaarde(regisseur, politie_user):
    t = traject(regisseur)
    act_with_consent(regisseur, t, politie_user.organisation)
    act_with_consent(regisseur, t, gemeente("GGZ-test"), soort=VoorwaardeSoort.ZORG)
    shown = Basisvoorwaarde.objects.filter(voorwaarde_condition(politie_user), traject=t)
    assert list(shown.values_list("soort", flat=True)) == [VoorwaardeSoort.ONDERDAK]
    services.toegang_grant(traject=t, by=regisseur, organisatie=politie_user.organisation, doel="Zicht")
    shown = Basisvoorwaarde.objects.filter(voorwaarde_condition(politie_user), traject=t)
    assert sorted(shown.values_list("soort", flat=True)) == [VoorwaardeSoort.ONDERDAK, VoorwaardeSoort.ZORG]
