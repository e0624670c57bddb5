"""The FG's autorisaties review asks when a grant was last used: which log entries name a given case. A GIN index on
the object ids answers that without scanning the log (PostgreSQL only)."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS accesslog_object_ids_gin ON privacy_accesslogentry "
            "USING gin (object_ids jsonb_path_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS accesslog_object_ids_gin")


class Migration(migrations.Migration):
    dependencies = [("privacy", "0006_log_retention_and_seals_trigger")]

    operations = [migrations.RunPython(forwards, backwards)]
