"""Every URL × every role gives the outcome the matrix in ``tests/authz.py`` declares."""

import pytest
from django.test import Client
from django.urls import reverse

from zvh.accounts.choices import Role

from .authz import (
    ADMIN_PAGES,
    ADMIN_PREFIX,
    ANON,
    LOGIN,
    MATRIX,
    REDIRECT,
    ROLES,
    SETUP,
    UNVERIFIED,
    iter_patterns,
)
from .conftest import make_user, verified_client


def test_every_url_pattern_has_an_expected_outcome_per_role():
    missing = [key for key in iter_patterns() if key not in MATRIX and not key.startswith(ADMIN_PREFIX)]
    assert not missing, f"URL patterns without an entry in tests/authz.py MATRIX: {missing}"
    for key, entry in {**MATRIX, **ADMIN_PAGES}.items():
        assert set(entry.outcomes) == set(ROLES), f"{key}: outcome missing for {set(ROLES) - set(entry.outcomes)}"


def test_matrix_has_no_stale_entries():
    known = set(iter_patterns())
    stale = [key for key in {**MATRIX, **ADMIN_PAGES} if key not in known]
    assert not stale, f"entries for URL patterns that no longer exist: {stale}"


def client_as(role: str) -> Client:
    if role == ANON:
        return Client()
    if role == UNVERIFIED:
        user = make_user(Role.PROCESREGISSEUR, with_device=False)
        client = Client()
        client.force_login(user)
        return client
    return verified_client(make_user(role))


def assert_outcome(response, outcome, label: str) -> None:
    location = response.get("Location", "")
    if outcome == LOGIN:
        # The admin sends anonymous users via its own login URL, which forwards to the ZVH login (tested below).
        login_urls = (reverse("two_factor:login"), reverse("admin:login"))
        assert response.status_code == 302 and location.startswith(login_urls), label
    elif outcome == SETUP:
        assert response.status_code == 302 and location == reverse("two_factor:setup"), label
    elif outcome == REDIRECT:
        assert response.status_code == 302, label
        assert not location.startswith(reverse("two_factor:login")), label
    else:
        assert response.status_code == outcome, f"{label}: got {response.status_code}, location {location!r}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", sorted({**MATRIX, **ADMIN_PAGES}))
def test_outcome(url_name, role):
    entry = {**MATRIX, **ADMIN_PAGES}[url_name]
    world = {"user": make_user(Role.KETENPARTNER)}
    url = reverse(url_name, kwargs=entry.kwargs(world))
    response = getattr(client_as(role), entry.method)(url)
    assert_outcome(response, entry.outcome(role), f"{url_name} as {role}")


@pytest.mark.django_db
def test_admin_login_forwards_to_the_zvh_login_with_second_factor(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:login"))
