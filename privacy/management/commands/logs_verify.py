"""Check the hash chain of the access log and the audit log; name the first row that fails."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from privacy.services import chain
from privacy.services.verify import stored_checkpoints, verify
from privacy.services.verify_parallel import verify_parallel


class Command(BaseCommand):
    help = "Controleer de hashketen van de toegangsregistratie en de wijzigingslog; noemt de eerste foute rij."

    def add_arguments(self, parser):
        parser.add_argument("--log", choices=[*chain.LOGS, "alle"], default="alle")
        parser.add_argument(
            "--controlepunten",
            help="Bestand met controlepunten (JSON per regel, zoals PRIVACY_CHECKPOINT_FILE) buiten de database.",
        )
        parser.add_argument("--geen-verzegeling", action="store_true", help="Verzegel niet eerst de nieuwe rijen.")
        parser.add_argument(
            "--workers", type=int, default=2, help="Databaseverbindingen die de keten delen (1: één pass)."
        )

    def handle(self, *args, log: str = "alle", controlepunten: str | None = None, **options):
        if not chain.supported():
            raise CommandError("De hashketen bestaat alleen op PostgreSQL.")
        points = stored_checkpoints()
        if controlepunten:
            points += _read(Path(controlepunten))
        failed = False
        for key, chained in chain.LOGS.items():
            if log not in ("alle", key):
                continue
            if not options.get("geen_verzegeling"):
                chain.seal(chained)
            workers = options.get("workers") or 1
            result = (
                verify_parallel(chained, workers=workers, checkpoints=points)
                if workers > 1
                else verify(chained, checkpoints=points)
            )
            rate = f"{result.rows} rijen in {result.seconds:.1f} s ({result.rows_per_second:,.0f} rijen/s)"
            if result.ok:
                self.stdout.write(f"{key}: in orde — {rate}; nog niet verzegeld: {result.unsealed_tail}")
            else:
                failed = True
                first = result.first
                self.stdout.write(f"{key}: FOUT bij rij {first.row_id}: {first.reason} — {rate}")
        if failed:
            raise CommandError("De hashketen is niet in orde.")


def _read(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        raise CommandError(f"Controlepunten niet te lezen: {exc}") from exc
