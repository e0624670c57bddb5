"""Every URL × every role (× every variant: granted / not granted / expired ...) gives the declared outcome.

The matrix lives in ``tests/authz.py`` and ``tests/<package>/authz.py``. A URL pattern without an entry fails
the suite. One test per URL (and variant) checks all roles against one shared world, so a failure names the
URL, the variant and every role that got something else.
"""

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
    WORLD_BUILDERS,
    collect_app_matrices,
    expectations,
    iter_patterns,
)
from .conftest import make_user, verified_client

collect_app_matrices()


def test_every_url_pattern_has_an_expected_outcome_per_role():
    missing = [key for key in iter_patterns() if key not in MATRIX and not key.startswith(ADMIN_PREFIX)]
    assert not missing, f"URL patterns without an entry in the authorization matrix: {missing}"
    for key in {**MATRIX, **ADMIN_PAGES}:
        for variant, entry in expectations(key):
            assert set(entry.outcomes) == set(ROLES), f"{key}[{variant}]: missing {set(ROLES) - set(entry.outcomes)}"


def test_matrix_has_no_stale_entries():
    known = set(iter_patterns())
    stale = [key for key in {**MATRIX, **ADMIN_PAGES} if key not in known]
    assert not stale, f"entries for URL patterns that no longer exist: {stale}"


def build_world() -> dict:
    users = {role: make_user(role) for role in Role.values}
    world = {"users": users, "user": users[Role.KETENPARTNER]}
    for builder in WORLD_BUILDERS:
        builder(world)
    return world


def client_as(role: str, world: dict) -> Client:
    if role == ANON:
        return Client()
    if role == UNVERIFIED:
        client = Client()
        client.force_login(make_user(Role.PROCESREGISSEUR, with_device=False))
        return client
    return verified_client(world["users"][role])


def check_outcome(response, outcome) -> str | None:
    """None when the response matches the expected outcome, else a description of what came instead."""
    location = response.get("Location", "")
    got = f"{response.status_code} {location}".strip()
    if outcome == LOGIN:
        # The admin sends anonymous users via its own login URL, which forwards to the ZVH login (tested below).
        ok = response.status_code == 302 and location.startswith((reverse("two_factor:login"), reverse("admin:login")))
    elif outcome == SETUP:
        ok = response.status_code == 302 and location == reverse("two_factor:setup")
    elif outcome == REDIRECT:
        ok = response.status_code == 302 and not location.startswith(reverse("two_factor:login"))
    else:
        ok = response.status_code == outcome
    return None if ok else got


CASES = [(key, variant) for key in sorted({**MATRIX, **ADMIN_PAGES}) for variant, _entry in expectations(key)]


@pytest.mark.django_db
@pytest.mark.parametrize(("url_name", "variant"), CASES, ids=[f"{k}[{v}]" if v else k for k, v in CASES])
def test_outcome(url_name, variant):
    entry = dict(expectations(url_name))[variant]
    world = build_world()
    url = reverse(url_name, kwargs=entry.kwargs(world))
    failures = []
    for role in ROLES:
        client = client_as(role, world)
        response = client.post(url, entry.data(world)) if entry.method == "post" else client.get(url)
        got = check_outcome(response, entry.outcome(role))
        if got:
            failures.append(f"{role}: expected {entry.outcome(role)}, got {got}")
    assert not failures, f"{url_name}[{variant}] {url}\n" + "\n".join(failures)


@pytest.mark.django_db
def test_admin_login_forwards_to_the_zvh_login_with_second_factor(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:login"))
