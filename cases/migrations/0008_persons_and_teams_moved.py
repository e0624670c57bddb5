"""Persoon and Team moved to zvh.persons and zvh.access (state only: the tables stay where they are)."""

import django.db.models.deletion
from django.db import migrations, models


def drop_stale_content_types(apps, schema_editor):
    # A data migration that ran while both old and new models existed may have recreated the old content types.
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="cases", model__in=("persoon", "team")).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_person_trigram_gin"),
        ("persons", "0001_initial"),
        ("access", "0001_initial"),
        ("triage", "0003_persons_and_teams_moved"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="casus",
                    name="hoofdpersoon",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="casussen_als_hoofdpersoon",
                        to="persons.persoon",
                        verbose_name="hoofdpersoon",
                    ),
                ),
                migrations.AlterField(
                    model_name="betrokkene",
                    name="persoon",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="betrokkenheden",
                        to="persons.persoon",
                    ),
                ),
                migrations.DeleteModel(name="Persoon"),
                migrations.DeleteModel(name="Team"),
            ]
        ),
        migrations.RunPython(drop_stale_content_types, migrations.RunPython.noop),
    ]
