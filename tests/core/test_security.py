"""Security headers, caching and the Dutch error pages."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

from zvh.accounts.choices import Role

from ..helpers import clean_env

pytestmark = pytest.mark.django_db


def test_content_security_policy_allows_only_the_own_origin(client):
    csp = client.get(reverse("two_factor:login"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "http" not in csp  # no external hosts at all


def test_clickjacking_and_sniffing_headers(client):
    response = client.get(reverse("two_factor:login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("url_name", ["core:home", "two_factor:profile", "privacy:login_records"])
def test_authenticated_pages_are_never_stored(client_for, url_name):
    client, _ = client_for(Role.FG)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_every_response_carries_a_correlation_id(client):
    assert len(client.get(reverse("two_factor:login"))["X-Correlation-ID"]) == 32


def test_403_page_is_dutch_and_plain(client_for):
    client, _ = client_for(Role.KETENPARTNER)
    response = client.get(reverse("privacy:login_records"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Geen toegang" in page and "Traceback" not in page and 'lang="nl"' in page


def test_404_page_is_dutch_and_plain(client_for):
    client, _ = client_for(Role.PROCESREGISSEUR)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Pagina niet gevonden" in page and "urlpatterns" not in page and "/bestaat-niet/" not in page


def test_404_for_anonymous_users_does_not_reveal_anything():
    response = Client().get("/geheim/iets/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_500_page_is_dutch_and_reveals_nothing():
    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in page and "Traceback" not in page and "Exception" not in page


def test_csrf_failure_page_is_dutch(client_for):
    client, _ = client_for(Role.PROCESREGISSEUR)
    client.handler.enforce_csrf_checks = True
    response = client.post(reverse("logout"))
    assert response.status_code == 403
    assert "Formulier verlopen" in response.content.decode()


def test_production_settings_are_secure_by_default():
    import subprocess
    import sys

    env = clean_env(
        DJANGO_SETTINGS_MODULE="zvh.settings.production", SECRET_KEY="x" * 60, DATABASE_URL="sqlite:///:memory:"
    )
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.ALLOWED_HOSTS)"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False True True 31536000 []"
