"""Run PgBouncer (session pooling) in front of DATABASE_URL: the ``pgbouncer`` service of docker-compose.yml.

Writes the configuration of zvh/pgbouncer.py (the one the bench and the tests use) into a private temporary
directory and replaces this process with pgbouncer. DATABASE_URL is the direct address of PostgreSQL here; the
application's services point at the pooler and set DB_POOLER=pgbouncer.
"""

import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from zvh import pgbouncer


class Command(BaseCommand):
    help = "Start PgBouncer (sessiepooling) voor DATABASE_URL."

    def add_arguments(self, parser):
        parser.add_argument("--listen", default="127.0.0.1", help="Adres waarop PgBouncer luistert.")
        parser.add_argument("--port", type=int, default=6432)

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("PgBouncer staat voor PostgreSQL: zet DATABASE_URL op PostgreSQL.")
        executable = pgbouncer.binary()
        if executable is None:
            raise CommandError("pgbouncer niet gevonden (apt-get install pgbouncer, of zet ZVH_PGBOUNCER)")
        try:
            config = pgbouncer.write_config(
                dict(connection.settings_dict),
                Path(tempfile.mkdtemp(prefix="zvh-pgbouncer-")),
                listen_addr=options["listen"],
                listen_port=options["port"],
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"PgBouncer luistert op {options['listen']}:{options['port']} (sessiepooling)")
        self.stdout.flush()
        os.execv(executable, [executable, str(config)])  # noqa: S606 - fixed executable, generated config
