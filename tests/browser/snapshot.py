"""The demo's rows as seeded once per test worker, copied back into the emptied tables for each browser test."""

import io
from dataclasses import dataclass, field


@dataclass
class DemoSnapshot:
    names: list[str] = field(default_factory=list)
    tables: dict[str, bytes] = field(default_factory=dict)
    sequences: list[tuple[str, int | None]] = field(default_factory=list)

    current = None  # one per worker process (class attribute, set by the demo fixture)

    @classmethod
    def take(cls, connection) -> "DemoSnapshot":
        snapshot = cls()
        with connection.cursor() as cursor:
            raw = cursor.cursor
            snapshot.names = _tables(cursor)
            for table in snapshot.names:
                buffer = io.BytesIO()
                raw.copy_expert(f'COPY (SELECT * FROM "{table}") TO STDOUT', buffer)
                if buffer.tell():
                    snapshot.tables[table] = buffer.getvalue()
            cursor.execute("SELECT schemaname || '.' || sequencename, last_value FROM pg_sequences")
            snapshot.sequences = list(cursor.fetchall())
        return snapshot

    def restore(self, connection) -> None:
        """In one transaction; tables still holding rows (the rows Django's serialized rollback put back, or a
        test before this one that was not flushed) are emptied first.

        As superuser (the test databases here) they are emptied with DELETE and the rows copied in with row
        triggers and foreign-key checks off (``session_replication_role = replica``, as tests/dbtemplate.py's
        flush): the snapshot is consistent, and TRUNCATE … CASCADE of the filled tables took 0.3-0.55 s per test
        against a few milliseconds. Otherwise TRUNCATE, with the checks deferred to the commit."""
        from django.db import transaction

        from tests.dbtemplate import superuser

        fast = superuser(connection)
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(f'(SELECT %s FROM "{t}" LIMIT 1)' for t in self.names), self.names)
            filled = [name for (name,) in cursor.fetchall()]
            if fast:
                cursor.execute("SET LOCAL session_replication_role = replica")
                for table in filled:
                    cursor.execute(f'DELETE FROM "{table}"')
            else:
                if filled:
                    cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in filled) + " CASCADE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            raw = cursor.cursor
            for table, data in self.tables.items():
                raw.copy_expert(f'COPY "{table}" FROM STDIN', io.BytesIO(data))
            if fast:
                cursor.execute("SET LOCAL session_replication_role = origin")
            for sequence, last_value in self.sequences:
                if last_value is None:
                    cursor.execute("SELECT setval(%s::regclass, 1, false)", [sequence])
                else:
                    cursor.execute("SELECT setval(%s::regclass, %s, true)", [sequence, last_value])


def _tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition "
        "AND c.relname <> 'django_migrations' ORDER BY c.relname"
    )
    return [name for (name,) in cursor.fetchall()]
