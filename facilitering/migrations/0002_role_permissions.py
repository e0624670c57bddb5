"""Give the role groups the facilitering model permissions they need."""

from django.db import migrations

from zvh.accounts.roles import add_role_permissions

ROLE_PERMISSIONS = {
    "secretariaat": [
        "facilitering.view_room",
        "facilitering.view_agreement",
        "facilitering.add_agreement",
        "facilitering.change_agreement",
        "facilitering.view_series",
        "facilitering.add_series",
        "facilitering.change_series",
        "facilitering.view_booking",
        "facilitering.add_booking",
        "facilitering.change_booking",
        "facilitering.add_calendarfeed",
        "facilitering.delete_calendarfeed",
    ],
    "ketenpartner": [
        "facilitering.view_room",
        "facilitering.view_agreement",
        "facilitering.view_series",
        "facilitering.add_series",
        "facilitering.view_booking",
        "facilitering.add_booking",
        "facilitering.change_booking",
        "facilitering.add_calendarfeed",
        "facilitering.delete_calendarfeed",
    ],
    "manager": ["facilitering.view_agreement", "facilitering.view_room"],
    "beheerder": ["facilitering.view_room", "facilitering.add_room", "facilitering.change_room"],
}


def forwards(apps, schema_editor):
    add_role_permissions(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="facilitering")
    for group in Group.objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("facilitering", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
