"""Fill the FG's list of grondslagen with the list the application had in code, and give existing casusoverleggen an
end time (two hours after the start, the default of the service) for the room calendar."""

from datetime import timedelta

from django.db import migrations
from django.db.models import F

GRONDSLAGEN = [
    (
        "wettelijke_taak",
        "wettelijke taak van de aanbrengende partner (AVG art. 6 lid 1 sub e)",
        "De aanbrengende partner verwerkt de gegevens voor een taak van algemeen belang of openbaar gezag die de wet "
        "hem opdraagt (bijvoorbeeld de politietaak of de taak van de reclassering); het ZVH verwerkt namens hem.",
    ),
    (
        "wettelijke_plicht",
        "wettelijke verplichting (AVG art. 6 lid 1 sub c)",
        "Een wettelijk voorschrift verplicht de aanbrengende partner de gegevens te verwerken of te verstrekken.",
    ),
    (
        "vitaal_belang",
        "vitaal belang van de betrokkene (AVG art. 6 lid 1 sub d)",
        "Alleen bij acuut gevaar voor leven of gezondheid van de betrokkene of een ander, als geen andere grondslag "
        "kan worden gebruikt.",
    ),
    (
        "toestemming",
        "toestemming van de betrokkene (AVG art. 6 lid 1 sub a)",
        "De betrokkene heeft vrij, specifiek en geïnformeerd toestemming gegeven en kan die altijd intrekken; "
        "in het zorg- en veiligheidsdomein zelden de juiste grondslag.",
    ),
    (
        "convenant",
        "convenant ZVH en sectorwet (Wpg, Wjsg, Wmo, Jeugdwet)",
        "Gegevensdeling op grond van het convenant van het Zorg- en Veiligheidshuis, gedragen door de sectorwet van "
        "de partner (Wet politiegegevens, Wet justitiële en strafvorderlijke gegevens, Wmo 2015, Jeugdwet).",
    ),
]


def forwards(apps, schema_editor):
    Grondslag = apps.get_model("cases", "Grondslag")
    for volgorde, (code, naam, toelichting) in enumerate(GRONDSLAGEN, start=1):
        Grondslag.objects.get_or_create(
            code=code, defaults={"naam": naam, "toelichting": toelichting, "volgorde": volgorde}
        )
    Casusoverleg = apps.get_model("cases", "Casusoverleg")
    Casusoverleg.objects.filter(eindigt_op__isnull=True).update(eindigt_op=F("datum_tijd") + timedelta(hours=2))


class Migration(migrations.Migration):
    dependencies = [("cases", "0010_casusoverleg_zaal_grondslagen")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
