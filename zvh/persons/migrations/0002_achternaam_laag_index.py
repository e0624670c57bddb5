"""A one-word person search first asks for exact surnames (``lower(achternaam) = term``) in id order, the access
layer's person condition answered from other indexes: with the id and the name in this index, PostgreSQL reads no
person row for the matches the user may not see (a partner who sees one Jansen in twelve walks twelve index entries,
not twelve table rows). ``INCLUDE (achternaam)`` lets the planner use an index-only scan on an expression index.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS persoon_achternaam_laag ON cases_persoon (lower(achternaam), id) "
        "INCLUDE (achternaam)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS persoon_achternaam_laag")


class Migration(migrations.Migration):
    dependencies = [("persons", "0001_initial"), ("cases", "0007_person_trigram_gin")]

    operations = [migrations.RunPython(forwards, backwards)]
