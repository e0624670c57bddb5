"""The BIJ team (procesregisseurs mandated for BIJ), the restricted theme "bij", and the OOV-adviseurs' team."""

from django.db import migrations

TEAMS = {
    "bij": "BIJ-team (Bestuurlijke Informatievoorziening Justitiabelen)",
    "oov-adviseur": "OOV-adviseurs van de gemeenten",
}


def forwards(apps, schema_editor):
    Team = apps.get_model("access", "Team")
    BeperktThema = apps.get_model("access", "BeperktThema")
    teams = {code: Team.objects.get_or_create(code=code, defaults={"naam": naam})[0] for code, naam in TEAMS.items()}
    BeperktThema.objects.get_or_create(
        thema="bij",
        defaults={
            "team": teams["bij"],
            "toelichting": "BIJ-meldingen zijn alleen zichtbaar voor het BIJ-team en voor partners die per melding "
            "zijn uitgenodigd.",
        },
    )


def backwards(apps, schema_editor):
    apps.get_model("access", "BeperktThema").objects.filter(thema="bij").delete()
    apps.get_model("access", "Team").objects.filter(code__in=TEAMS).delete()


class Migration(migrations.Migration):
    dependencies = [("bij", "0001_initial"), ("access", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
