"""Name search at scale: a GiST trigram index serves both the similarity filter and the ordering by distance
(the 25 best matches come straight from the index instead of sorting every match). Replaces the GIN index."""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS persoon_zoeknaam_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS persoon_zoeknaam_trgm_gist ON cases_persoon USING gist (zoeknaam gist_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS persoon_zoeknaam_trgm_gist")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS persoon_zoeknaam_trgm ON cases_persoon USING gin (zoeknaam gin_trgm_ops)"
    )


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_roles_and_teams")]

    operations = [migrations.RunPython(forwards, backwards)]
