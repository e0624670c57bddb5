from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from zvh import bench


class Command(BaseCommand):
    help = "Meet servertijd en queries van de drukste pagina's bij 10k, 100k en 250k casussen (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="10000,100000,250000", help="Aantallen casussen, oplopend.")
        parser.add_argument("--repeat", type=int, default=30, help="Herhalingen per meting.")
        parser.add_argument("--zonder-seed", action="store_true", help="Meet de bestaande gegevens (niet aanvullen).")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("De benchmark meet op PostgreSQL: zet DATABASE_URL (make bench doet dat).")
        sizes = sorted(int(s) for s in options["sizes"].split(","))
        if not options["zonder_seed"]:
            call_command("seed_demo", quiet=True, stdout=self.stdout)
        results = []
        for size in sizes:
            self.stdout.write(self.style.MIGRATE_HEADING(f"Schaal {size} casussen"))
            if not options["zonder_seed"]:
                call_command("seed_demo", quiet=True, scale=size, stdout=self.stdout)
            results += bench.measure(size, options["repeat"])
            if size == sizes[-1]:
                results += bench.report_compile(size, self.stdout)
            bench.print_table([r for r in results if r.scale == size], self.stdout)
        self.stdout.write("")
        bench.print_table(results, self.stdout)
        self.stdout.write(f"Resultaten ook in {bench.save(results)}")
