"""Bind the rows of an already loaded Jaarplan 2022 as the seed now does (new installations get it from the seed):
trainings, netwerkdag, Week tegen mensenhandel and werkbezoeken from the activities register; DPIA and protocol
milestones from the FG's register; advies op verzoek per theme; facilitering partners by their stable code.
Rows that were bound otherwise by hand (a metric other than the old one) are left alone."""

from django.db import migrations

COMPLEXE_THEMAS = "complex,radicalisering,verward,ex_gedetineerde,huiselijk_geweld,jeugd,overig"
FAC = "Continueren van administratieve ondersteuning aan partners t.b.v. casusoverleg — "

# omschrijving: (old metric key, new metric key, new params)
BINDINGS = {
    "Geven van advies op verzoek": ("triage.adviezen", "triage.adviezen_thema", {"themas": COMPLEXE_THEMAS}),
    "Afleggen van werkbezoeken, organiseren van ontvangsten en organiseren van trainingen": (
        "",
        "netwerk.activiteiten",
        {"soort": "werkbezoek"},
    ),
    "Organiseren van een districtelijke netwerkdag Zorg en Veiligheid": ("", "netwerk.bereikt", {"soort": "netwerkdag"}),
    "Week tegen de mensenhandel": ("", "netwerk.bereikt", {"soort": "week_mensenhandel"}),
    "Training polarisatie en radicalisering": ("", "netwerk.getraind", {"training": "polarisatie"}),
    "Training gegevensdeling": ("", "netwerk.getraind", {"training": "gegevensdeling"}),
    "Onderhoud regiekaart de-escaleren": ("", "netwerk.getraind", {"training": "regiekaart"}),
    "Training informatieverwerkingssysteem": ("", "netwerk.getraind", {"training": "informatiesysteem"}),
    "DPIA informatiesysteem": ("", "privacy.vastgesteld", {"soort": "dpia", "titel": "DPIA informatiesysteem"}),
    "Uitvoeren van een DPIA": ("", "privacy.vastgesteld", {"soort": "dpia", "titel": "DPIA informatiesysteem"}),
    "DPIA BIJ": ("", "privacy.vastgesteld", {"soort": "dpia", "titel": "DPIA BIJ"}),
    "Privacy protocol Mensenhandel": (
        "",
        "privacy.vastgesteld",
        {"soort": "protocol", "titel": "Privacyprotocol Mensenhandel"},
    ),
    "Privacy protocol BIJ": ("", "privacy.vastgesteld", {"soort": "protocol", "titel": "Privacyprotocol BIJ"}),
}
FACILITERING = {"MaSS": "MaSS", "Veilig Thuis": "Veilig Thuis West-Brabant", "KR8-kollektief": "KR8-kollektief"}


def rebind(apps, schema_editor):
    Activiteit = apps.get_model("reporting", "Activiteit")
    Organisation = apps.get_model("accounts", "Organisation")
    rows = Activiteit.objects.filter(thema__ontwikkellijn__jaarplan__jaar=2022)
    for omschrijving, (old, new, params) in BINDINGS.items():
        rows.filter(omschrijving=omschrijving, metric_key=old).update(metric_key=new, metric_params=params)
    for kort, name in FACILITERING.items():
        code = Organisation.objects.filter(name=name).values_list("code", flat=True).first()
        if code:
            rows.filter(
                omschrijving=FAC + kort, metric_key="facilitering.uren_per_week", metric_params={"partner": name}
            ).update(metric_params={"partner": code})


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0003_report_sweeper"),
        ("accounts", "0010_organisation_code_jaarplan"),
    ]

    operations = [migrations.RunPython(rebind, migrations.RunPython.noop)]
