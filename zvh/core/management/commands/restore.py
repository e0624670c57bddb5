from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zvh.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Herstel een backup (manage.py backup) in een lege database en MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("--dump", required=True, help="Het .dump-bestand (pg_dump custom format).")
        parser.add_argument("--media", default="", help="De media-tarball (.tar.gz); leeg: geen media.")
        parser.add_argument("--database", default="", help="Doeldatabase (standaard die van DATABASE_URL).")
        parser.add_argument("--force", action="store_true", help="Ook als de database al tabellen heeft.")

    def handle(self, *args, **options):
        try:
            restore(
                dump=Path(options["dump"]),
                media=Path(options["media"]) if options["media"] else None,
                database=options["database"] or None,
                force=options["force"],
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write("Hersteld.")
