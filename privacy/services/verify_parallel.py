"""Verification in parallel segments: every seal stores its hash, so a segment of the chain can be checked from the
stored hash of the seal before it. Together with the checkpoint (which pins the chain's tip) this proves the same
as one sequential pass; N database connections share the work (PostgreSQL does most of it)."""

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, transaction

from ..models import LogPrune
from .chain import GENESIS, ChainedLog, canonical_session
from .verify import Verification, _check_tail, _stream, _unsealed, _walk

SEAL_QUERY = "SELECT id, row_id, hash FROM privacy_logseal WHERE log = %s AND id > %s AND id <= %s ORDER BY id"


def verify_parallel(log: ChainedLog, *, workers: int = 2, checkpoints: list[dict] | None = None) -> Verification:
    result = Verification(log.key)
    started = time.perf_counter()
    prune = LogPrune.objects.filter(log=log.key).order_by("-seal_id").first()
    start, genesis = (prune.seal_id, prune.hash) if prune else (0, GENESIS)
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM privacy_logseal WHERE log = %s AND id > %s", [log.key, start])
        end = cursor.fetchone()[0]
    if end is not None:
        step = max((end - start) // workers + 1, 1)
        bounds = [(a, min(a + step, end)) for a in range(start, end, step)]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(lambda ab: _segment(log, ab[0], ab[1], start, genesis), bounds))
        _combine(result, log, parts)
    if checkpoints is not None:
        _check_tail(result, log, checkpoints)
    result.seconds = time.perf_counter() - started
    return result


def _combine(result: Verification, log: ChainedLog, parts: list) -> None:
    leftovers: set[int] = set()
    top = 0
    for part, leftover, part_top in parts:  # in chain order: the first finding is the first failing row
        result.rows += part.rows
        if part.findings and result.ok:
            result.findings.append(part.findings[0])
        leftovers |= leftover
        top = max(top, part_top)
    if not result.ok:
        return
    with connection.cursor() as cursor:
        # A row read in one segment may be sealed (late) in another.
        cursor.execute(
            "SELECT row_id FROM privacy_logseal WHERE log = %s AND row_id = ANY(%s)", [log.key, sorted(leftovers)]
        )
        sealed = {row[0] for row in cursor.fetchall()}
        cursor.execute(f"SELECT count(*) FROM {log.table} WHERE id > %s", [top])  # noqa: S608 (fixed name)
        newer = cursor.fetchone()[0]
    _unsealed(result, leftovers - sealed, top)
    result.unsealed_tail += newer


def _segment(log: ChainedLog, after: int, upto: int, start: int, genesis: str):
    part = Verification(log.key)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            canonical_session(cursor)
            cursor.execute(
                "SELECT hash FROM privacy_logseal WHERE log = %s AND id > %s AND id <= %s ORDER BY id DESC LIMIT 1",
                [log.key, start, after],
            )
            found = cursor.fetchone()
            previous = found[0] if found else genesis
            cursor.execute(
                "SELECT min(row_id), max(row_id) FROM privacy_logseal WHERE log = %s AND id > %s AND id <= %s",
                [log.key, after, upto],
            )
            low, high = cursor.fetchone()
            if low is None:
                return part, set(), 0
            raw = connection.connection
            tag = uuid.uuid4().hex[:8]
            seals = _stream(raw, f"zvh_pseals_{tag}", SEAL_QUERY, [log.key, after, upto])
            rows = _stream(raw, f"zvh_prows_{tag}", log.rows_sql("r.id <= %(high)s"), {"low": low - 1, "high": high})
            try:
                leftover, top = _walk(part, seals, rows, previous, True)
            finally:
                seals.close()
                rows.close()
        return part, leftover, top
    finally:
        connection.close()  # this thread's own connection
