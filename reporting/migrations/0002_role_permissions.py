"""Role permissions for the jaarplan and the quarterly reports.

manager: maintains the jaarplan (copy to a new year, edit), enters realisations, requests and downloads reports.
secretariaat: reads the jaarplan and enters realisations. beheerder: reads the jaarplan, requests and downloads
reports. No role may delete a report or a jaarplan: they are the organisation's record of what was reported.
"""

from django.db import migrations

from zvh.accounts.roles import add_role_permissions

JAARPLAN_MODELS = ("jaarplan", "ontwikkellijn", "thema", "activiteit")

ROLE_PERMISSIONS = {
    "manager": [
        *(f"reporting.{action}_{model}" for model in JAARPLAN_MODELS for action in ("view", "add", "change")),
        "reporting.view_realisatie",
        "reporting.add_realisatie",
        "reporting.change_realisatie",
        "reporting.delete_realisatie",
        "reporting.view_report",
        "reporting.add_report",
    ],
    "secretariaat": [
        *(f"reporting.view_{model}" for model in JAARPLAN_MODELS),
        "reporting.view_realisatie",
        "reporting.add_realisatie",
        "reporting.change_realisatie",
        "reporting.delete_realisatie",
    ],
    "beheerder": [
        *(f"reporting.view_{model}" for model in JAARPLAN_MODELS),
        "reporting.view_realisatie",
        "reporting.view_report",
        "reporting.add_report",
    ],
}


def forwards(apps, schema_editor):
    add_role_permissions(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="reporting"))


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0001_jaarplan"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
