"""The access log's own retention term may remove its oldest sealed rows; nothing else may update or delete them.

The trigger function now lets a DELETE through only inside a transaction that set ``zvh.log_retention`` (done by
privacy.services.chain.prune, which records the hash the chain continues from). The seal table gets the same
trigger.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION zvh_access_log_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('zvh.log_retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'De toegangsregistratie is alleen aan te vullen (% geweigerd)', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""

ORIGINAL = """
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
    schema_editor.execute(
        "CREATE TRIGGER privacy_logseal_append_only BEFORE UPDATE OR DELETE ON privacy_logseal "
        "FOR EACH ROW EXECUTE FUNCTION zvh_access_log_append_only()"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP TRIGGER IF EXISTS privacy_logseal_append_only ON privacy_logseal")
    schema_editor.execute(ORIGINAL, params=None)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0005_avg_registers")]

    operations = [migrations.RunPython(forwards, backwards)]
