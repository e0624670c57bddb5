"""Indexes for the access layer's probe per person (search, person pages): a person's aanmeldingen, and the columns
of the partner rule (organisation, status, theme, melder) without reading the aanmelding row. The covering index
is PostgreSQL only (SQLite has no INCLUDE), so it is created here rather than declared on the model."""

from django.db import migrations, models


def covering_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS aanmelding_toegang ON triage_aanmelding (id) "
            "INCLUDE (aanbrengende_partner_id, status, thema, ingediend_door_id)"
        )


def drop_covering_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS aanmelding_toegang")


class Migration(migrations.Migration):
    dependencies = [
        ("persons", "0001_initial"),
        ("triage", "0008_melder_aangemaakt_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="aanmeldingbetrokkene",
            index=models.Index(fields=["persoon", "aanmelding"], name="aanmbetrokkene_persoon"),
        ),
        migrations.RunPython(covering_index, drop_covering_index),
    ]
