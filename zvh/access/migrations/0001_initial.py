"""Team moves from the cases app to the access layer (same tables); restricted themes become data."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from zvh.accounts.roles import add_role_permissions


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="cases", model="team").first()
    if old is not None and not ContentType.objects.filter(app_label="access", model="team").exists():
        old.app_label = "access"
        old.save(update_fields=["app_label"])


def restore_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="access", model="team").update(app_label="cases")


def seed(apps, schema_editor):
    Team = apps.get_model("access", "Team")
    BeperktThema = apps.get_model("access", "BeperktThema")
    weegploeg, _ = Team.objects.get_or_create(
        code="weegploeg", defaults={"naam": "Weegploeg Radicalisering en Extremisme"}
    )
    BeperktThema.objects.get_or_create(
        thema="radicalisering",
        defaults={"team": weegploeg, "toelichting": "Alleen leden van de Weegploeg zien radicaliseringsdossiers."},
    )
    add_role_permissions(
        apps,
        {
            "beheerder": [
                "access.view_team",
                "access.change_team",
                "access.view_beperktthema",
                "access.add_beperktthema",
                "access.change_beperktthema",
            ]
        },
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("cases", "0007_person_trigram_gin"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Team",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("code", models.SlugField(unique=True, verbose_name="code")),
                        ("naam", models.CharField(max_length=200, verbose_name="naam")),
                        (
                            "leden",
                            models.ManyToManyField(
                                blank=True,
                                db_table="cases_team_leden",
                                related_name="teams",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="leden",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "team",
                        "verbose_name_plural": "teams",
                        "db_table": "cases_team",
                        "ordering": ["naam"],
                    },
                )
            ]
        ),
        migrations.RunPython(move_content_type, restore_content_type),
        migrations.CreateModel(
            name="BeperktThema",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "thema",
                    models.SlugField(
                        help_text="De code van het thema, bijvoorbeeld radicalisering.",
                        max_length=32,
                        unique=True,
                        verbose_name="thema",
                    ),
                ),
                ("toelichting", models.TextField(blank=True, verbose_name="toelichting")),
                (
                    "team",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="themas",
                        to="access.team",
                        verbose_name="team",
                    ),
                ),
            ],
            options={
                "verbose_name": "beperkt thema",
                "verbose_name_plural": "beperkte thema's",
                "ordering": ["thema"],
            },
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
