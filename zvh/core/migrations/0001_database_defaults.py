"""jit = off and TimeZone = UTC as the database's own defaults (PostgreSQL only).

Direct connections also send them at connect (``options`` in the settings); through PgBouncer, which refuses that
startup parameter, these defaults are what every new server connection starts with and what ``DISCARD ALL``
returns to between two clients. Only the database's owner (or a superuser) may set them: for anyone else the
migration prints the statements for the owner to run, and pooled connections keep PostgreSQL's defaults till then.
"""

import sys

from django.db import migrations

DEFAULTS = {"jit": "off", "timezone": "UTC"}


def _database(schema_editor) -> str | None:
    """The database's quoted name when this connection may alter it (PostgreSQL, owner or superuser)."""
    if schema_editor.connection.vendor != "postgresql":
        return None
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_database(), pg_has_role(datdba, 'MEMBER') FROM pg_database WHERE datname = current_database()"
        )
        name, owner = cursor.fetchone()
    if owner:
        return schema_editor.quote_name(name)
    statements = " ".join(f"ALTER DATABASE {schema_editor.quote_name(name)} SET {k} = '{v}';" for k, v in DEFAULTS.items())
    sys.stderr.write(f"\nLet op: alleen de eigenaar van de database kan jit en TimeZone instellen: {statements}\n")
    return None


def set_defaults(apps, schema_editor):
    if database := _database(schema_editor):
        for name, value in DEFAULTS.items():
            schema_editor.execute(f"ALTER DATABASE {database} SET {name} = '{value}'", params=None)


def reset_defaults(apps, schema_editor):
    if database := _database(schema_editor):
        for name in DEFAULTS:
            schema_editor.execute(f"ALTER DATABASE {database} RESET {name}", params=None)


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(set_defaults, reset_defaults, elidable=False)]
