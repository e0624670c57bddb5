"""A dossier type's access rule compiled once per kind of user (``visible_compiled`` for a query evaluated itself,
``visible_pks_compiled`` for ``field__in=`` anywhere): exactly what the built rule sees, "now" taken at every use,
a new compilation for every change that could change the rule, and never readable where it could be misread."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef
from django.utils import timezone

from cases.access import CASUS
from cases.models import Afspraak, Agendapunt, Casus, Casusoverleg
from tests.cases.world import case_and_triage_world
from tests.conftest import make_user
from triage.access import AANMELDING
from triage.models import Aanmelding
from zvh.access import conditions
from zvh.access.models import Team
from zvh.accounts.choices import Role
from zvh.accounts.models import User

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="compiled and kept on PostgreSQL only"),
]


@pytest.fixture
def world():
    return case_and_triage_world()


def fresh(user) -> User:
    return User.objects.get(pk=user.pk)  # a new request: memberships and grant counts loaded again


def cases(user, compiled: bool) -> set[int]:
    qs = conditions.visible_compiled(fresh(user), CASUS) if compiled else conditions.visible(fresh(user), CASUS)
    return set(qs.values_list("pk", flat=True))


def afspraken(user, compiled: bool) -> set[int]:
    u = fresh(user)
    pks = conditions.visible_pks_compiled(u, CASUS) if compiled else conditions.visible_pks(u, CASUS)
    return set(Afspraak.objects.filter(casus__in=pks).values_list("pk", flat=True))


def meetings(user, compiled: bool) -> set[int]:
    """Nested twice, as Mijn werk asks it: meetings with an item of a case the user may see."""
    u = fresh(user)
    pks = conditions.visible_pks_compiled(u, CASUS) if compiled else conditions.visible_pks(u, CASUS)
    items = Agendapunt.objects.filter(overleg=OuterRef("pk"), casus__in=pks)
    return set(Casusoverleg.objects.filter(Exists(items)).values_list("pk", flat=True))


def aanmeldingen(user, compiled: bool) -> set[int]:
    u = fresh(user)
    qs = conditions.visible_compiled(u, AANMELDING) if compiled else conditions.visible(u, AANMELDING)
    return set(qs.values_list("pk", flat=True))


@pytest.mark.parametrize("ask", [cases, afspraken, meetings, aanmeldingen])
def test_compiled_sees_exactly_what_the_built_rule_sees(world, grant_shape, ask):
    users = [*world["users"].values(), make_user(Role.SECRETARIAAT)]
    for user in users:
        first, again = ask(user, compiled=True), ask(user, compiled=True)  # compiled, then from the cache
        assert first == again == ask(user, compiled=False), user.role
    politie = world["users"][Role.KETENPARTNER]
    if ask is cases:
        assert cases(politie, compiled=True) == {world["casus_granted"].pk}
    if ask is meetings:
        assert meetings(politie, compiled=True) == {world["overleg"].pk}


def test_the_compiled_case_rule_is_kept_once_per_user_and_not_built_again(world):
    politie = world["users"][Role.KETENPARTNER]
    conditions._compiled.clear()
    cases(politie, compiled=True)
    with mock.patch.object(conditions, "condition", side_effect=AssertionError("built again")):
        assert cases(politie, compiled=True) == {world["casus_granted"].pk}
        assert afspraken(politie, compiled=True) == {world["afspraak"].pk}


def test_now_is_taken_at_every_use(world):
    politie, regisseur = world["users"][Role.KETENPARTNER], world["users"][Role.PROCESREGISSEUR]
    from cases import services

    soon = services.grant_create(
        casus=world["casus_other"],
        by=regisseur,
        organisatie=politie.organisation,
        rol="deelnemer",
        doel="Tot morgen betrokken",
        geldig_tot=timezone.now() + timedelta(days=1),
    )
    assert soon.casus_id in cases(politie, compiled=True)
    assert world["afspraak_other"].pk in afspraken(politie, compiled=True)
    later = timezone.now() + timedelta(days=2)
    with mock.patch("zvh.access.conditions.timezone.now", return_value=later):
        assert soon.casus_id not in cases(politie, compiled=True)
        assert world["afspraak_other"].pk not in afspraken(politie, compiled=True)
    assert soon.casus_id in cases(politie, compiled=True)


def test_a_team_or_role_change_compiles_a_new_rule(world):
    regisseur, politie = world["users"][Role.PROCESREGISSEUR], world["users"][Role.KETENPARTNER]
    restricted = world["casus_restricted"].pk
    assert restricted not in cases(regisseur, compiled=True)
    Team.objects.get(code="weegploeg").leden.add(regisseur)
    assert restricted in cases(regisseur, compiled=True)
    assert world["casus_other"].pk not in cases(politie, compiled=True)
    politie.groups.clear()
    politie.groups.add(*make_user(Role.PROCESREGISSEUR).groups.all())
    assert world["casus_other"].pk in cases(politie, compiled=True)
    politie.is_active = False
    politie.save(update_fields=["is_active"])
    assert cases(politie, compiled=True) == set() == afspraken(politie, compiled=True)


def test_the_top_level_form_refuses_to_be_read_inside_a_subquery(world):
    politie = fresh(world["users"][Role.KETENPARTNER])
    inner = conditions.visible_compiled(politie, CASUS).values("pk")
    with pytest.raises(ValueError, match="compiled condition"):
        list(Casus.objects.filter(pk__in=inner))


def test_the_partner_pages_built_on_it_show_the_same(world):
    """Mijn werk, the case list and the aanmeldingen list of a partner: the compiled rule behind them."""
    from cases.selectors import casus_list, mijnwerk_afspraken, upcoming_meetings
    from triage.selectors import aanmelding_list

    politie = world["users"][Role.KETENPARTNER]
    conditions._compiled.clear()
    for _ in range(2):
        u = fresh(politie)
        assert {c.pk for c in casus_list(u)} == {world["casus_granted"].pk}
        assert {a.pk for a in mijnwerk_afspraken(u)} == {world["afspraak"].pk}
        assert {o.pk for o in upcoming_meetings(u)} == {world["overleg"].pk}
        assert {a.pk for a in aanmelding_list(u)} == set(
            Aanmelding.objects.filter(conditions.condition(u, AANMELDING)).values_list("pk", flat=True)
        )
    assert any(key[0] == CASUS for key in conditions._compiled)


def test_a_rule_without_condition_or_through_a_join_is_compiled_or_refused_as_such():
    from django.db.models import Q

    assert conditions.compile_where(Casus, Q()) == ("1 = 1", ())  # a role that sees every row
    assert conditions.compile_where(Casus, Q(pk__in=[])) == ("1 = 0", ())
    with pytest.raises(conditions.NotCompilable):
        conditions.compile_where(Afspraak, Q(casus__thema="radicalisering"))  # its WHERE alone is not the rule


def test_levensloop_and_zsm_rules_compiled_see_what_the_built_rules_see():
    """The levensloop rule of a procesregisseur outside the Weegploeg joins the case (its theme): never kept as
    text, built per request. A procesregisseur's contextverzoek rule has no condition at all: every verzoek."""
    from cases.choices import Thema
    from levensloop.access import DOSSIER
    from tests.levensloop.world import dossier_in_aanpak
    from zsm.access import CONTEXTVERZOEK
    from zsm.models import Contextverzoek

    regisseur = make_user(Role.PROCESREGISSEUR)
    shown = dossier_in_aanpak(regisseur, "Erik", "Verhoef")
    hidden = dossier_in_aanpak(regisseur, "Otto", "Lammers", thema=Thema.RADICALISERING)
    for _ in range(2):  # built and kept, then from the cache
        compiled = set(conditions.visible_compiled(fresh(regisseur), DOSSIER).values_list("pk", flat=True))
        assert compiled == set(conditions.visible(fresh(regisseur), DOSSIER).values_list("pk", flat=True))
    assert shown.pk in compiled and hidden.pk not in compiled
    key = conditions._condition_key(fresh(regisseur), DOSSIER)
    assert conditions._compiled[key][0] is conditions._UNCOMPILED
    assert str(conditions.visible_compiled(fresh(regisseur), CONTEXTVERZOEK).query).count("1 = 1") == 1
    assert conditions.visible_compiled(fresh(regisseur), CONTEXTVERZOEK).count() == Contextverzoek.objects.count()
