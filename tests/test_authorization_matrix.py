"""Every URL × every role (× every variant: granted / not granted / expired ...) × every method gives the declared
outcome, and no page shows a role a person it must not see.

The matrix lives in ``tests/authz.py`` and ``tests/<package>/authz.py``. A URL pattern without an entry fails the
suite, and so does a registered ModelAdmin missing from ``ADMIN_MODELS``. The world is built once per worker; every
request runs inside a savepoint that is rolled back, so a POST in one check never changes what the next one sees.

Per URL and role:
- the declared method (GET, or POST for POST-only entries) gives the declared outcome;
- POST with a valid CSRF token (for GET entries), PUT and DELETE never give more than GET: a role refused on GET is
  refused the same way (or gets 405); a role allowed on GET gets no 5xx and no 403/404 "by accident" on POST;
  PUT and DELETE give 405 wherever GET is allowed (no view accepts them);
- a Django superuser (verified, without a ZVH role) never gets more than the beheerder;
- every 200 body is scanned for the persons the role must never see (``world["hidden"][role]``: names and BSNs).
"""

import pytest
from django.contrib import admin
from django.db import transaction
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from zvh.accounts.choices import Role

from .authz import (
    ADMIN_MODELS,
    ADMIN_PAGES,
    ADMIN_PREFIX,
    ANON,
    FORBIDDEN,
    LOGIN,
    MATRIX,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    ROLES,
    SETUP,
    SUPERUSER,
    UNVERIFIED,
    WORLD_BUILDERS,
    Expect,
    collect_app_matrices,
    expectations,
    iter_patterns,
    only,
)
from .conftest import make_user, verified_client

collect_app_matrices()

DENIALS = (FORBIDDEN, NOT_FOUND, LOGIN, SETUP)


def _admin_entries() -> dict[str, Expect]:
    """Changelist, add and change page of every listed model admin: the beheerder's as declared, others 403."""
    entries: dict[str, Expect] = {}
    for label, rights in ADMIN_MODELS.items():
        app_label, model = label.split(".")
        base = f"admin:{app_label}_{model}"
        entries[f"{base}_changelist"] = only(Role.BEHEERDER) if rights.view else only(other=FORBIDDEN)
        entries[f"{base}_add"] = only(Role.BEHEERDER) if rights.add else only(other=FORBIDDEN)
        entries[f"{base}_change"] = Expect(
            (only(Role.BEHEERDER) if rights.view else only(other=FORBIDDEN)).outcomes,
            kwargs=lambda w, label=label: {"object_id": w["admin_objects"].get(label)},
        )
    return entries


ADMIN_ENTRIES = {**ADMIN_PAGES, **_admin_entries()}
ALL = {**MATRIX, **ADMIN_ENTRIES}


def _expectations(key: str) -> list[tuple[str, Expect]]:
    if key in ADMIN_ENTRIES:
        return [("", ADMIN_ENTRIES[key])]
    return expectations(key)


CASES = [(key, variant) for key in sorted(ALL) for variant, _entry in _expectations(key)]
SHARDS = 8


def test_every_url_pattern_has_an_expected_outcome_per_role():
    missing = [key for key in iter_patterns() if key not in MATRIX and not key.startswith(ADMIN_PREFIX)]
    assert not missing, f"URL patterns without an entry in the authorization matrix: {missing}"
    for key in ALL:
        for variant, entry in _expectations(key):
            assert set(entry.outcomes) == set(ROLES), f"{key}[{variant}]: missing {set(ROLES) - set(entry.outcomes)}"


def test_every_registered_model_admin_is_in_the_matrix():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered - set(ADMIN_MODELS) == set(), "ModelAdmins without an entry in tests/authz.py ADMIN_MODELS"
    assert set(ADMIN_MODELS) - registered == set(), "ADMIN_MODELS entries for models no longer in the admin"


def test_matrix_has_no_stale_entries():
    known = set(iter_patterns())
    stale = [key for key in ALL if key not in known]
    assert not stale, f"entries for URL patterns that no longer exist: {stale}"


class World(dict):
    """The shared test world: a builder may add keys but never overwrite another builder's object."""

    def __setitem__(self, key, value):
        if key in self and self[key] is not value:
            raise KeyError(f"world[{key!r}] is set twice: give the objects of each package their own names")
        super().__setitem__(key, value)


def build_world() -> dict:
    users = {role: make_user(role) for role in Role.values}
    superuser = make_user(None, is_superuser=True, is_staff=True, organisation=users[Role.BEHEERDER].organisation)
    world = World(users=users, user=users[Role.KETENPARTNER], superuser=superuser, hidden={})
    for builder in WORLD_BUILDERS:
        builder(world)
    world["admin_objects"] = {
        model._meta.label_lower: model._default_manager.order_by("pk").values_list("pk", flat=True).first()
        for model in admin.site._registry
    }
    return world


def hidden_for(world: dict, role: str) -> set[str]:
    """Names and BSNs the role must never be shown (world builders add them per role; "*" is for every role)."""
    hidden = world["hidden"]
    return set(hidden.get("*", ())) | set(hidden.get(role, ()))


def client_as(role: str, world: dict) -> Client:
    if role == ANON:
        return Client(enforce_csrf_checks=True)
    if role == UNVERIFIED:
        client = Client(enforce_csrf_checks=True)
        client.force_login(make_user(Role.PROCESREGISSEUR, with_device=False))
        return client
    user = world["superuser"] if role == SUPERUSER else world["users"][role]
    client = verified_client(user)
    client.handler.enforce_csrf_checks = True
    return client


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


def _csrf(client: Client) -> str:
    token = _get_new_csrf_string()
    client.cookies["csrftoken"] = token
    return token


def _request(client: Client, method: str, url: str, data: dict):
    """One request inside a savepoint that is rolled back afterwards."""
    sid = transaction.savepoint()
    try:
        if method == "get":
            return client.get(url)
        if method == "post":
            return client.post(url, {**data, "csrfmiddlewaretoken": _csrf(client)})
        return getattr(client, method)(url, HTTP_X_CSRFTOKEN=_csrf(client))
    finally:
        transaction.savepoint_rollback(sid)


def _check_extra_method(method: str, role: str, declared, response) -> str | None:
    status = response.status_code
    if status >= 500:
        return f"{method.upper()} gave {status}"
    if declared in DENIALS:
        # Refused on GET: refused the same way on every other method (or the method is not accepted at all).
        return (
            None if check_outcome(response, declared) is None or status == NOT_ALLOWED else f"{method.upper()} {status}"
        )
    if method in ("put", "delete"):
        return None if status in (NOT_ALLOWED, FORBIDDEN) else f"{method.upper()} accepted ({status})"
    return None if status not in (FORBIDDEN,) else f"POST refused ({status}) where GET is allowed"


def _superuser_outcome(entry: Expect):
    return entry.outcome(Role.BEHEERDER)


def check_url(world: dict, clients: dict, key: str, variant: str) -> list[str]:
    entry = dict(_expectations(key))[variant]
    kwargs = entry.kwargs(world)
    if key in ADMIN_ENTRIES and "object_id" in kwargs and kwargs["object_id"] is None:
        return []  # no object of this model in the world: nothing to open
    url = reverse(key, kwargs=kwargs)
    failures = []
    for role in [*ROLES, SUPERUSER]:
        client = clients[role]
        declared = _superuser_outcome(entry) if role == SUPERUSER else entry.outcome(role)
        response = _request(client, entry.method, url, entry.data(world))
        got = check_outcome(response, declared)
        if got and role == SUPERUSER and response.status_code in (FORBIDDEN, NOT_FOUND):
            got, declared = None, response.status_code  # a superuser may get less than the beheerder, never more
        if got:
            failures.append(f"{role}: expected {declared}, got {got}")
        if response.status_code == OK and not response.streaming:
            body = response.content.decode(errors="replace")
            leaked = sorted(text for text in hidden_for(world, role) if text in body)
            if leaked:
                failures.append(f"{role}: shows {leaked}")
        if entry.method != "get" or declared == NOT_ALLOWED or key.startswith(ADMIN_PREFIX) or key == "logout":
            continue
        for method in ("post", "put", "delete"):
            problem = _check_extra_method(method, role, declared, _request(client, method, url, entry.data(world)))
            if problem:
                failures.append(f"{role}: {problem}")
    return [f"{key}[{variant}] {url}: {failure}" for failure in failures]


@pytest.fixture(scope="module")
def shared_media(tmp_path_factory):
    return tmp_path_factory.mktemp("matrix-media")


@pytest.fixture(autouse=True)
def _media_root(settings, shared_media):
    """The files the world's objects refer to (AVG exports, reports) stay where the world was built."""
    settings.MEDIA_ROOT = shared_media


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker, shared_media):
    """The world and a logged-in client per role, built once per worker for all shards (≈ 2.5 s each time).

    They live in a transaction around the module, rolled back at its end; each test's own transaction is a savepoint
    inside it, and every request a savepoint inside that, so nothing a check does reaches the next shard.
    """
    with django_db_blocker.unblock():
        atomics = TestCase._enter_atomics()  # Django's class-level block: atomic(durable=True) inside still works
    try:
        with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=shared_media):
            world = build_world()
            clients = {role: client_as(role, world) for role in [*ROLES, SUPERUSER]}
        yield world, clients
    finally:
        with django_db_blocker.unblock():
            TestCase._rollback_atomics(atomics)


@pytest.mark.django_db
@pytest.mark.parametrize("shard", range(SHARDS))
def test_outcomes(shard, shared_world):
    world, clients = shared_world
    failures = []
    for key, variant in CASES[shard::SHARDS]:
        failures += check_url(world, clients, key, variant)
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_every_role_has_persons_it_must_not_see_in_the_world(shared_world):
    """The content check needs something to look for in every role's pages."""
    world, _clients = shared_world
    for role in [*ROLES, SUPERUSER]:
        assert hidden_for(world, role), f"no hidden persons declared for {role}"


@pytest.mark.django_db
def test_admin_login_forwards_to_the_zvh_login_with_second_factor(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:login"))
