"""Benchmark of the log hash chain: generate N access-log rows in PostgreSQL, seal them, verify them.

Run on a database of its own (``make bench-logs`` creates one): it adds N rows to the access log.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from privacy.models import LogSeal
from privacy.services import chain
from privacy.services.verify import verify
from privacy.services.verify_parallel import verify_parallel

LIMIT_SECONDS = 300


class Command(BaseCommand):
    help = "Meet het verzegelen en controleren van de hashketen over N rijen van de toegangsregistratie."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000_000)
        parser.add_argument("--chunk", type=int, default=1_000_000, help="Rijen per INSERT … generate_series.")
        parser.add_argument(
            "--workers", type=int, default=2, help="Databaseverbindingen voor de controle (1: één pass)."
        )
        parser.add_argument(
            "--alleen-controleren", action="store_true", help="Niets aanmaken: controleer de al verzegelde bench-log."
        )

    def handle(self, *args, rows: int, chunk: int, workers: int, **options):
        if not chain.supported():
            raise CommandError("Alleen op PostgreSQL.")
        if options["alleen_controleren"]:
            self._verify(workers)
            return
        if LogSeal.objects.filter(log=chain.ACCESS.key).exists():
            raise CommandError(
                "Deze database heeft al een verzegelde log: gebruik een lege database (make bench-logs)."
            )
        started = time.perf_counter()
        for offset in range(0, rows, chunk):
            self._generate(offset, min(chunk, rows - offset))
        self._say("rijen aangemaakt", rows, time.perf_counter() - started)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE privacy_accesslogentry")
            cursor.execute("VACUUM ANALYZE privacy_accesslogperson")
        started = time.perf_counter()
        sealed = chain.seal(chain.ACCESS)
        self._say("verzegeld", sealed, time.perf_counter() - started)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE privacy_logseal")
        self._verify(workers)

    def _verify(self, workers: int) -> None:
        result = verify_parallel(chain.ACCESS, workers=workers) if workers > 1 else verify(chain.ACCESS)
        self._say(f"gecontroleerd ({workers} verbinding(en))", result.rows, result.seconds)
        verdict = "binnen" if result.seconds < LIMIT_SECONDS else "BOVEN"
        self.stdout.write(
            f"Controle van {result.rows:,} rijen: {result.seconds:.1f} s, {verdict} de norm van 5 minuten."
        )
        if not result.ok:
            raise CommandError(f"Keten niet in orde bij rij {result.first.row_id}: {result.first.reason}")

    @transaction.atomic
    def _generate(self, offset: int, count: int) -> None:
        """Realistic rows: every entry with one or two persons, spread over two years."""
        with connection.cursor() as cursor:
            # Bench data only: skip the per-row foreign-key triggers while generating (needs a superuser).
            cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute(
                """
                WITH e AS (
                    INSERT INTO privacy_accesslogentry (timestamp, username, role, action, object_type, object_ids,
                                                        result, ip_address, correlation_id, view_name)
                    SELECT now() - make_interval(secs => (%(total)s - g) * 6), 'bench' || (g %% 500), 'ketenpartner',
                           'read', 'cases.casus', jsonb_build_array((g %% 250000)::text), 'allowed', '10.0.0.1',
                           md5(g::text), 'cases:casus_detail'
                    FROM generate_series(%(start)s, %(end)s) AS g
                    RETURNING id, timestamp
                )
                INSERT INTO privacy_accesslogperson (entry_id, person_id, timestamp)
                SELECT e.id, p.person, e.timestamp FROM e,
                       LATERAL (SELECT e.id %% 250000 AS person UNION ALL
                                SELECT (e.id * 7) %% 250000 WHERE e.id %% 3 = 0) p
                """,
                {"total": 10**8, "start": offset + 1, "end": offset + count},
            )

    def _say(self, what: str, count: int, seconds: float) -> None:
        rate = count / seconds if seconds else 0
        self.stdout.write(f"{what}: {count:,} rijen in {seconds:.1f} s ({rate:,.0f} rijen/s)")
