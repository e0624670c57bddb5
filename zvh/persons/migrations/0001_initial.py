"""Persoon moves from the cases app to the shared person register, without touching its table (cases_persoon)."""

import django.core.validators
from django.db import migrations, models

import zvh.persons.models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="cases", model="persoon").first()
    if old is not None and not ContentType.objects.filter(app_label="persons", model="persoon").exists():
        old.app_label = "persons"
        old.save(update_fields=["app_label"])


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="persons", model="persoon").update(app_label="cases")


PERSOON = migrations.CreateModel(
    name="Persoon",
    fields=[
        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
        (
            "bsn",
            models.CharField(
                blank=True,
                max_length=9,
                null=True,
                validators=[zvh.persons.models.validate_bsn],
                verbose_name="BSN",
            ),
        ),
        ("voornamen", models.CharField(max_length=200, verbose_name="voornamen")),
        ("tussenvoegsel", models.CharField(blank=True, max_length=20, verbose_name="tussenvoegsel")),
        ("achternaam", models.CharField(max_length=200, verbose_name="achternaam")),
        ("geboortedatum", models.DateField(blank=True, null=True, verbose_name="geboortedatum")),
        (
            "geslacht",
            models.CharField(
                blank=True,
                choices=[("v", "vrouw"), ("m", "man"), ("x", "anders / onbekend")],
                max_length=1,
                verbose_name="geslacht",
            ),
        ),
        ("straat", models.CharField(blank=True, max_length=200, verbose_name="straat")),
        ("huisnummer", models.CharField(blank=True, max_length=20, verbose_name="huisnummer")),
        (
            "postcode",
            models.CharField(
                blank=True,
                max_length=7,
                validators=[
                    django.core.validators.RegexValidator(
                        "^[1-9][0-9]{3} [A-Z]{2}$",
                        "Vul de postcode in als 1234 AB (vier cijfers, spatie, twee hoofdletters).",
                    )
                ],
                verbose_name="postcode",
            ),
        ),
        ("woonplaats", models.CharField(blank=True, max_length=100, verbose_name="woonplaats")),
        ("brp_gemeente", models.CharField(blank=True, max_length=100, verbose_name="BRP-gemeente")),
        ("zoeknaam", models.CharField(db_index=True, editable=False, max_length=400)),
        ("aangemaakt_op", models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op")),
        ("gewijzigd_op", models.DateTimeField(auto_now=True, verbose_name="gewijzigd op")),
    ],
    options={
        "verbose_name": "persoon",
        "verbose_name_plural": "personen",
        "db_table": "cases_persoon",
        "ordering": ["achternaam", "voornamen"],
        "indexes": [models.Index(fields=["achternaam", "geboortedatum"], name="persoon_naam_geboorte")],
        "constraints": [
            models.UniqueConstraint(
                condition=models.Q(("bsn__isnull", False)), fields=("bsn",), name="persoon_bsn_uniek"
            )
        ],
    },
)


class Migration(migrations.Migration):
    initial = True

    dependencies = [("cases", "0007_person_trigram_gin"), ("contenttypes", "0002_remove_content_type_name")]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[PERSOON]),
        migrations.RunPython(move_content_type, restore_content_type),
    ]
