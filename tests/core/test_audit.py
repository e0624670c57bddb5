"""django-auditlog records user, organisation and role changes with actor and correlation id."""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group
from django.urls import reverse

from zvh.accounts import services
from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation, User
from zvh.audit import task_actor

from ..conftest import make_user

pytestmark = pytest.mark.django_db


def entries_for(obj):
    return LogEntry.objects.get_for_object(obj)


def test_user_and_role_changes_are_audited_with_actor_and_correlation_id(client_for):
    client, beheerder = client_for(Role.BEHEERDER)
    target = make_user(Role.KETENPARTNER)
    url = reverse("admin:accounts_user_change", args=[target.pk])
    manager_group = Group.objects.get(name=Role.MANAGER)
    data = {
        "username": target.username,
        "first_name": "Nieuw",
        "last_name": target.last_name,
        "email": target.email,
        "organisation": target.organisation_id,
        "function_title": "",
        "groups": [manager_group.pk],
        "is_active": "on",
        "is_staff": "",
    }
    response = client.post(url, data, HTTP_X_CORRELATION_ID="a" * 32)
    assert response.status_code == 302, response.content.decode()[:2000]
    updates = list(entries_for(target).filter(action=LogEntry.Action.UPDATE, actor=beheerder))
    field_change = next(e for e in updates if "first_name" in e.changes_dict)
    # A role change is a request applied by the service (issue 15): the old role is removed, the new one added.
    role_change = next(e for e in updates if e.changes_dict.get("groups", {}).get("operation") == "add")
    for entry in (field_change, role_change):
        assert entry.actor == beheerder
        assert entry.cid == response["X-Correlation-ID"] != "a" * 32  # the server's id, not the client's
    assert role_change.changes_dict["groups"]["objects"] == ["manager"]


def test_password_hash_is_not_in_the_audit_log():
    user = make_user(Role.FG)
    user.set_password("een-ander-lang-wachtwoord")
    user.save()
    for entry in entries_for(user):
        assert "password" not in (entry.changes_dict or {})


def test_organisation_creation_is_audited():
    organisation = services.organisation_create(name="Gemeente Testdorp", type=OrganisationType.GEMEENTE)
    assert entries_for(organisation).filter(action=LogEntry.Action.CREATE).exists()


def test_set_role_is_audited_as_a_group_membership_change():
    user = make_user(Role.KETENPARTNER)
    services.user_set_role(user=user, role=Role.MANAGER)
    user = User.objects.get(pk=user.pk)
    assert user.role == Role.MANAGER
    changes = [e.changes_dict for e in entries_for(user)]
    assert any("groups" in c for c in changes)


def test_task_actor_attributes_writes_inside_a_task_to_the_requesting_user():
    user = make_user(Role.BEHEERDER)
    with task_actor(user.pk):
        organisation = services.organisation_create(name="Org uit taak", type=OrganisationType.OVERIG)
    assert entries_for(organisation).get(action=LogEntry.Action.CREATE).actor == user


def test_task_actor_without_user_leaves_the_actor_empty():
    with task_actor(None):
        organisation = services.organisation_create(name="Org zonder actor", type=OrganisationType.OVERIG)
    assert entries_for(organisation).get(action=LogEntry.Action.CREATE).actor is None
    assert Organisation.objects.filter(name="Org zonder actor").exists()
