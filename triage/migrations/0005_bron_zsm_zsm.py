"""Aanmelding.bron: where an aanmelding came from (ketenpartner, or ZSM for "buikpijn"-meldingen). Owned by the
zsm branch; existing rows are ketenpartner aanmeldingen."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("triage", "0004_advies_aanleiding")]

    operations = [
        migrations.AddField(
            model_name="aanmelding",
            name="bron",
            field=models.CharField(
                choices=[("partner", "ketenpartner"), ("zsm", "ZSM (buikpijnmelding)")],
                default="partner",
                max_length=16,
                verbose_name="bron",
            ),
        ),
    ]
