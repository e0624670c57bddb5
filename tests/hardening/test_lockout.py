"""Finding 1 (lockout bypass by spelling the username differently) and finding 8 (wrong codes count too)."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from zvh.accounts.axes import get_username
from zvh.accounts.choices import Role
from zvh.accounts.usernames import lockout_key, normalize_username

from ..conftest import make_user
from ..helpers import WIZARD, post_password, post_token, totp_code

pytestmark = pytest.mark.django_db

VARIANTS = [" kr8", "kr8 ", "\tkr8", "ｋｒ８", "KR8", "\u200bkr8", "\u3000kr8\n"]
WRONG = "fout-wachtwoord-123"


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_spelling_maps_to_one_lockout_key(variant, rf):
    assert lockout_key(variant) == "kr8"
    request = rf.post("/inloggen/", {"auth-username": variant})
    # The three ways axes asks: backend (form field key), login_failed signal (username), nothing (POST).
    assert get_username(request, {"auth-username": variant}) == "kr8"
    assert get_username(request, {"username": variant}) == "kr8"
    assert get_username(request, None) == "kr8"


def test_the_login_form_uses_the_same_normalisation():
    assert normalize_username(" ｋｒ８\t") == "kr8"
    assert normalize_username("KR8") == "KR8"  # logging in stays case-sensitive; only the lock counts case-free


@pytest.mark.parametrize("variant", VARIANTS)
def test_after_five_failures_no_spelling_of_the_name_gets_past_the_lock(variant):
    make_user(Role.KETENPARTNER, username="kr8")
    for _ in range(5):
        post_password(Client(), "kr8", WRONG)
    right = post_password(Client(), variant)  # the right password
    assert right.status_code == 429
    assert "Verificatiecode" not in right.content.decode()
    wrong = post_password(Client(), variant, WRONG)
    assert wrong.status_code == 429  # right and wrong answer the same: the answer tells nothing


def test_failures_in_mixed_spellings_count_together():
    make_user(Role.KETENPARTNER, username="kr8")
    for variant in VARIANTS[:5]:
        post_password(Client(), variant, WRONG)
    assert post_password(Client(), "kr8").status_code == 429
    assert set(AccessFailureLog.objects.values_list("username", flat=True)) == {"kr8"}


def _at_code_step(user) -> Client:
    client = Client()
    response = post_password(client, user.username)
    assert "Verificatiecode" in response.content.decode()
    return client


def _wrong_code() -> str:
    return "000000" if totp_code() != "000000" else "111111"


def test_wrong_verification_codes_are_recorded_for_the_fg_and_lock_at_the_same_threshold():
    user = make_user(Role.PROCESREGISSEUR)
    client = _at_code_step(user)
    for attempt in range(1, 5):
        response = post_token(client, _wrong_code())
        assert response.status_code == 200, attempt
        assert AccessFailureLog.objects.filter(username=user.username).count() == attempt
    locked = post_token(client, _wrong_code())
    assert locked.status_code == 429
    assert AccessFailureLog.objects.filter(username=user.username, locked_out=True).exists()
    # Locked: even the right code does not log in now, and neither does starting over with the password.
    assert post_token(client, totp_code()).status_code in (200, 429)
    assert SESSION_KEY not in client.session
    assert post_password(Client(), user.username).status_code == 429
    # The FG sees the failures under Inlogregistratie.
    fg_page = _fg_login_records()
    assert fg_page.count(user.username) >= 5


def test_password_and_code_failures_add_up():
    user = make_user(Role.SECRETARIAAT)
    for _ in range(3):
        post_password(Client(), user.username, WRONG)
    client = _at_code_step(user)
    assert post_token(client, _wrong_code()).status_code == 200
    assert post_token(client, _wrong_code()).status_code == 429
    assert AccessAttempt.objects.get(username=user.username).failures_since_start == 5


def test_wrong_backup_codes_count_as_well():
    user = make_user(Role.MANAGER)
    client = _at_code_step(user)
    client.post(reverse("two_factor:login"), {WIZARD: "token", "wizard_goto_step": "backup"})
    for _ in range(5):
        response = client.post(reverse("two_factor:login"), {WIZARD: "backup", "backup-otp_token": "abcd1234"})
    assert response.status_code == 429
    assert AccessFailureLog.objects.filter(username=user.username).count() == 5


def _fg_login_records() -> str:
    from ..conftest import verified_client

    fg = make_user(Role.FG)
    return verified_client(fg).get(reverse("privacy:login_records"), {"soort": "mislukt"}).content.decode()


def test_an_overlong_username_is_refused_with_a_message_not_a_500():
    """Found by the form fuzzer: 300 characters reached axes' 255-character column (DataError, HTTP 500)."""
    response = post_password(Client(), "x" * 300, WRONG)
    assert response.status_code == 200
    assert "150" in response.content.decode()  # Django's Dutch message names the maximum length
    assert lockout_key("y" * 300) == "y" * 255
    assert all(len(a.username or "") <= 255 for a in AccessAttempt.objects.all())
