"""Apply the retention terms now (what the daily beat job does), or list what would go with --dry-run."""

from django.core.management.base import BaseCommand

from privacy.services.retention import retention_plan, retention_run


class Command(BaseCommand):
    help = "Vernietig of anonimiseer dossiers waarvan de bewaartermijn is verstreken (--dry-run: alleen tonen)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Toon wat zou verdwijnen; wijzig niets.")

    def handle(self, *args, dry_run: bool = False, **options):
        if dry_run:
            for plan in retention_plan():
                self.stdout.write(
                    f"{plan.avg.key}: {len(plan.dossiers)} dossier(s) ({plan.termijn.wijze}, "
                    f"termijn {plan.termijn.maanden} maanden, verlopen vóór {plan.peildatum:%Y-%m-%d})"
                )
                for nummer in plan.nummers:
                    self.stdout.write(f"  {nummer}")
            self.stdout.write("Proefdraai: er is niets gewijzigd.")
            return
        for row in retention_run(door="beheercommando"):
            self.stdout.write(
                f"{row.soort}: {row.aantal_dossiers} dossier(s) {row.wijze}, "
                f"{row.aantal_personen} persoon/personen verwijderd"
            )
