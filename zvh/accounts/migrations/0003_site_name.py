"""Name the site: authenticator apps show it as the issuer of the TOTP account."""

from django.db import migrations


def forwards(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(pk=1, defaults={"domain": "casusregie", "name": "ZVH Casusregie"})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_roles"), ("sites", "__latest__")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
