"""The ZSM team: the accounts of the ZSM partners (ketenpartners of OM, politie, Raad voor de Kinderbescherming,
reclassering, slachtofferhulp working at ZSM). Members ask for contextinformatie and submit buikpijn-meldingen.
Not a restricted theme: every procesregisseur answers."""

from django.db import migrations


def forwards(apps, schema_editor):
    Team = apps.get_model("access", "Team")
    Team.objects.get_or_create(code="zsm", defaults={"naam": "ZSM-partners"})


def backwards(apps, schema_editor):
    apps.get_model("access", "Team").objects.filter(code="zsm").delete()


class Migration(migrations.Migration):
    dependencies = [("zsm", "0001_initial"), ("access", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
