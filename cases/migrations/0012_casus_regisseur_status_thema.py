# Mijn werk counts a procesregisseur's cases per status from the index alone (index-only scan): the wider index
# replaces (procesregisseur, status), whose every use it serves as well.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0011_grondslagen_data'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='casus',
            name='casus_regisseur_status',
        ),
        migrations.AddIndex(
            model_name='casus',
            index=models.Index(fields=['procesregisseur', 'status', 'thema'], name='casus_regisseur_status_thema'),
        ),
    ]
