"""Verifying the hash chain: names the first row that fails.

Two ordered streams are read side by side (server-side cursors): the seals in chain order and the rows in id order.
They are almost the same order; the few rows that were sealed late are held in a small buffer until their seal comes.
Cost: one sequential pass over each table and one sha256 per row.
"""

import time
from dataclasses import dataclass, field

from django.db import connection, transaction

from ..models import LogCheckpoint, LogPrune
from .chain import GENESIS, LATE_WINDOW, LOGS, ChainedLog, canonical_session, link, supported

FETCH = 20_000


@dataclass
class Finding:
    row_id: int | None
    reason: str


@dataclass
class Verification:
    log: str
    rows: int = 0
    unsealed_tail: int = 0
    seconds: float = 0.0
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def first(self) -> Finding | None:
        return self.findings[0] if self.findings else None

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def _stream(raw, name: str, sql: str, params: list):
    import uuid

    cursor = raw.cursor(name=f"{name}_{uuid.uuid4().hex[:8]}")
    cursor.itersize = FETCH
    try:
        cursor.execute(sql, params)
        while True:
            batch = cursor.fetchmany(FETCH)
            if not batch:
                break
            yield from batch
    finally:
        cursor.close()


def verify(log: ChainedLog, *, checkpoints: list[dict] | None = None, stop_at_first: bool = True) -> Verification:
    result = Verification(log.key)
    if not supported():
        result.findings.append(Finding(None, "alleen op PostgreSQL"))
        return result
    started = time.perf_counter()
    prune = LogPrune.objects.filter(log=log.key).order_by("-seal_id").first()
    start_seal, previous = (prune.seal_id, prune.hash) if prune else (0, GENESIS)
    with transaction.atomic():
        connection.ensure_connection()
        with connection.cursor() as cursor:
            canonical_session(cursor)
        raw = connection.connection
        # Seals are read before rows (the generators open their cursors in this order): a row sealed after the
        # seal cursor opened is merely "not sealed yet", never a missing row.
        seals = _stream(
            raw,
            f"zvh_seals_{log.key}",
            "SELECT id, row_id, hash FROM privacy_logseal WHERE log = %s AND id > %s ORDER BY id",
            [log.key, start_seal],
        )
        first_row = _first_sealed_row(log.key, start_seal)
        rows = _stream(
            raw,
            f"zvh_rows_{log.key}",
            log.rows_sql("TRUE"),
            {"low": first_row - 1},
        )
        try:
            unsealed, top = _walk(result, seals, rows, previous, stop_at_first)
        finally:
            seals.close()
            rows.close()
    if result.ok or not stop_at_first:
        _unsealed(result, unsealed, top)
    if checkpoints is not None:
        _check_tail(result, log, checkpoints)
    result.seconds = time.perf_counter() - started
    return result


def _first_sealed_row(key: str, start_seal: int) -> int:
    from ..models import LogSeal

    first = LogSeal.objects.filter(log=key, id__gt=start_seal).order_by("row_id").values_list("row_id", flat=True)
    return first.first() or 0


def _walk(result: Verification, seals, rows, previous: str, stop_at_first: bool) -> tuple[set[int], int]:
    """Check every seal against its row; returns the ids of rows read that no seal here named, and the highest
    row id sealed."""
    waiting: dict[int, str] = {}  # rows read ahead of their (late) seal
    row_iter = iter(rows)
    position = 0  # highest row id read so far
    top = 0
    for _seal_id, row_id, stored in seals:
        top = max(top, row_id)
        content = waiting.pop(row_id, None)
        while content is None and position < row_id:
            nxt = next(row_iter, None)
            if nxt is None:
                position = 2**63
                break
            position = nxt[0]
            if position == row_id:
                content = nxt[1]
            else:
                waiting[position] = nxt[1]
        if content is None:
            result.findings.append(Finding(row_id, "rij ontbreekt (verwijderd) terwijl het zegel er nog is"))
            if stop_at_first:
                return set(waiting), top
            previous = stored
            continue
        result.rows += 1
        if link(previous, content) != stored:
            result.findings.append(Finding(row_id, "inhoud of volgorde gewijzigd: de hash klopt niet"))
            if stop_at_first:
                return set(waiting), top
        previous = stored
    return set(waiting) | {row[0] for row in row_iter}, top


def _unsealed(result: Verification, unsealed: set[int], top: int) -> None:
    """Rows without a seal: near or above the tip they are simply not sealed yet; far below it they were inserted."""
    late = [row_id for row_id in unsealed if row_id < top - LATE_WINDOW]
    if late:
        result.findings.append(Finding(min(late), "rij zonder zegel tussen verzegelde rijen (ingevoegd?)"))
    result.unsealed_tail = len(unsealed) - len(late)


def _check_tail(result: Verification, log: ChainedLog, checkpoints: list[dict]) -> None:
    """Every checkpoint the FG kept must still be in the chain with the same hash (else the tail was cut off)."""
    from ..models import LogSeal

    prune = LogPrune.objects.filter(log=log.key).order_by("-seal_id").first()
    for point in checkpoints:
        if point.get("log") != log.key or (prune and point["seal_id"] <= prune.seal_id):
            continue
        seal = LogSeal.objects.filter(log=log.key, id=point["seal_id"]).values_list("row_id", "hash").first()
        if seal is None or seal[1] != point["hash"]:
            result.findings.append(
                Finding(point["row_id"], "controlepunt niet meer in de keten: het einde van de log is afgeknipt")
            )


def stored_checkpoints() -> list[dict]:
    return [
        {"log": p.log, "seal_id": p.seal_id, "row_id": p.row_id, "hash": p.hash}
        for p in LogCheckpoint.objects.order_by("gemaakt_op")
    ]


def verify_all(*, checkpoints: list[dict] | None = None) -> list[Verification]:
    return [verify(log, checkpoints=checkpoints) for log in LOGS.values()]
