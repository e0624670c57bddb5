"""The retention job may destroy a BIJ-melding (wijze "vernietigen", set by the FG): the trigger of migration 0003
still refuses every DELETE, except inside a transaction where the retention job has set
``zvh.vernietigen = 'aan'`` (privacy.services.retention). A recorded state transition can still never be changed."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION zvh_bij_refuse() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('zvh.vernietigen', true) = 'aan' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'BIJ: % op % is niet toegestaan', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""
OLD_FUNCTION = """
CREATE OR REPLACE FUNCTION zvh_bij_refuse() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'BIJ: % op % is niet toegestaan', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(OLD_FUNCTION, params=None)


class Migration(migrations.Migration):
    dependencies = [("bij", "0003_never_deleted")]

    operations = [migrations.RunPython(forwards, backwards)]
