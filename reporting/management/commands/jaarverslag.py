from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reporting import services
from reporting.figures import FiguresError
from reporting.models import Jaarplan


class Command(BaseCommand):
    help = "Stelt de kwartaalrapportage (jaarplan versus realisatie) synchroon samen als PDF."

    def add_arguments(self, parser):
        parser.add_argument("--jaar", type=int, required=True, help="Jaar van het jaarplan, bijvoorbeeld 2022.")
        parser.add_argument(
            "--kwartaal", type=int, required=True, choices=(1, 2, 3, 4), help="Kwartaal 1 tot en met 4."
        )
        parser.add_argument("--uitvoer", required=True, help="Pad van het PDF-bestand, bijvoorbeeld rapport.pdf.")

    def handle(self, *args, jaar: int, kwartaal: int, uitvoer: str, **options):
        jaarplan = Jaarplan.objects.filter(jaar=jaar).first()
        if jaarplan is None:
            raise CommandError(f"Er is geen jaarplan voor {jaar}. Laad het eerst met: python manage.py jaarplan_laden")
        target = Path(uitvoer)
        if not target.parent.exists():
            raise CommandError(f"De map {target.parent} bestaat niet.")
        try:
            rendered = services.report_build(
                jaarplan=jaarplan, kwartaal=kwartaal, requested_by="samengesteld met de beheeropdracht jaarverslag"
            )
        except FiguresError as exc:
            raise CommandError(exc.message) from exc
        target.write_bytes(rendered.pdf)
        self.stdout.write(self.style.SUCCESS(f"{target} geschreven ({rendered.page_count} pagina's)."))
