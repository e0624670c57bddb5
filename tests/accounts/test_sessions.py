"""Idle timeout (30 min), absolute limit (12 h) and deactivated users."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from zvh.accounts import services
from zvh.accounts.choices import Role

from ..conftest import make_user
from ..helpers import full_login

pytestmark = pytest.mark.django_db
HOME = reverse("core:home")


def logged_in_client(role=Role.PROCESREGISSEUR):
    user = make_user(role)
    client = Client()
    full_login(client, user)
    assert client.get(HOME).status_code == 200
    return client, user


def test_idle_for_more_than_thirty_minutes_logs_out_with_a_dutch_explanation():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client, _ = logged_in_client()
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert client.get(HOME).status_code == 200
    with time_machine.travel(start + timedelta(minutes=29 + 31), tick=False):
        response = client.get(HOME)
        assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor:login"))
        login_page = client.get(response["Location"]).content.decode()
        assert "automatisch uitgelogd" in login_page and "30 minuten" in login_page
        assert client.get(HOME).status_code == 302


def test_activity_cannot_stretch_a_session_beyond_twelve_hours():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client, _ = logged_in_client()
    minutes = 0
    while minutes < 12 * 60 - 20:
        minutes += 20
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert client.get(HOME).status_code == 200, minutes
    with time_machine.travel(start + timedelta(hours=12, minutes=1), tick=False):
        response = client.get(HOME)
        assert response.status_code == 302
        assert "12 uur" in client.get(response["Location"]).content.decode()


def test_timeouts_are_configurable(settings):
    settings.SESSION_IDLE_TIMEOUT = 5 * 60
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client, _ = logged_in_client()
    with time_machine.travel(start + timedelta(minutes=6), tick=False):
        assert client.get(HOME).status_code == 302


def test_a_deactivated_users_sessions_end():
    client, user = logged_in_client()
    services.user_deactivate(user=user)
    assert client.get(HOME).status_code == 302


def test_deactivation_through_a_plain_save_also_ends_access():
    client, user = logged_in_client()
    user.is_active = False
    user.save()
    response = client.get(HOME)
    assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor:login"))


def test_resetting_two_factor_ends_sessions_and_forces_enrolment():
    client, user = logged_in_client()
    services.user_reset_two_factor(user=user)
    assert client.get(HOME).status_code == 302
    assert not user.totpdevice_set.exists()
