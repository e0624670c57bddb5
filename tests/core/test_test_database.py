"""The suite's own database machinery (tests/dbtemplate.py): one migrated template, DELETE instead of TRUNCATE."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from privacy.choices import AccessAction
from privacy.models import AccessLogEntry
from privacy.services.access_log import access_log_record
from tests import dbtemplate
from tests.conftest import make_user
from zvh.accounts.choices import Role
from zvh.accounts.models import User

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")


def test_the_template_key_follows_every_migration_file(tmp_path, monkeypatch):
    migrations = tmp_path / "app" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "0001_initial.py").write_text("operations = []\n")
    monkeypatch.setattr(dbtemplate, "ROOT", tmp_path)
    first = dbtemplate.template_key()
    assert dbtemplate.template_key() == first
    (migrations / "0001_initial.py").write_text("operations = [1]\n")
    changed = dbtemplate.template_key()
    (migrations / "0002_more.py").write_text("operations = []\n")
    assert len({first, changed, dbtemplate.template_key()}) == 3


@postgres_only
@pytest.mark.django_db
def test_the_worker_database_was_copied_from_the_migrated_template():
    template = connection.settings_dict["TEST"].get("TEMPLATE")
    assert template == dbtemplate.PREFIX + dbtemplate.template_key()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
        assert cursor.fetchone() == (1,)
    assert User.objects.model._meta.db_table  # and migrations ran: the roles are there
    from django.contrib.auth.models import Group

    assert Group.objects.filter(name=Role.PROCESREGISSEUR).exists()


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flush_empties_the_append_only_log_without_lifting_its_protection():
    user = make_user(Role.PROCESREGISSEUR)
    access_log_record(
        request=None, user=user, action=AccessAction.READ, object_type="cases.casus", object_ids=[1], person_ids=[2]
    )
    assert AccessLogEntry.objects.exists()
    statements = connection.ops.sql_flush(None, ["privacy_accesslogentry"])
    assert statements[0].startswith("SET LOCAL session_replication_role")
    # As Django's transactional test teardown calls it (the command's own default resets every sequence, which
    # TRUNCATE ... RESTART IDENTITY does: later tests would then reuse the ids of the migrations' rows).
    call_command("flush", verbosity=0, interactive=False, reset_sequences=False)
    assert not AccessLogEntry.objects.exists()
    assert not User.objects.filter(pk=user.pk).exists()
    # Outside the flush the database still refuses to delete from the log.
    access_log_record(
        request=None, user=None, action=AccessAction.READ, object_type="cases.casus", object_ids=[1], person_ids=[2]
    )
    refused = pytest.raises(DatabaseError, match="alleen aan te vullen")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM privacy_accesslogentry")
    with connection.cursor() as cursor:
        cursor.execute("SHOW session_replication_role")
        assert cursor.fetchone() == ("origin",)
