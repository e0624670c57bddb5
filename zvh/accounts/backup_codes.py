"""Backup codes (reservecodes) stored as keyed hashes, never as the code itself.

django-otp's StaticToken keeps each code in plain text (``token``, at most 16 characters). We keep using its table,
so django-two-factor-auth's counts and "use a backup code" button keep working, but ``token`` holds
``"$" + HMAC-SHA256(SECRET_KEY, code)[:15]`` (60 bits of a keyed hash: a database copy alone reveals no code and
cannot be brute-forced without the secret key). The codes are shown once, in the answer to the request that made
them. A plain code (no leading ``$``, which base32 never contains) is a legacy row: migration 0009 hashes them.

Rotating SECRET_KEY keeps the codes valid as long as the old key is listed in SECRET_KEY_FALLBACKS.
"""

from django.conf import settings
from django.db import transaction
from django.utils.crypto import salted_hmac
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

HASH_PREFIX = "$"
KEY_SALT = "zvh.accounts.backup_codes"
NUMBER_OF_CODES = 10


def normalise(code: str) -> str:
    """What the user typed, as generated: lower case, without spaces or hyphens."""
    return "".join(str(code).split()).replace("-", "").lower()


def code_hash(code: str, *, secret: str | bytes | None = None) -> str:
    digest = salted_hmac(KEY_SALT, normalise(code), secret=secret, algorithm="sha256").hexdigest()
    return HASH_PREFIX + digest[:15]


def candidate_hashes(code: str) -> list[str]:
    """The hash under the current key and under every fallback key (a rotated SECRET_KEY)."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [code_hash(code, secret=secret) for secret in secrets]


class HashedStaticDevice(StaticDevice):
    """The user's backup-code device, verifying against hashes. Same table as django-otp's StaticDevice."""

    class Meta:
        proxy = True
        app_label = "accounts"
        verbose_name = "reservecodes"
        verbose_name_plural = "reservecodes"

    def verify_token(self, token) -> bool:
        if not isinstance(token, str) or not token.strip() or len(token) > 64:
            self.throttle_increment()
            return False
        verify_allowed, _ = self.verify_is_allowed()
        if not verify_allowed:
            return False
        with transaction.atomic():
            match = (
                StaticToken.objects.select_for_update().filter(device=self, token__in=candidate_hashes(token)).first()
            )
            if match is None:
                self.throttle_increment()
                return False
            match.delete()
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save()
        return True

    @transaction.atomic
    def generate_codes(self, *, number: int = NUMBER_OF_CODES) -> list[str]:
        """Replace every backup code of this device; return the new codes (the only time they exist in clear)."""
        self.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(number)]
        StaticToken.objects.bulk_create(StaticToken(device=self, token=code_hash(code)) for code in codes)
        return codes


def as_hashed(device):
    """The same device row as a HashedStaticDevice (django-two-factor-auth hands out plain StaticDevice objects)."""
    if isinstance(device, StaticDevice) and not isinstance(device, HashedStaticDevice):
        return HashedStaticDevice.objects.get(pk=device.pk)
    return device


def backup_device_for(user) -> HashedStaticDevice:
    device = HashedStaticDevice.objects.filter(user=user).order_by("pk").first()
    if device is None:
        device = HashedStaticDevice.objects.create(user=user, name="backup")
    return device
