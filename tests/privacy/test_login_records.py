"""The FG's view of logins, logouts, failures and lockouts."""

import pytest
from django.test import Client
from django.urls import reverse

from zvh.accounts.choices import Role

from ..conftest import make_user
from ..helpers import full_login, post_password

pytestmark = pytest.mark.django_db
URL = reverse("privacy:login_records")


def test_fg_sees_logins_and_logouts(client_for):
    user = make_user(Role.PROCESREGISSEUR)
    other = Client()
    full_login(other, user)
    other.post(reverse("logout"))
    client, _ = client_for(Role.FG)
    page = client.get(URL).content.decode()
    assert user.username in page
    assert "Aan- en afmeldingen" in page


def test_fg_sees_failures_and_lockouts_filtered_by_username(client_for):
    for _ in range(5):
        post_password(Client(), "indringer", "verkeerd-wachtwoord-1")
    post_password(Client(), "iemand-anders", "verkeerd-wachtwoord-1")
    client, _ = client_for(Role.FG)
    page = client.get(URL, {"soort": "mislukt", "username": "indringer", "locked_out": "on"}).content.decode()
    assert "indringer" in page and "iemand-anders" not in page
    assert "(1)" in page  # one lockout row


def test_invalid_filter_input_gets_a_dutch_message_not_an_error(client_for):
    client, _ = client_for(Role.FG)
    response = client.get(URL, {"van": "gisteren"})
    assert response.status_code == 200
    assert "Voer een geldige datum in" in response.content.decode()


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.FG])
def test_only_the_fg_may_see_login_records(client_for, role):
    client, _ = client_for(role)
    assert client.get(URL).status_code == 403
