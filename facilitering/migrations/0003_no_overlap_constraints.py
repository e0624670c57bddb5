"""On PostgreSQL the database itself refuses overlapping bookings of one room or one medewerker.

The services check conflicts inside a transaction with row locks; these exclusion constraints (btree_gist) are the
last line of defence against two requests that arrive at the same moment. Cancelled bookings do not count.
SQLite has no exclusion constraints: there the services' checks and SQLite's single writer suffice.
"""

from django.db import migrations

CONSTRAINTS = {
    "fac_booking_no_room_overlap": "room_id",
    "fac_booking_no_medewerker_overlap": "medewerker_id",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    for name, column in CONSTRAINTS.items():
        schema_editor.execute(
            f"ALTER TABLE facilitering_booking ADD CONSTRAINT {name} EXCLUDE USING gist "
            f"({column} WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) "
            f"WHERE (status <> 'geannuleerd' AND {column} IS NOT NULL)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONSTRAINTS:
        schema_editor.execute(f"ALTER TABLE facilitering_booking DROP CONSTRAINT IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("facilitering", "0002_role_permissions")]

    operations = [migrations.RunPython(forwards, backwards)]
