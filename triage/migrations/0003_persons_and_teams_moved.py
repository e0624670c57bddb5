"""Persoon and Team moved to zvh.persons and zvh.access: the foreign keys follow (state only, same columns)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("triage", "0002_roles_and_boards"), ("persons", "0001_initial"), ("access", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="aanmeldingbetrokkene",
                    name="persoon",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="persons.persoon",
                    ),
                ),
                migrations.AlterField(
                    model_name="triagebord",
                    name="team",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="access.team",
                        verbose_name="alleen voor leden van",
                    ),
                ),
            ]
        )
    ]
