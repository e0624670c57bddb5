"""Finding 8: backup codes are stored as keyed hashes; the codes are shown once and log in once."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from zvh.accounts.backup_codes import HASH_PREFIX, code_hash
from zvh.accounts.choices import Role

from ..conftest import make_user, verified_client
from ..helpers import WIZARD, post_password

pytestmark = pytest.mark.django_db

URL = "two_factor:backup_tokens"


def _new_codes(client) -> tuple[list[str], str]:
    response = client.post(reverse(URL))
    assert response.status_code == 200
    return response.context["new_codes"], response.content.decode()


def _backup_login(user, code: str, **extra_post) -> Client:
    # django-otp throttles a device for a second after a wrong code; each attempt here starts unthrottled.
    StaticDevice.objects.filter(user=user).update(throttling_failure_count=0, throttling_failure_timestamp=None)
    client = Client()
    post_password(client, user.username)
    client.post(reverse("two_factor:login"), {WIZARD: "token", "wizard_goto_step": "backup"})
    client.post(reverse("two_factor:login"), {WIZARD: "backup", "backup-otp_token": code, **extra_post})
    return client


def test_the_database_holds_only_hashes_and_the_codes_are_shown_once():
    user = make_user(Role.PROCESREGISSEUR)
    client = verified_client(user)
    codes, page = _new_codes(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(code in page for code in codes)
    stored = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(stored) == 10
    assert not set(stored) & set(codes)
    assert all(token.startswith(HASH_PREFIX) and code not in token for token in stored for code in codes)
    assert sorted(stored) == sorted(code_hash(code) for code in codes)
    again = client.get(reverse(URL)).content.decode()
    assert not any(code in again for code in codes)
    assert "10 ongebruikte reservecodes" in again


def test_a_shown_code_logs_in_exactly_once_and_new_codes_void_the_old_ones():
    user = make_user(Role.MANAGER)
    client = verified_client(user)
    old, _ = _new_codes(client)
    codes, _ = _new_codes(client)
    assert SESSION_KEY not in _backup_login(user, old[0]).session  # replaced
    assert SESSION_KEY in _backup_login(user, f" {codes[3].upper()} ").session
    assert StaticToken.objects.filter(device__user=user).count() == 9
    assert SESSION_KEY not in _backup_login(user, codes[3]).session  # used up


def test_the_stored_hash_is_no_code():
    user = make_user(Role.MANAGER)
    codes, _ = _new_codes(verified_client(user))
    device = StaticDevice.objects.get(user=user)
    stored = StaticToken.objects.filter(device=device).first().token
    assert SESSION_KEY not in _backup_login(user, stored).session
    assert SESSION_KEY not in _backup_login(user, stored, challenge_device=device.persistent_id).session
    assert SESSION_KEY in _backup_login(user, codes[0]).session


def test_codes_survive_a_rotated_secret_key_listed_as_fallback(settings):
    user = make_user(Role.MANAGER)
    codes, _ = _new_codes(verified_client(user))
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "een-nieuwe-geheime-sleutel-" + "x" * 40
    assert SESSION_KEY in _backup_login(user, codes[1]).session


def test_the_migration_hashes_existing_plain_codes_and_they_keep_working():
    user = make_user(Role.FG)
    device = StaticDevice.objects.create(user=user, name="backup")
    StaticToken.objects.create(device=device, token="abcd2345")
    StaticToken.objects.create(device=device, token=code_hash("efgh6789"))
    migration = importlib.import_module("zvh.accounts.migrations.0009_hashed_backup_codes")
    migration.hash_plain_codes(django_apps, None)
    migration.hash_plain_codes(django_apps, None)  # idempotent: a hash is never hashed again
    assert sorted(StaticToken.objects.filter(device=device).values_list("token", flat=True)) == sorted(
        [code_hash("abcd2345"), code_hash("efgh6789")]
    )
    assert SESSION_KEY in _backup_login(user, "abcd2345").session
    assert SESSION_KEY in _backup_login(user, "efgh6789").session
