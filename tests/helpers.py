"""Test helpers: walking the login wizard like a browser does."""

from binascii import unhexlify

from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .factories import TEST_PASSWORD, TOTP_KEY_HEX

WIZARD = "login_view-current_step"


def totp_code(key_hex: str = TOTP_KEY_HEX, offset_steps: int = 0) -> str:
    return f"{totp(unhexlify(key_hex), drift=offset_steps):06d}"


def post_password(client: Client, username: str, password: str = TEST_PASSWORD, **extra):
    return client.post(
        reverse("two_factor:login"),
        {WIZARD: "auth", "auth-username": username, "auth-password": password},
        **extra,
    )


def post_token(client: Client, code: str, **extra):
    return client.post(reverse("two_factor:login"), {WIZARD: "token", "token-otp_token": code}, **extra)


def full_login(client: Client, user, password: str = TEST_PASSWORD):
    """Password + TOTP. Resets the device's replay guard so a test may log the same user in twice."""
    TOTPDevice.objects.filter(user=user).update(last_t=-1)
    response = post_password(client, user.username, password)
    assert response.status_code == 200, response.status_code
    return post_token(client, totp_code())


def clean_env(**overrides: str) -> dict[str, str]:
    """An environment for a subprocess without what this test process put into os.environ (dev defaults etc.)."""
    import os

    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV", "PYTHONPATH")
    return {**{k: os.environ[k] for k in keep if k in os.environ}, **overrides}
