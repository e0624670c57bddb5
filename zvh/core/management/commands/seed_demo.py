from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from zvh.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_USERS
from zvh.core.demo import seed_all


class Command(BaseCommand):
    help = "Vult de database met fictieve demogegevens (nooit in productie). Twee keer draaien verandert niets."

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Geen accounttabel afdrukken.")
        parser.add_argument(
            "--compact",
            action="store_true",
            help="Alleen de accounts, organisaties en vaste voorbeelddossiers, zonder het jaar werk van triage "
            "en re-integratie (snel: voor tests en als basis onder --scale). Een latere run zonder --compact vult "
            "dat jaar niet meer aan: begin dan met een lege database.",
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Vul aan tot N casussen in totaal, als 8 jaar van 30 ZVH's: personen, toegang, overleggen, "
            "afspraken, aanmeldingen, adviezen, boekingen en inzageregistratie "
            "(voor benchmarks; PostgreSQL aanbevolen).",
        )

    def handle(self, *args, **options):
        if not getattr(settings, "ZVH_DEMO_ALLOWED", False):
            raise CommandError(
                "seed_demo weigert te draaien met productie-instellingen: demogegevens horen niet in productie."
            )
        with transaction.atomic():
            seed_all(stdout=self.stdout, compact=options["compact"])
        if options["scale"]:
            from zvh.core.scale import seed_scale

            result = seed_scale(options["scale"], stdout=self.stdout)
            self.stdout.write(
                f"Schaal: {result['cases']} casussen toegevoegd (totaal {options['scale']}) "
                f"in {result['timings']['totaal']:.0f} s."
            )
        if not options["quiet"]:
            self._print_accounts()

    def _print_accounts(self) -> None:
        from zvh.accounts.models import User

        main = [u.username for u in DEMO_USERS]
        users = User.objects.filter(email__endswith="@demo.zvh.invalid", is_active=True)
        users = sorted(
            users,
            key=lambda u: (u.username not in main, main.index(u.username) if u.username in main else 0, u.username),
        )
        rows = [(u.username, str(u.role.label) if u.role else "—", u.organisation) for u in users]
        widths = [max(len(str(r[i])) for r in rows + [("Gebruikersnaam", "Rol", "Organisatie")]) for i in range(3)]
        line = "  ".join(f"{{:<{w}}}" for w in widths)
        self.stdout.write(self.style.SUCCESS("Demogegevens staan klaar. Demo-accounts:"))
        self.stdout.write(line.format("Gebruikersnaam", "Rol", "Organisatie"))
        self.stdout.write(line.format(*("-" * w for w in widths)))
        for row in rows:
            self.stdout.write(line.format(*map(str, row)))
        self.stdout.write("")
        self.stdout.write(f"Wachtwoord (alle accounts): {DEMO_PASSWORD}")
        self.stdout.write(f"TOTP-sleutel (base32, alle accounts): {DEMO_TOTP_SECRET}")
        self.stdout.write("Verificatiecode nu: make totp  (of voeg de sleutel toe aan een authenticator-app)")
