"""A dropped or unreachable database connection is a Dutch 503 with Retry-After, not a 500 (handler500 in
zvh.core.errors); other errors keep the 500 page. The real restart is in tests/faults/test_postgres_restart.py."""

import pytest
from django.conf import settings as django_settings
from django.test import Client


@pytest.fixture
def client(settings):
    settings.ROOT_URLCONF = "tests.hardening.urls_database_down"
    client = Client()
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("path", ["/test/verbroken/", "/test/gesloten/"])
def test_a_lost_database_is_a_dutch_503(client, path):
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Tijdelijk niet beschikbaar" in page and "database is op dit moment niet bereikbaar" in page


def test_other_errors_stay_a_500(client):
    response = client.get("/test/fout/")
    assert response.status_code == 500 and "Er ging iets mis" in response.content.decode()


def test_persistent_connections_are_health_checked():
    assert django_settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
