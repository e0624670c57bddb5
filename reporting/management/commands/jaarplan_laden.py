from django.core.management.base import BaseCommand

from reporting import services
from reporting.seeds import jaarplan_2022

PLANS = {2022: jaarplan_2022}


class Command(BaseCommand):
    help = "Laadt het vastgestelde jaarplan 2022 van ZVH Baronie Breda. Idempotent: een bestaand jaarplan blijft staan."

    def handle(self, *args, **options):
        for data in PLANS.values():
            jaarplan, created = services.jaarplan_load(data=data)
            status = "geladen" if created else "stond er al (ongewijzigd)"
            self.stdout.write(self.style.SUCCESS(f"{jaarplan.titel}: {status}."))
