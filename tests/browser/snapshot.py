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
        """In one transaction; tables still holding rows (a test before this one that was not flushed) are
        emptied first."""
        from django.db import transaction

        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(f'(SELECT %s FROM "{t}" LIMIT 1)' for t in self.names), self.names)
            filled = [name for (name,) in cursor.fetchall()]
            if filled:
                cursor.execute("TRUNCATE " + ", ".join(f'"{t}"' for t in filled) + " CASCADE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            raw = cursor.cursor
            for table, data in self.tables.items():
                raw.copy_expert(f'COPY "{table}" FROM STDIN', io.BytesIO(data))
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
