"""Give every organisation its group and put its users in it (organisation-wide grants use it)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Organisation = apps.get_model("accounts", "Organisation")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("accounts", "User")
    for organisation in Organisation.objects.filter(group__isnull=True):
        organisation.group, _ = Group.objects.get_or_create(name=f"organisatie:{organisation.pk}")
        organisation.save(update_fields=["group"])
    for user in User.objects.select_related("organisation"):
        user.groups.add(user.organisation.group_id)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_organisation_group")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
