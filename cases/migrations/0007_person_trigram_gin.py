"""Name search, measured at 250,000 persons (make bench), uses two trigram indexes:

- GIN on ``zoeknaam`` finds the matches of a multi-word name fast (~6 ms); the few matches are then sorted.
- GiST on ``lower(zoeknaam)`` returns the nearest names of a single (often common) word in order, without
  sorting thousands of matches (~2 ms). It is an expression index on purpose: a multi-word query on the plain
  column can then only use GIN (with both on one column the planner picked GiST, 50 ms).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS persoon_zoeknaam_trgm_gist")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS persoon_zoeknaam_trgm ON cases_persoon USING gin (zoeknaam gin_trgm_ops)"
    )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS persoon_zoeknaam_lower_trgm_gist ON cases_persoon "
        "USING gist (lower(zoeknaam) gist_trgm_ops)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS persoon_zoeknaam_lower_trgm_gist")


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_list_index")]

    operations = [migrations.RunPython(forwards, backwards)]
