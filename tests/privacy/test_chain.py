"""The hash chain over the access log and the audit log: sealing, verification, checkpoints and the log's term."""

import contextlib
import json
from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from privacy.choices import AccessAction
from privacy.models import AccessLogEntry, Bewaartermijn, LogCheckpoint, LogPrune, LogSeal
from privacy.services import chain
from privacy.services.access_log import access_log_record
from privacy.services.retention import log_retention_run
from privacy.services.verify import stored_checkpoints, verify
from tests.conftest import make_user
from zvh.accounts.choices import Role

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the hash chain is PostgreSQL only"),
]


@pytest.fixture
def user(db):
    return make_user(Role.PROCESREGISSEUR)


def write(user, n: int, person: int = 7) -> list[AccessLogEntry]:
    return [
        access_log_record(
            request=None,
            user=user,
            action=AccessAction.READ,
            object_type="cases.casus",
            object_ids=[i],
            person_ids=[person, person + 1],
        )
        for i in range(n)
    ]


def raw(sql: str, params=()) -> None:
    """Change a log table directly in PostgreSQL, as an attacker with database access would."""
    table = "privacy_accesslogperson" if "accesslogperson" in sql else "privacy_accesslogentry"
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending foreign-key checks: ALTER TABLE needs that
        cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {table}_append_only")
        cursor.execute(sql, params)
        cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER {table}_append_only")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def test_sealing_chains_every_row_once(user):
    entries = write(user, 5)
    assert chain.seal(chain.ACCESS) == 5
    assert chain.seal(chain.ACCESS) == 0
    seals = list(LogSeal.objects.filter(log="toegang").order_by("id"))
    assert [s.row_id for s in seals] == [e.pk for e in entries]
    assert len({s.hash for s in seals}) == 5
    assert verify(chain.ACCESS).ok


def test_the_write_path_does_no_hashing(user):
    from django.test.utils import CaptureQueriesContext

    write(user, 1)  # warm: the user's role and organisation
    with CaptureQueriesContext(connection) as queries:
        write(user, 1)
    assert len(queries) == 1 and "logseal" not in queries[0]["sql"]  # the one INSERT … RETURNING, nothing else
    assert not LogSeal.objects.exists()


def test_a_row_changed_in_postgresql_is_named(user):
    entries = write(user, 6)
    chain.seal(chain.ACCESS)
    raw("UPDATE privacy_accesslogentry SET username = 'iemand-anders' WHERE id = %s", [entries[3].pk])
    result = verify(chain.ACCESS)
    assert not result.ok and result.first.row_id == entries[3].pk
    with pytest.raises(CommandError):
        call_command("logs_verify", "--log", "toegang", "--workers", "1")
    out = _command_output("--log", "toegang", "--workers", "1")
    assert f"FOUT bij rij {entries[3].pk}" in out


def test_a_changed_person_row_is_named_at_its_entry(user):
    entries = write(user, 4)
    chain.seal(chain.ACCESS)
    raw("UPDATE privacy_accesslogperson SET person_id = 99 WHERE entry_id = %s AND person_id = 7", [entries[1].pk])
    assert verify(chain.ACCESS).first.row_id == entries[1].pk


def test_a_deleted_row_is_named(user):
    entries = write(user, 4)
    chain.seal(chain.ACCESS)
    raw("DELETE FROM privacy_accesslogperson WHERE entry_id = %s", [entries[2].pk])
    raw("DELETE FROM privacy_accesslogentry WHERE id = %s", [entries[2].pk])
    assert verify(chain.ACCESS).first.row_id == entries[2].pk


def test_a_late_row_is_chained_late_and_verifies(user):
    entries = write(user, 4)
    # Simulate a transaction that commits after later rows were sealed: row 2 is invisible while 1, 3, 4 are sealed.
    late = entries[1]
    with connection.cursor() as cursor:
        chain.canonical_session(cursor)
        cursor.execute(chain.ACCESS.rows_sql("r.id <> %(late)s"), {"low": 0, "late": late.pk})
        previous = chain.GENESIS
        for row_id, content in cursor.fetchall():
            previous = chain.link(previous, content)
            LogSeal.objects.create(log="toegang", row_id=row_id, hash=previous)
    assert chain.seal(chain.ACCESS) == 1  # found below the tip, chained at the end
    assert LogSeal.objects.filter(log="toegang").order_by("-id").first().row_id == late.pk
    assert verify(chain.ACCESS).ok


def test_new_rows_are_reported_as_not_yet_sealed(user):
    write(user, 2)
    chain.seal(chain.ACCESS)
    write(user, 3)
    result = verify(chain.ACCESS)
    assert result.ok and result.rows == 2 and result.unsealed_tail == 3


def test_a_cut_off_tail_is_detected_by_the_checkpoint(user, tmp_path, settings):
    settings.PRIVACY_CHECKPOINT_FILE = str(tmp_path / "controlepunten.jsonl")
    entries = write(user, 5)
    chain.checkpoint()
    point = json.loads((tmp_path / "controlepunten.jsonl").read_text().splitlines()[0])
    assert point["row_id"] == entries[-1].pk and point["hash"] == LogCheckpoint.objects.get(log="toegang").hash
    # An attacker removes the last two rows and their seals (and the checkpoint row in the database).
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE privacy_logseal DISABLE TRIGGER privacy_logseal_append_only")
        cursor.execute("DELETE FROM privacy_logseal WHERE row_id >= %s", [entries[3].pk])
        cursor.execute("ALTER TABLE privacy_logseal ENABLE TRIGGER privacy_logseal_append_only")
    raw("DELETE FROM privacy_accesslogperson WHERE entry_id >= %s", [entries[3].pk])
    raw("DELETE FROM privacy_accesslogentry WHERE id >= %s", [entries[3].pk])
    LogCheckpoint.objects.all().delete()
    assert verify(chain.ACCESS).ok  # the chain itself is consistent…
    result = verify(chain.ACCESS, checkpoints=[point])
    assert not result.ok and "afgeknipt" in result.first.reason  # …but the checkpoint kept outside is gone
    out = _command_output(
        "--log", "toegang", "--workers", "1", "--controlepunten", str(tmp_path / "controlepunten.jsonl")
    )
    assert "afgeknipt" in out


def test_the_database_refuses_to_change_a_seal(user):
    from django.db import DatabaseError, transaction

    write(user, 1)
    chain.seal(chain.ACCESS)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE privacy_logseal SET hash = 'x'")


def test_the_logs_own_term_keeps_verification_working(user):
    with time_machine.travel(timezone.now() - timedelta(days=800)):
        old = write(user, 3)
    new = write(user, 2)
    chain.seal(chain.ACCESS)
    Bewaartermijn.objects.create(soort="log.toegang", maanden=24)
    pruned = log_retention_run()
    assert [p.aantal for p in pruned] == [3]
    assert not AccessLogEntry.objects.filter(pk__in=[e.pk for e in old]).exists()
    assert AccessLogEntry.objects.filter(pk__in=[e.pk for e in new]).count() == 2
    result = verify(chain.ACCESS, checkpoints=stored_checkpoints())
    assert result.ok and result.rows == 2
    anchor = LogPrune.objects.get()
    first_new = LogSeal.objects.filter(log="toegang").order_by("id").first()
    assert anchor.seal_id < first_new.id


def test_the_audit_log_is_chained_too(user):
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    entry = LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(AccessLogEntry),
        object_pk="1",
        object_repr="x",
        action=1,
        changes={"a": [1, 2]},
    )
    chain.seal(chain.AUDIT)
    assert verify(chain.AUDIT).ok
    LogEntry.objects.filter(pk=entry.pk).update(changes={"a": [1, 3]})
    assert verify(chain.AUDIT).first.row_id == entry.pk


def test_beat_tasks_seal_and_checkpoint(user):
    from privacy.tasks import log_checkpoint, seal_logs

    write(user, 2)
    assert seal_logs.delay().get()["toegang"] == 2
    assert log_checkpoint.delay().get() >= 1


def _command_output(*args) -> str:
    from io import StringIO

    out = StringIO()
    with contextlib.suppress(CommandError):
        call_command("logs_verify", *args, stdout=out)
    return out.getvalue()
