"""Login with password + TOTP, mandatory enrolment, backup codes, lockout and the records of it all."""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessFailureLog, AccessLog
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from zvh.accounts.choices import Role

from ..conftest import make_user
from ..helpers import WIZARD, full_login, post_password, post_token, totp_code

pytestmark = pytest.mark.django_db

INVALID_LOGIN = "Voer een juiste gebruikersnaam en wachtwoord in"


def test_password_then_totp_logs_in_and_lands_on_mijn_werk():
    user = make_user(Role.PROCESREGISSEUR)
    client = Client()
    response = post_password(client, user.username)
    assert response.status_code == 200
    assert "Verificatiecode" in response.content.decode()
    assert SESSION_KEY not in client.session  # not logged in after the password alone

    response = post_token(client, totp_code())
    assert response.status_code == 302 and response["Location"] == reverse("core:landing")
    assert client.get(response["Location"])["Location"] == reverse("cases:dashboard")
    home = client.get(reverse("core:home"))
    assert home.status_code == 200
    page = home.content.decode()
    assert user.display_name in page and user.organisation.name in page and "Procesregisseur" in page


def test_wrong_totp_code_is_refused_in_dutch():
    user = make_user(Role.MANAGER)
    client = Client()
    post_password(client, user.username)
    response = post_token(client, "000000" if totp_code() != "000000" else "111111")
    assert response.status_code == 200
    assert SESSION_KEY not in client.session
    assert "aria-invalid" in response.content.decode() or "error-summary" in response.content.decode()


def test_unknown_user_and_wrong_password_get_the_same_message():
    user = make_user(Role.FG)
    unknown = post_password(Client(), "bestaat-niet", "wat-dan-ook-123")
    wrong = post_password(Client(), user.username, "fout-wachtwoord-123")
    assert INVALID_LOGIN in unknown.content.decode()
    assert INVALID_LOGIN in wrong.content.decode()
    assert unknown.status_code == wrong.status_code == 200


def test_inactive_user_cannot_log_in_and_gets_the_same_message():
    user = make_user(Role.FG, is_active=False)
    response = post_password(Client(), user.username)
    assert INVALID_LOGIN in response.content.decode()


def test_session_key_changes_at_login():
    user = make_user(Role.SECRETARIAAT)
    client = Client()
    client.get(reverse("two_factor:login"))
    post_password(client, user.username)
    before = client.session.session_key
    full_login(client, user)
    assert client.session.session_key != before


def test_user_without_authenticator_must_enrol_before_anything_else():
    user = make_user(Role.KETENPARTNER, with_device=False)
    client = Client()
    response = post_password(client, user.username)
    assert response.status_code == 302  # logged in with password, no device yet
    for url in (reverse("core:home"), reverse("two_factor:profile"), reverse("privacy:login_records")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("two_factor:setup"), url


def test_enrolment_with_the_setup_wizard_creates_a_device_and_opens_the_application():
    user = make_user(Role.KETENPARTNER, with_device=False)
    client = Client()
    post_password(client, user.username)
    setup = reverse("two_factor:setup")
    assert client.get(setup).status_code == 200
    response = client.post(setup, {"setup_view-current_step": "welcome"})
    assert response.status_code == 200 and "QR-code" in response.content.decode()
    secret_b32 = client.session["django_two_factor-qr_secret_key"]
    from base64 import b32decode

    code = totp_code(b32decode(secret_b32).hex())
    response = client.post(setup, {"setup_view-current_step": "generator", "generator-token": code})
    assert response.status_code == 302 and response["Location"] == reverse("two_factor:setup_complete")
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert client.get(reverse("core:home")).status_code == 200


def test_backup_code_logs_in_once():
    user = make_user(Role.PROCESREGISSEUR)
    client = Client()
    full_login(client, user)
    token = client.post(reverse("two_factor:backup_tokens")).context["new_codes"][0]
    client.post(reverse("logout"))

    other = Client()
    post_password(other, user.username)
    other.post(reverse("two_factor:login"), {WIZARD: "token", "wizard_goto_step": "backup"})
    response = other.post(reverse("two_factor:login"), {WIZARD: "backup", "backup-otp_token": token})
    assert response.status_code == 302
    assert other.get(reverse("core:home")).status_code == 200
    assert user.staticdevice_set.get().token_set.count() == 9  # used up


def test_logout_ends_the_session_and_is_recorded():
    user = make_user(Role.MANAGER)
    client = Client()
    full_login(client, user)
    assert AccessLog.objects.filter(username=user.username, logout_time__isnull=True).count() == 1
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 302
    assert AccessLog.objects.filter(username=user.username, logout_time__isnull=False).count() == 1


class TestLockout:
    def fail(self, client, username, n=1, **extra):
        for _ in range(n):
            response = post_password(client, username, "fout-wachtwoord-123", **extra)
        return response

    def test_five_failures_lock_the_username_for_thirty_minutes(self):
        user = make_user(Role.PROCESREGISSEUR)
        client = Client()
        assert self.fail(client, user.username, 4).status_code == 200
        locked = self.fail(client, user.username)
        assert locked.status_code == 429
        assert "tijdelijk geblokkeerd" in locked.content.decode().lower()
        # Even the right password is refused while locked
        assert post_password(Client(), user.username).status_code == 429
        assert AccessFailureLog.objects.filter(username=user.username, locked_out=True).exists()

        start = timezone.now()
        with time_machine.travel(start + timedelta(minutes=29), tick=False):
            assert post_password(Client(), user.username).status_code == 429
        with time_machine.travel(start + timedelta(minutes=31), tick=False):
            response = post_password(Client(), user.username)
            assert response.status_code == 200 and "Verificatiecode" in response.content.decode()

    def test_unknown_usernames_lock_the_same_way(self):
        locked = self.fail(Client(), "niet-bestaand", 5)
        assert locked.status_code == 429

    def test_lock_is_per_username_and_ip(self):
        user = make_user(Role.PROCESREGISSEUR)
        self.fail(Client(), user.username, 5, REMOTE_ADDR="10.0.0.1")
        assert post_password(Client(), user.username, REMOTE_ADDR="10.0.0.1").status_code == 429
        response = post_password(Client(), user.username, REMOTE_ADDR="10.0.0.2")
        assert response.status_code == 200

    def test_failures_are_recorded_without_the_password(self):
        self.fail(Client(), "iemand", 2)
        rows = AccessFailureLog.objects.filter(username="iemand")
        assert rows.count() == 2
