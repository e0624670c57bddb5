"""Beheerders review role change requests; the FG may read them."""

from django.db import migrations

from zvh.accounts.roles import add_role_permissions

ROLE_PERMISSIONS = {
    "beheerder": ["accounts.view_rolechangerequest", "accounts.change_rolechangerequest"],
    "fg": ["accounts.view_rolechangerequest"],
}


def forwards(apps, schema_editor):
    add_role_permissions(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0007_role_change_request")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
