"""Create the six role groups with the model permissions they need from the foundation."""

from django.db import migrations

from zvh.accounts.roles import add_role_permissions

ROLE_PERMISSIONS = {
    "procesregisseur": ["accounts.view_organisation", "accounts.view_user"],
    "secretariaat": ["accounts.view_organisation", "accounts.view_user"],
    "ketenpartner": ["accounts.view_organisation"],
    "manager": ["accounts.view_organisation"],
    "fg": [
        "accounts.view_organisation",
        "accounts.view_user",
        "auditlog.view_logentry",
        "axes.view_accesslog",
        "axes.view_accessfailurelog",
        "axes.view_accessattempt",
    ],
    "beheerder": [
        "accounts.view_organisation",
        "accounts.add_organisation",
        "accounts.change_organisation",
        "accounts.view_user",
        "accounts.add_user",
        "accounts.change_user",
        "auth.view_group",
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
        "otp_static.view_staticdevice",
        "otp_static.delete_staticdevice",
    ],
}


def forwards(apps, schema_editor):
    add_role_permissions(apps, ROLE_PERMISSIONS)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auditlog", "__latest__"),
        ("axes", "__latest__"),
        ("otp_totp", "__latest__"),
        ("otp_static", "__latest__"),
        ("contenttypes", "__latest__"),
        ("auth", "__latest__"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
