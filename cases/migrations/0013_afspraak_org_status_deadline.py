# A partner's open afspraken by deadline (Mijn werk) from its own index rows: replaces (organisation, status).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0012_casus_regisseur_status_thema'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='afspraak',
            name='afspraak_org_status',
        ),
        migrations.AddIndex(
            model_name='afspraak',
            index=models.Index(fields=['eigenaar_organisatie', 'status', 'deadline'], name='afspraak_org_status_deadline'),
        ),
    ]
