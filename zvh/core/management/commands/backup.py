from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zvh.core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Maak een backup: pg_dump (custom format) van DATABASE_URL plus een tarball van MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("--dir", default="var/backups", help="Map voor de backupbestanden (var/backups).")
        parser.add_argument("--stamp", default="", help="Naamdeel van de bestanden (standaard: tijdstip, UTC).")

    def handle(self, *args, **options):
        try:
            dump, media = backup(directory=Path(options["dir"]), stamp=options["stamp"] or None)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Database: {dump}\nMedia: {media}")
