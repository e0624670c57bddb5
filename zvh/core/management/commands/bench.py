from contextlib import ExitStack
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from zvh import bench, pgbouncer


class Command(BaseCommand):
    help = "Meet servertijd en queries van de drukste pagina's bij 10k, 100k en 250k casussen (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="10000,100000,250000", help="Aantallen casussen, oplopend.")
        parser.add_argument("--repeat", type=int, default=30, help="Herhalingen per meting.")
        parser.add_argument("--zonder-seed", action="store_true", help="Meet de bestaande gegevens (niet aanvullen).")
        parser.add_argument(
            "--zonder-pool", action="store_true", help="Meet koud alleen direct, niet ook via een eigen PgBouncer."
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("De benchmark meet op PostgreSQL: zet DATABASE_URL (make bench doet dat).")
        sizes = sorted(int(s) for s in options["sizes"].split(","))
        if not options["zonder_seed"]:
            call_command("seed_demo", quiet=True, stdout=self.stdout)
        with ExitStack() as stack:
            pool_port = None if options["zonder_pool"] else self.start_pool(stack)
            results = self.measure(sizes, options, pool_port)
        self.stdout.write("")
        bench.print_table(results, self.stdout)
        self.stdout.write(f"Resultaten ook in {bench.save(results)}")

    def start_pool(self, stack: ExitStack) -> int | None:
        """A PgBouncer of the bench's own on a free loopback port (log in var/bench-pgbouncer.log), or None."""
        if pgbouncer.binary() is None:
            self.stdout.write("pgbouncer niet gevonden: koud alleen direct gemeten (apt-get install pgbouncer)")
            return None
        log = Path(settings.BASE_DIR) / "var" / "bench-pgbouncer.log"
        pooler = stack.enter_context(pgbouncer.PgBouncer(dict(connection.settings_dict), log))
        self.stdout.write(f"PgBouncer op 127.0.0.1:{pooler.port}: {bench.pooler_state(pooler.port)}")
        return pooler.port

    def measure(self, sizes: list[int], options: dict, pool_port: int | None) -> list:
        results = []
        for size in sizes:
            self.stdout.write(self.style.MIGRATE_HEADING(f"Schaal {size} casussen"))
            if not options["zonder_seed"]:
                call_command("seed_demo", quiet=True, scale=size, stdout=self.stdout)
            results += bench.measure(size, options["repeat"], pool_port)
            if size == sizes[-1]:
                results += bench.report_compile(size, self.stdout)
            bench.print_table([r for r in results if r.scale == size], self.stdout)
        return results
