"""On PostgreSQL the database itself refuses UPDATE and DELETE on the access log tables."""

from django.db import migrations

TABLES = ("privacy_accesslogentry", "privacy_accesslogperson")

FUNCTION = """
CREATE OR REPLACE FUNCTION zvh_access_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'De toegangsregistratie is alleen aan te vullen (% geweigerd)', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION zvh_access_log_append_only()"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    schema_editor.execute("DROP FUNCTION IF EXISTS zvh_access_log_append_only()")


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_access_log")]

    operations = [migrations.RunPython(forwards, backwards)]
