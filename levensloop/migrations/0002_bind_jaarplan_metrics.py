"""Bind the jaarplan 2022 rows about verward gedrag (Ketenveldnorm levensloopfunctie) to this app's metrics in a
database that loaded the jaarplan before the app existed (``jaarplan_load`` never changes an existing year)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from levensloop.jaarplan import bind

    bind(apps.get_model("reporting", "Activiteit"))


def backwards(apps, schema_editor):
    from levensloop.jaarplan import BINDINGS, THEMA

    Activiteit = apps.get_model("reporting", "Activiteit")
    for omschrijving, key in BINDINGS.items():
        Activiteit.objects.filter(thema__titel=THEMA, omschrijving=omschrijving, metric_key=key).update(metric_key="")


class Migration(migrations.Migration):
    dependencies = [("levensloop", "0001_initial"), ("reporting", "0003_report_sweeper")]

    operations = [migrations.RunPython(forwards, backwards)]
