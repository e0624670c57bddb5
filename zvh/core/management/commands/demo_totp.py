import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp

from zvh.accounts.demo import DEMO_TOTP_SECRET, totp_key_hex


class Command(BaseCommand):
    help = "Toont de huidige verificatiecode van de demo-accounts (alleen in de demo-omgeving)."

    def handle(self, *args, **options):
        if not getattr(settings, "ZVH_DEMO_ALLOWED", False):
            raise CommandError("demo_totp werkt alleen in de demo-omgeving.")
        code = totp(bytes.fromhex(totp_key_hex()))
        remaining = 30 - int(time.time()) % 30
        self.stdout.write(f"{code:06d}  (nog {remaining} s geldig; sleutel {DEMO_TOTP_SECRET})")
