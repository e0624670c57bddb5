"""The person condition compiled once per kind of user: the same answer as building it, "now" taken at every use,
a new compilation for every change that could change the rule, and never used where it could be misread."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from cases import services
from cases.choices import Thema
from tests.cases.world import make_person, open_case
from tests.conftest import make_user
from tests.factories import OrganisationFactory
from zvh.access import conditions
from zvh.access.conditions import visible
from zvh.access.models import Team
from zvh.accounts.choices import Role
from zvh.accounts.models import User
from zvh.persons.models import Persoon

pytestmark = pytest.mark.django_db


def seen(user, compiled: bool) -> set[int]:
    fresh = User.objects.get(pk=user.pk)  # a new request: memberships and grant counts loaded again
    rule = conditions.person_condition_compiled(fresh) if compiled else conditions.person_condition(fresh)
    if rule is conditions.NOTHING:
        return set()
    return set(Persoon.objects.filter(rule).values_list("pk", flat=True))


@pytest.fixture
def world():
    regisseur = make_user(Role.PROCESREGISSEUR)
    politie = make_user(Role.KETENPARTNER)
    other = OrganisationFactory(reclassering=True)
    persons = {
        "granted": make_person("Anna", "Granted"),
        "other": make_person("Bram", "Ander"),
        "restricted": make_person("Cas", "Beperkt"),
        "soon_expired": make_person("Dirk", "Verloopt"),
    }
    open_case(regisseur=regisseur, partner=politie.organisation, persoon=persons["granted"])
    open_case(regisseur=regisseur, partner=other, persoon=persons["other"])
    open_case(
        regisseur=regisseur, partner=politie.organisation, persoon=persons["restricted"], thema=Thema.RADICALISERING
    )
    expiring = open_case(regisseur=regisseur, partner=other, persoon=persons["soon_expired"])
    services.grant_create(
        casus=expiring,
        by=regisseur,
        organisatie=politie.organisation,
        rol="deelnemer",
        doel="Tot morgen betrokken",
        geldig_tot=timezone.now() + timedelta(days=1),
    )
    return regisseur, politie, persons


def test_the_compiled_condition_sees_exactly_what_the_built_one_sees(world, grant_shape):
    regisseur, politie, persons = world
    for user in (regisseur, politie, make_user(Role.SECRETARIAAT), make_user(Role.FG)):
        first, again = seen(user, compiled=True), seen(user, compiled=True)  # compiled, then from the cache
        assert first == again == seen(user, compiled=False)
    assert seen(politie, compiled=True) == {persons["granted"].pk, persons["soon_expired"].pk}


def test_a_probe_per_person_probes_the_grants_from_a_lower_count_on(monkeypatch, world):
    """Between the two thresholds a case list lets the organisation's grants drive it, while the person condition
    (asked once per person walked) probes the grant index per case instead. Both shapes see the same persons, and
    crossing the persons' threshold compiles the other shape instead of keeping the old one."""
    from django.core.cache import cache

    _regisseur, politie, persons = world
    monkeypatch.setattr(conditions, "DRIVE_FROM_GRANTS_BELOW", 10_000)
    monkeypatch.setattr(conditions, "PERSONS_DRIVE_FROM_GRANTS_BELOW", 10_000)
    cache.clear()
    expected = {persons["granted"].pk, persons["soon_expired"].pk}
    assert seen(politie, compiled=True) == expected
    driven = str(Persoon.objects.filter(conditions.person_condition(User.objects.get(pk=politie.pk))).query)
    monkeypatch.setattr(conditions, "PERSONS_DRIVE_FROM_GRANTS_BELOW", 0)
    assert seen(politie, compiled=True) == seen(politie, compiled=False) == expected
    fresh = User.objects.get(pk=politie.pk)
    probed = str(Persoon.objects.filter(conditions.person_condition(fresh)).query)
    assert probed.count("UNION") < driven.count("UNION")
    assert probed.count("EXISTS") > driven.count("EXISTS")
    assert "UNION" in str(visible(fresh, "cases.casus").query)  # the case list still lets the grants drive


def test_now_is_taken_at_every_use_not_when_compiled(world):
    _regisseur, politie, persons = world
    assert persons["soon_expired"].pk in seen(politie, compiled=True)
    later = timezone.now() + timedelta(days=2)
    with mock.patch("zvh.access.conditions.timezone.now", return_value=later):
        assert persons["soon_expired"].pk not in seen(politie, compiled=True)
    assert persons["soon_expired"].pk in seen(politie, compiled=True)


def test_a_new_team_membership_compiles_a_new_rule(world):
    regisseur, _politie, persons = world
    assert persons["restricted"].pk not in seen(regisseur, compiled=True)
    Team.objects.get(code="weegploeg").leden.add(regisseur)
    assert persons["restricted"].pk in seen(regisseur, compiled=True)
    Team.objects.get(code="weegploeg").leden.remove(regisseur)
    assert persons["restricted"].pk not in seen(regisseur, compiled=True)


def test_a_role_change_compiles_a_new_rule(world):
    _regisseur, politie, persons = world
    assert persons["other"].pk not in seen(politie, compiled=True)
    politie.groups.clear()
    politie.groups.add(*make_user(Role.PROCESREGISSEUR).groups.all())
    assert persons["other"].pk in seen(politie, compiled=True)
    politie.is_active = False
    politie.save(update_fields=["is_active"])
    assert seen(politie, compiled=True) == set()


def test_it_refuses_to_be_read_inside_a_subquery(world):
    """In a subquery the person table gets an alias its own subqueries could shadow: fail, never misread."""
    _regisseur, politie, _persons = world
    rule = conditions.person_condition_compiled(User.objects.get(pk=politie.pk))
    inner = Persoon.objects.filter(rule).values("pk")
    with pytest.raises(ValueError, match="compiled condition"):
        list(Persoon.objects.filter(pk__in=inner))


def test_a_rule_that_reads_the_clock_itself_is_never_kept(monkeypatch, world):
    _regisseur, politie, persons = world
    original = conditions.person_condition
    fixed = timezone.now() - timedelta(days=400)

    def with_own_moment(user, prefix=""):
        return original(user, prefix) & ~conditions.Q(aangemaakt_op__lt=fixed)

    monkeypatch.setattr(conditions, "person_condition", with_own_moment)
    conditions._compiled.clear()
    first = conditions.person_condition_compiled(User.objects.get(pk=politie.pk))
    assert not conditions._compiled
    assert persons["granted"].pk in set(Persoon.objects.filter(first).values_list("pk", flat=True))


def test_a_few_per_user_link_reads_its_persons_once_and_answers_the_same():
    """BIJ meldingen are a few-per-user link: for a partner its persons are one hashed IN, for the procesregisseur
    a probe per person. Both answer exactly who is in a melding the user may see, and only while invited."""
    from bij import services as bij_services
    from tests.bij.world import bij_regisseur, melding

    regisseur = bij_regisseur()
    invited = make_user(Role.KETENPARTNER)
    not_invited = make_user(Role.KETENPARTNER, organisation=OrganisationFactory(reclassering=True))
    m = melding(regisseur)
    uitnodiging = bij_services.uitnodiging_create(
        melding=m, by=regisseur, doel="Advies over huisvesting", organisatie=invited.organisation
    )
    partner_sql = str(Persoon.objects.filter(conditions.person_condition(User.objects.get(pk=invited.pk))).query)
    regisseur_sql = str(Persoon.objects.filter(conditions.person_condition(User.objects.get(pk=regisseur.pk))).query)
    assert '"cases_persoon"."id" IN (SELECT' in partner_sql and 'FROM "bij_melding"' in partner_sql
    assert '"cases_persoon"."id" IN (SELECT' not in regisseur_sql
    for user, expected in ((invited, {m.persoon_id}), (not_invited, set()), (regisseur, {m.persoon_id})):
        assert seen(user, compiled=False) & {m.persoon_id} == expected
        assert seen(user, compiled=True) & {m.persoon_id} == expected
    uitnodiging.geldig_tot = timezone.now() - timedelta(seconds=1)
    uitnodiging.save(update_fields=["geldig_tot"])
    assert m.persoon_id not in seen(invited, compiled=True)
