"""Triage permissions for the roles and the two triage boards of ZVH Baronie Breda."""

from django.db import migrations

from zvh.accounts.roles import add_role_permissions

ROLE_PERMISSIONS = {
    "procesregisseur": [
        "triage.view_aanmelding",
        "triage.add_aanmelding",
        "triage.change_aanmelding",
        "triage.view_weging",
        "triage.add_weging",
        "triage.view_advies",
        "triage.add_advies",
        "triage.add_triagesessie",
    ],
    "ketenpartner": ["triage.add_aanmelding", "triage.change_aanmelding"],
}


def forwards(apps, schema_editor):
    add_role_permissions(apps, ROLE_PERMISSIONS)
    Team = apps.get_model("cases", "Team")
    TriageBord = apps.get_model("triage", "TriageBord")
    weegploeg = Team.objects.get(code="weegploeg")
    TriageBord.objects.get_or_create(
        soort="mass_vt", defaults={"naam": "Gezamenlijke triage MaSS / Veilig Thuis", "frequentie": "wekelijks"}
    )
    TriageBord.objects.get_or_create(
        soort="weegploeg",
        defaults={"naam": "Weegploeg Radicalisering en Extremisme", "frequentie": "maandelijks", "team": weegploeg},
    )


class Migration(migrations.Migration):
    dependencies = [("triage", "0001_initial"), ("cases", "0004_roles_and_teams")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
