"""seed_demo: organisations, one user per role with a known TOTP secret; idempotent; never in production."""

from io import StringIO

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from zvh.accounts.choices import Role
from zvh.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, GEMEENTEN
from zvh.accounts.models import Organisation, User

pytestmark = pytest.mark.django_db

EXPECTED_USERS = {
    "regisseur": Role.PROCESREGISSEUR,
    "secretariaat": Role.SECRETARIAAT,
    "politie": Role.KETENPARTNER,
    "reclassering": Role.KETENPARTNER,
    "veiligthuis": Role.KETENPARTNER,
    "manager": Role.MANAGER,
    "fg": Role.FG,
    "beheer": Role.BEHEERDER,
}


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> tuple:
    return (
        Organisation.objects.count(),
        User.objects.count(),
        TOTPDevice.objects.count(),
        LogEntry.objects.count(),
    )


def test_seeds_organisations_users_and_devices_prints_the_accounts_and_a_second_run_changes_nothing(settings):
    """One test, because seeding the whole demo is the suite's slowest step: run it twice, check both runs."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    output = seed()
    check_organisations_users_and_output(output)
    check_totp_device_uses_the_documented_160_bit_secret()
    first = counts()
    assert first[3] == 0, "replaying the demo's history leaves no audit trail"
    seed()
    assert counts() == first
    check_changes_after_the_seed_are_audited()


def check_changes_after_the_seed_are_audited() -> None:
    from zvh.accounts.services import user_deactivate

    user = User.objects.get(username="manager")
    user_deactivate(user=user)
    assert LogEntry.objects.get_for_object(user).filter(action=LogEntry.Action.UPDATE).exists()


def check_organisations_users_and_output(output: str) -> None:
    names = set(Organisation.objects.values_list("name", flat=True))
    for gemeente in GEMEENTEN:
        assert f"Gemeente {gemeente}" in names
    for expected in ("Politie", "Openbaar Ministerie", "Reclassering Nederland", "KR8-kollektief", "MaSS"):
        assert expected in names
    for username, role in EXPECTED_USERS.items():
        user = User.objects.get(username=username)
        assert user.role == role
        assert user.check_password(DEMO_PASSWORD)
        assert username in output
    assert User.objects.get(username="politie").organisation.name == "Politie"
    assert User.objects.get(username="reclassering").organisation.name == "Reclassering Nederland"
    assert DEMO_TOTP_SECRET in output and DEMO_PASSWORD in output


def check_totp_device_uses_the_documented_160_bit_secret() -> None:
    from base64 import b32decode

    device = TOTPDevice.objects.get(user__username="regisseur")
    assert device.confirmed and device.name == "default"
    assert len(device.bin_key) == 20
    assert device.bin_key == b32decode(DEMO_TOTP_SECRET)
    assert device.verify_token(f"{totp(b32decode(DEMO_TOTP_SECRET)):06d}")


def test_refuses_to_run_with_production_settings(settings):
    settings.ZVH_DEMO_ALLOWED = False
    with pytest.raises(CommandError, match="productie"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()
