"""The team whose members (ketenpartners of a gemeente) are coördinator re-integratie.

No restricted theme: trajecten are not a closed theme (partners see them through a toegang or consent); the team
only marks the gemeente function. The beheerder adds members."""

from django.db import migrations

CODE = "coordinator-reintegratie"


def forwards(apps, schema_editor):
    Team = apps.get_model("access", "Team")
    Team.objects.get_or_create(code=CODE, defaults={"naam": "Coördinatoren re-integratie ex-gedetineerden"})


def backwards(apps, schema_editor):
    Team = apps.get_model("access", "Team")
    Team.objects.filter(code=CODE).delete()


class Migration(migrations.Migration):
    dependencies = [("reintegration", "0001_initial"), ("access", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
