"""Helpers for bulk generation of historic rows (scale data)."""

import io
import json
from contextlib import contextmanager
from datetime import date, datetime, time

from django.utils import timezone


@contextmanager
def historic_timestamps(*fields):
    """Let bulk_create keep the given ``auto_now``/``auto_now_add`` values instead of stamping "now".

    ``fields`` are model fields (``Model._meta.get_field(name)``). Only for single-threaded generation commands.
    """
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    try:
        for f in fields:
            f.auto_now = f.auto_now_add = False
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def field(model, name: str):
    return model._meta.get_field(name)


def insert_rows(model, objs, *, batch_size: int = 5000) -> None:
    """``bulk_create`` for rows whose primary keys are not needed afterwards; on PostgreSQL through COPY.

    COPY skips Django's per-value preparation and the INSERT parsing: at scale (millions of rows) it is several
    times faster. Values are taken as the objects hold them (``historic_timestamps`` is not needed here: an empty
    auto_now/auto_now_add field gets the current time).
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs, batch_size=batch_size)
        return
    if not objs:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    now = timezone.now()
    buffer = io.StringIO()
    for obj in objs:
        values = []
        for f in fields:
            value = getattr(obj, f.attname)
            if value is None and f.is_relation and f.is_cached(obj) and getattr(obj, f.name) is not None:
                value = getattr(obj, f.name).pk  # assigned before the related row was saved
            if value is None and (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)):
                value = now
            values.append(_copy_text(value, f))
        buffer.write("\t".join(values))
        buffer.write("\n")
    buffer.seek(0)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN", buffer)


def _copy_text(value, f) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if f.get_internal_type() == "JSONField":
        value = json.dumps(value)
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
