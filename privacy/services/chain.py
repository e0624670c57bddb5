"""The hash chain over the access log and the audit log (PostgreSQL).

The write path is untouched: a beat job (every minute) *seals* the rows written since its last run, in id order,
one ``LogSeal`` per row: ``hash = sha256(previous hash + canonical content of the row)``. The chain's order is the
seal's own id, so a row that commits late (its id below rows already sealed) is chained on the next run instead of
being skipped. The canonical content is one SQL expression per log (below), the same for sealing and verifying; for
the access log it includes the persons of the entry.

A daily *checkpoint* (last seal and its hash) is shown to the FG and can be written to a file outside the database:
a tail that was cut off (rows and seals removed together) no longer reaches the checkpoint. The log's own retention
term removes the oldest sealed rows and their seals and records the hash verification starts from (``LogPrune``).
"""

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from ..choices import LogSoort
from ..models import LogCheckpoint, LogPrune, LogSeal

GENESIS = "0" * 64
SEAL_BATCH = 50_000
# Rows below the chain's tip that are still unsealed are looked for this many ids back (a transaction that
# committed late); older gaps are reported by the verification.
LATE_WINDOW = 100_000
SEP = "\x1f"  # unit separator between fields: cannot be typed into a form


@dataclass(frozen=True)
class ChainedLog:
    """A log table under the chain. The canonical content of a row is PostgreSQL's text of ``ROW(columns)`` (with
    the session's TimeZone and DateStyle fixed), for the access log with the entry's person ids appended: cheap to
    produce in one ordered pass (a merge join, no lookup per row)."""

    key: str
    table: str
    columns: tuple[str, ...]
    with_persons: bool = False

    def rows_sql(self, where: str) -> str:
        """Rows ``WHERE r.id > %(low)s AND <where>`` in id order, as (id, content)."""
        cols = ", ".join(f"r.{c}" for c in self.columns)
        if not self.with_persons:
            return (
                f"SELECT r.id, ROW({cols})::text FROM {self.table} r "  # noqa: S608 (fixed names)
                f"WHERE r.id > %(low)s AND {where} ORDER BY r.id"
            )
        return (
            f"SELECT r.id, ROW({cols}, p.persons)::text FROM {self.table} r LEFT JOIN "  # noqa: S608
            "(SELECT entry_id, array_agg(person_id ORDER BY person_id) AS persons FROM privacy_accesslogperson "
            "WHERE entry_id > %(low)s GROUP BY entry_id) p ON p.entry_id = r.id "
            f"WHERE r.id > %(low)s AND {where} ORDER BY r.id"
        )


ACCESS = ChainedLog(
    LogSoort.TOEGANG,
    "privacy_accesslogentry",
    (
        "id",
        "timestamp",
        "user_id",
        "username",
        "organisation_id",
        "role",
        "on_behalf_of_id",
        "action",
        "object_type",
        "object_ids",
        "result",
        "ip_address",
        "correlation_id",
        "view_name",
    ),
    with_persons=True,
)
AUDIT = ChainedLog(
    LogSoort.AUDIT,
    "auditlog_logentry",
    (
        "id",
        "timestamp",
        "content_type_id",
        "object_pk",
        "object_id",
        "object_repr",
        "serialized_data",
        "action",
        "changes_text",
        "changes",
        "actor_id",
        "cid",
        "remote_addr",
        "remote_port",
        "additional_data",
        "actor_email",
    ),
)
LOGS = {ACCESS.key: ACCESS, AUDIT.key: AUDIT}


def canonical_session(cursor) -> None:
    """The text of timestamps depends on the session: fix it for sealing and verifying alike."""
    cursor.execute("SET LOCAL TimeZone = 'UTC'")
    cursor.execute("SET LOCAL DateStyle = 'ISO, YMD'")
    cursor.execute("SET LOCAL jit = off")


def supported() -> bool:
    return connection.vendor == "postgresql"


def link(previous: str, content: str) -> str:
    return hashlib.sha256(f"{previous}{SEP}{content}".encode()).hexdigest()


def _tip(log: ChainedLog) -> tuple[int, int, str]:
    """(last seal id, highest sealed row id, hash to continue from)."""
    last = LogSeal.objects.filter(log=log.key).order_by("-id").values_list("id", "hash").first()
    top = LogSeal.objects.filter(log=log.key).order_by("-row_id").values_list("row_id", flat=True).first()
    if last is not None:
        return last[0], top or 0, last[1]
    prune = LogPrune.objects.filter(log=log.key).order_by("-seal_id").first()
    return (prune.seal_id, 0, prune.hash) if prune else (0, 0, GENESIS)


def seal(log: ChainedLog, *, limit: int | None = None) -> int:
    """Chain the unsealed rows: first rows below the tip that committed late, then new rows in id order, in
    batches. Returns the number sealed."""
    if not supported():
        return 0
    sealed, late = 0, True
    while limit is None or sealed < limit:
        size = min(SEAL_BATCH, limit - sealed) if limit else SEAL_BATCH
        count = _seal_batch(log, size, late=late)
        sealed += count
        if count < size:
            if not late:
                break
            late = False
    return sealed


_NEW = "TRUE"
# Index range over the last LATE_WINDOW ids with an anti-join on the seals: only once per run.
_LATE = "r.id < %(top)s AND NOT EXISTS (SELECT 1 FROM privacy_logseal s WHERE s.log = %(log)s AND s.row_id = r.id)"


@transaction.atomic
def _seal_batch(log: ChainedLog, size: int, *, late: bool) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"zvh-seal-{log.key}"])
        canonical_session(cursor)
        _seal_id, top, previous = _tip(log)
        cursor.execute(
            log.rows_sql(_LATE if late else _NEW) + " LIMIT %(size)s",
            {"top": top, "low": max(top - LATE_WINDOW, 0) if late else top, "log": log.key, "size": size},
        )
        rows = cursor.fetchall()
        if not rows:
            return 0
        lines = []
        for row_id, content in rows:
            previous = link(previous, content)
            lines.append(f"{log.key}\t{row_id}\t{previous}\n")
        # COPY: the cheapest way in for tens of thousands of seal rows (ids stay in chain order).
        cursor.cursor.copy_expert("COPY privacy_logseal (log, row_id, hash) FROM STDIN", io.StringIO("".join(lines)))
    return len(rows)


def seal_all() -> dict[str, int]:
    return {key: seal(log) for key, log in LOGS.items()}


def checkpoint(*, now=None) -> list[LogCheckpoint]:
    """Record the chain's tip per log (daily); also appended to PRIVACY_CHECKPOINT_FILE when configured."""
    now = now or timezone.now()
    made = []
    for log in LOGS.values():
        seal(log)
        last = LogSeal.objects.filter(log=log.key).order_by("-id").first()
        if last is None:
            continue
        made.append(
            LogCheckpoint.objects.create(
                log=log.key,
                gemaakt_op=now,
                seal_id=last.id,
                row_id=last.row_id,
                hash=last.hash,
                aantal=LogSeal.objects.filter(log=log.key).count(),
            )
        )
    target = getattr(settings, "PRIVACY_CHECKPOINT_FILE", "")
    if target and made:
        with Path(target).open("a", encoding="utf-8") as handle:
            for point in made:
                handle.write(json.dumps(checkpoint_record(point)) + "\n")
    return made


def checkpoint_record(point: LogCheckpoint) -> dict:
    return {
        "log": point.log,
        "gemaakt_op": point.gemaakt_op.isoformat(),
        "seal_id": point.seal_id,
        "row_id": point.row_id,
        "hash": point.hash,
    }


def prune(log: ChainedLog, *, before) -> LogPrune | None:
    """The log's own term: remove sealed rows older than ``before`` (a prefix of the chain) with their seals, and
    keep the hash the chain continues from. Only sealed rows go, so verification stays whole."""
    if not supported():
        return None
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"zvh-seal-{log.key}"])
        cursor.execute(
            f"SELECT max(s.id) FROM privacy_logseal s JOIN {log.table} r ON r.id = s.row_id "  # noqa: S608
            f"WHERE s.log = %s AND r.timestamp < %s",
            [log.key, before],
        )
        upto = cursor.fetchone()[0]
        if upto is None:
            return None
        anchor = LogSeal.objects.get(pk=upto)
        ids = "SELECT row_id FROM privacy_logseal WHERE log = %s AND id <= %s"
        cursor.execute("SET LOCAL zvh.log_retention = 'on'")
        if log is ACCESS:
            cursor.execute(f"DELETE FROM privacy_accesslogperson WHERE entry_id IN ({ids})", [log.key, upto])  # noqa: S608
        cursor.execute(f"DELETE FROM {log.table} WHERE id IN ({ids})", [log.key, upto])  # noqa: S608
        removed = cursor.rowcount
        cursor.execute("DELETE FROM privacy_logseal WHERE log = %s AND id <= %s", [log.key, upto])
        return LogPrune.objects.create(log=log.key, op=timezone.now(), seal_id=upto, hash=anchor.hash, aantal=removed)
