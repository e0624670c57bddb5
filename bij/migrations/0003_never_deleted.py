"""On PostgreSQL the database itself refuses to delete a BIJ-melding, and to change or delete a recorded
state transition: a melding is closed with a reason, never removed."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION zvh_bij_refuse() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'BIJ: % op % is niet toegestaan', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""
TRIGGERS = {
    "bij_melding": "DELETE",
    "bij_overgang": "UPDATE OR DELETE",
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table, events in TRIGGERS.items():
        schema_editor.execute(
            f"CREATE TRIGGER {table}_bewaren BEFORE {events} ON {table} FOR EACH ROW EXECUTE FUNCTION zvh_bij_refuse()"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TRIGGERS:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_bewaren ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS zvh_bij_refuse()")


class Migration(migrations.Migration):
    dependencies = [("bij", "0002_teams_and_theme")]

    operations = [migrations.RunPython(forwards, backwards)]
