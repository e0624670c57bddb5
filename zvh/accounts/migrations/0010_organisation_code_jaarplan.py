"""Organisation.code: a stable key for references from data (the jaarplan's facilitering rows), filled once from
the current names; it does not follow later renames."""

from django.db import migrations, models
from django.utils.text import slugify


def fill_codes(apps, schema_editor):
    Organisation = apps.get_model("accounts", "Organisation")
    taken = set()
    for organisation in Organisation.objects.order_by("pk"):
        base = slugify(organisation.name)[:56] or f"organisatie-{organisation.pk}"
        code, n = base, 1
        while code in taken:
            n += 1
            code = f"{base}-{n}"
        taken.add(code)
        organisation.code = code
        organisation.save(update_fields=["code"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_hashed_backup_codes"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="code",
            field=models.SlugField(
                blank=True,
                help_text="Vaste sleutel, bijvoorbeeld ‘veilig-thuis’. Verandert niet als de naam verandert.",
                max_length=60,
                null=True,
                unique=True,
                verbose_name="code",
            ),
        ),
        migrations.RunPython(fill_codes, migrations.RunPython.noop),
    ]
