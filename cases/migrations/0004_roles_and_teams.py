"""Case permissions for the roles, and the Weegploeg team."""

from django.db import migrations

from zvh.accounts.roles import add_role_permissions

CASE_WORK = [
    "cases.view_casus",
    "cases.add_casus",
    "cases.change_casus",
    "cases.view_alle_casussen",
    "cases.view_persoon",
    "cases.add_persoon",
    "cases.change_persoon",
    "cases.view_grant",
    "cases.add_grant",
    "cases.change_grant",
    "cases.add_afspraak",
    "cases.change_afspraak",
    "cases.add_logboekentry",
    "cases.view_casusoverleg",
    "cases.add_casusoverleg",
    "cases.change_casusoverleg",
    "cases.add_agendapunt",
    "cases.change_agendapunt",
    "cases.add_deelnemer",
]

ROLE_PERMISSIONS = {
    "procesregisseur": CASE_WORK,
    "secretariaat": [
        "cases.view_casusoverleg",
        "cases.add_casusoverleg",
        "cases.change_casusoverleg",
        "cases.change_agendapunt",
        "cases.add_deelnemer",
        "cases.add_afspraak",
    ],
    "ketenpartner": ["cases.view_casus", "cases.add_logboekentry", "cases.change_afspraak"],
    "fg": ["privacy.view_accesslogentry"],
    "beheerder": ["cases.view_team", "cases.change_team"],
}


def forwards(apps, schema_editor):
    add_role_permissions(apps, ROLE_PERMISSIONS)
    Team = apps.get_model("cases", "Team")
    Team.objects.get_or_create(code="weegploeg", defaults={"naam": "Weegploeg Radicalisering en Extremisme"})


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_person_trigram_index"), ("accounts", "0002_roles"), ("privacy", "0001_access_log")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
