"""Need-to-know grants on guardian's direct-FK tables: validity enforced in every query, expiry, audit."""

from datetime import timedelta

import pytest
import time_machine
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.access import casus_queryset_for
from cases.models import CasusGroupObjectPermission, CasusUserObjectPermission, Grant
from cases.tasks import remove_expired_grant_permissions
from tests.conftest import make_user, verified_client
from tests.factories import OrganisationFactory
from zvh.accounts.choices import Role

from .world import make_person, open_case

pytestmark = pytest.mark.django_db


def partner(org_name="Reclassering Nederland"):
    return make_user(Role.KETENPARTNER, organisation=OrganisationFactory(name=org_name))


def sees(user, casus) -> bool:
    return casus_queryset_for(user).filter(pk=casus.pk).exists()


def test_default_deny_and_grant_to_an_organisation(casus, regisseur):
    user = partner()
    assert not sees(user, casus)
    grant = services.grant_create(casus=casus, by=regisseur, organisatie=user.organisation, rol="deelnemer", doel="x")
    assert sees(user, casus)
    assert CasusGroupObjectPermission.objects.filter(grant=grant).count() == 1
    assert user.has_perm("cases.view_casus", casus)  # guardian agrees


def test_grant_to_one_professional_only(casus, regisseur):
    user, colleague = partner(), partner()
    services.grant_create(casus=casus, by=regisseur, user=user, rol="informant", doel="Informatie over detentie")
    assert sees(user, casus) and not sees(colleague, casus)
    assert CasusUserObjectPermission.objects.filter(user=user).count() == 1


def test_purpose_and_one_recipient_are_required(casus, regisseur):
    user = partner()
    with pytest.raises(ValidationError):
        services.grant_create(casus=casus, by=regisseur, user=user, rol="deelnemer", doel=" ")
    with pytest.raises(ValidationError):
        services.grant_create(
            casus=casus, by=regisseur, user=user, organisatie=user.organisation, rol="deelnemer", doel="x"
        )
    with pytest.raises(ValidationError):
        services.grant_create(casus=casus, by=regisseur, user=regisseur, rol="deelnemer", doel="x")  # not a partner


def test_an_expired_grant_stops_working_at_once_before_the_cleanup_runs(casus, regisseur):
    user = partner()
    end = timezone.now() + timedelta(days=2)
    services.grant_create(casus=casus, by=regisseur, user=user, rol="deelnemer", doel="x", geldig_tot=end)
    assert sees(user, casus)
    with time_machine.travel(end + timedelta(seconds=1), tick=False):
        assert not sees(user, casus)  # the permission row still exists, the query refuses it
        assert CasusUserObjectPermission.objects.filter(user=user).exists()
        assert remove_expired_grant_permissions() == 1
        assert remove_expired_grant_permissions() == 0  # idempotent
        assert not CasusUserObjectPermission.objects.filter(user=user).exists()


def test_a_grant_that_starts_later_does_not_work_yet(casus, regisseur):
    user = partner()
    start = timezone.now() + timedelta(days=1)
    services.grant_create(casus=casus, by=regisseur, user=user, rol="deelnemer", doel="x", geldig_van=start)
    assert not sees(user, casus)
    with time_machine.travel(start + timedelta(minutes=1), tick=False):
        assert sees(user, casus)


def test_afschaling_ends_open_grants_after_thirty_days(casus, regisseur):
    user = partner()
    services.grant_create(casus=casus, by=regisseur, organisatie=user.organisation, rol="deelnemer", doel="x")
    from .test_states import to_uitvoering

    casus = to_uitvoering(casus, regisseur)
    services.casus_transition(casus=casus, name="afschalen", by=regisseur, reden="overdracht")
    grant = Grant.objects.get(casus=casus, organisatie=user.organisation)
    assert grant.geldig_tot - timezone.now() == pytest.approx(timedelta(days=30), abs=timedelta(minutes=1))
    with time_machine.travel(timezone.now() + timedelta(days=29), tick=False):
        assert sees(user, casus)
    with time_machine.travel(timezone.now() + timedelta(days=30, minutes=5), tick=False):
        assert not sees(user, casus)


def test_the_term_after_afschaling_is_configurable(casus, regisseur, settings):
    settings.ZVH_GRANT_DAYS_AFTER_AFSCHALING = 7
    user = partner()
    services.grant_create(casus=casus, by=regisseur, organisatie=user.organisation, rol="deelnemer", doel="x")
    services.casus_transition(
        casus=casus, name="voortijdig_afsluiten", by=regisseur, reden="x", afsluitreden="overig", resultaat="geen"
    )
    grant = Grant.objects.get(casus=casus, organisatie=user.organisation)
    assert grant.geldig_tot - timezone.now() == pytest.approx(timedelta(days=7), abs=timedelta(minutes=1))


def test_revoking_ends_access_and_removes_the_permission(casus, regisseur):
    user = partner()
    grant = services.grant_create(casus=casus, by=regisseur, user=user, rol="deelnemer", doel="x")
    services.grant_revoke(grant=grant, by=regisseur)
    assert not sees(user, casus)
    assert not CasusUserObjectPermission.objects.filter(grant=grant).exists()
    assert not user.has_perm("cases.view_casus", casus)


def test_changing_a_grant_moves_its_validity(casus, regisseur):
    user = partner()
    grant = services.grant_create(casus=casus, by=regisseur, user=user, rol="deelnemer", doel="x")
    services.grant_change(
        grant=grant,
        by=regisseur,
        rol="casusregisseur",
        doel="regie",
        geldig_tot=timezone.now() - timedelta(seconds=1) + timedelta(days=1),
    )
    with time_machine.travel(timezone.now() + timedelta(days=2), tick=False):
        assert not sees(user, casus)


def test_granting_changing_and_revoking_are_audited_with_the_actor(casus, regisseur):
    user = partner()
    grant = services.grant_create(casus=casus, by=regisseur, user=user, rol="deelnemer", doel="x")
    services.grant_change(grant=grant, by=regisseur, rol="informant", doel="y", geldig_tot=None)
    services.grant_revoke(grant=grant, by=regisseur)
    actions = list(LogEntry.objects.get_for_object(grant).values_list("action", flat=True))
    assert LogEntry.Action.CREATE in actions and actions.count(LogEntry.Action.UPDATE) >= 2


def test_the_grant_form_audits_the_actor_from_the_request(casus, regisseur):
    user = partner()
    client = verified_client(regisseur)
    response = client.post(
        reverse("cases:grant_list", args=[casus.pk]),
        {"user": user.pk, "rol": "deelnemer", "doel": "Reclasseringsadvies"},
    )
    assert response.status_code == 302
    grant = Grant.objects.get(user=user)
    assert LogEntry.objects.get_for_object(grant).get(action=LogEntry.Action.CREATE).actor == regisseur


def test_a_second_active_grant_for_the_same_partner_is_refused(casus, regisseur):
    user = partner()
    services.grant_create(casus=casus, by=regisseur, organisatie=user.organisation, rol="deelnemer", doel="x")
    with pytest.raises(ValidationError) as excinfo:
        services.grant_create(casus=casus, by=regisseur, organisatie=user.organisation, rol="informant", doel="y")
    assert "al toegang" in excinfo.value.messages[0]


def test_restricted_theme_stays_hidden_even_with_a_grant(regisseur, politie):
    from zvh.access.models import Team

    radical = open_case(
        regisseur=regisseur, partner=politie, persoon=make_person("Karel", "Willems"), thema="radicalisering"
    )
    user = make_user(Role.KETENPARTNER, organisation=politie)
    assert radical.grants.filter(organisatie=politie).exists()
    assert not sees(user, radical) and not sees(regisseur, radical)
    Team.objects.get(code="weegploeg").leden.add(regisseur, user)
    for person in (regisseur, user):
        person.forget_memberships()
    assert sees(regisseur, radical) and sees(user, radical)


def test_revoking_access_asks_for_confirmation_first(casus, regisseur):
    grant = casus.grants.filter(ingetrokken_op__isnull=True).first()
    client = verified_client(regisseur)
    listing = client.get(reverse("cases:grant_list", args=[casus.pk])).content.decode()
    url = reverse("cases:grant_revoke", args=[grant.pk])
    assert f'href="{url}"' in listing  # a link to the confirmation step, not a button that revokes at once
    page = client.get(url).content.decode()
    assert "intrekken?" in page and "Ja, toegang intrekken" in page
    grant.refresh_from_db()
    assert grant.ingetrokken_op is None  # looking at the question changes nothing
    response = client.post(url)
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.ingetrokken_op is not None
    again = client.get(url)
    assert again.status_code == 302  # already revoked: back to the list with a message
