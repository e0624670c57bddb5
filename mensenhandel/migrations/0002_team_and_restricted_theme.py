"""The mensenhandel team and its restricted theme: signalen, trajecten and cases with thema mensenhandel are for
the team's members only (in every role)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Team = apps.get_model("access", "Team")
    BeperktThema = apps.get_model("access", "BeperktThema")
    team, _created = Team.objects.get_or_create(code="mensenhandel", defaults={"naam": "Zorgcoördinatie mensenhandel"})
    BeperktThema.objects.get_or_create(
        thema="mensenhandel",
        defaults={
            "team": team,
            "toelichting": "Alleen het team zorgcoördinatie mensenhandel ziet signalen, trajecten en casussen over "
            "mensenhandel (privacyprotocol mensenhandel).",
        },
    )


def backwards(apps, schema_editor):
    apps.get_model("access", "BeperktThema").objects.filter(thema="mensenhandel").delete()
    apps.get_model("access", "Team").objects.filter(code="mensenhandel").delete()


class Migration(migrations.Migration):
    dependencies = [("mensenhandel", "0001_initial"), ("access", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
