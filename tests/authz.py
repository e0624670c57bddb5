"""The authorization matrix: for every URL pattern, the expected outcome per role.

Every URL pattern of the project must have an entry here (or fall under a declared prefix such as the admin);
``test_authorization_matrix.py`` fails when one is missing. Later issues add their URLs with granted /
not granted / expired variants.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

from zvh.accounts.choices import Role

ANON = "anoniem"
UNVERIFIED = "zonder-2fa"  # logged in with password, second factor not set up yet
ROLES = [ANON, UNVERIFIED, *Role.values]
# A Django superuser (is_superuser, verified, no ZVH role): checked on every URL too. It may never get more than
# the beheerder: the expected outcome is the beheerder's, or a refusal.
SUPERUSER = "superuser"

# Outcomes
OK = 200
FORBIDDEN = 403
NOT_FOUND = 404
NOT_ALLOWED = 405
LOGIN = "login"  # redirect to the login page
SETUP = "setup"  # redirect to the 2FA enrolment
REDIRECT = "redirect"  # any other redirect (e.g. a wizard that is already done)


@dataclass
class Expect:
    """Outcome per role for one URL. ``kwargs`` builds URL arguments from the test world (a dict).

    The world holds one user per role (``world["users"][role]``; the ketenpartner works at Politie) and the
    objects each package's ``build_world(world)`` adds (e.g. a case granted to Politie, one not granted, one
    whose grant expired). ``data`` is posted for method "post".
    """

    outcomes: dict[str, object]
    kwargs: Callable[[dict], dict] = field(default=lambda world: {})
    method: str = "get"
    data: Callable[[dict], dict] = field(default=lambda world: {})

    def outcome(self, role: str) -> object:
        return self.outcomes[role]


@dataclass
class Variants:
    """One URL checked against several objects: e.g. {"toegang": ..., "geen-toegang": ..., "verlopen": ...}."""

    cases: dict[str, Expect]


def expect(*, anon=LOGIN, unverified=SETUP, default=None, kwargs=None, method="get", data=None, **per_role) -> Expect:
    outcomes = {ANON: anon, UNVERIFIED: unverified}
    for role in Role.values:
        outcomes[role] = per_role.get(role, default)
    missing = [role for role, outcome in outcomes.items() if outcome is None]
    assert not missing, f"no outcome for {missing}"
    return Expect(outcomes, kwargs or (lambda world: {}), method, data or (lambda world: {}))


def only(*roles: str, other=FORBIDDEN, allowed=OK, **extra) -> Expect:
    return expect(default=other, **{role: allowed for role in roles}, **extra)


EVERYONE = {role: OK for role in Role.values}

MATRIX: dict[str, Expect | Variants] = {
    # Foundation
    "core:home": expect(default=OK),
    "core:landing": expect(default=REDIRECT),  # after login: Mijn werk or the start page
    "core:healthz": expect(anon=OK, unverified=OK, default=OK),
    "two_factor:login": expect(anon=OK, default=OK),
    "two_factor:setup": expect(unverified=OK, default=REDIRECT),
    "two_factor:qr": expect(unverified=NOT_FOUND, default=NOT_FOUND),
    "two_factor:setup_complete": expect(default=OK),
    "two_factor:backup_tokens": expect(default=OK),
    "two_factor:profile": expect(default=OK),
    "logout": expect(unverified=NOT_ALLOWED, default=NOT_ALLOWED),
    "privacy:login_records": only(Role.FG),  # the FG's other screens: tests/privacy/authz.py
}

# The Django admin is the beheerder's tool. Its generated patterns are covered as one prefix: the index, and per
# registered ModelAdmin its changelist, add page and change page (of the first object, when there is one).
# Every registered ModelAdmin must be listed in ADMIN_MODELS (an unlisted one fails the matrix test), with what the
# beheerder may do there; every other role gets 403 on all of it.
ADMIN_PREFIX = "admin:"
ADMIN_PAGES: dict[str, Expect] = {
    "admin:index": only(Role.BEHEERDER),
}


@dataclass(frozen=True)
class AdminModel:
    """What the beheerder may open for one registered model: "view" (changelist and change page), "add"."""

    view: bool = True
    add: bool = False


ADMIN_MODELS: dict[str, AdminModel] = {
    "auth.group": AdminModel(),  # roles are groups made by migrations: the beheerder sees them, adds none
    "accounts.organisation": AdminModel(add=True),
    "accounts.user": AdminModel(add=True),
    # Requests for privileged roles wait here for a second beheerder (created from the user form, never added).
    "accounts.rolechangerequest": AdminModel(),
    "sites.site": AdminModel(view=False),
    "otp_totp.totpdevice": AdminModel(),
    "otp_static.staticdevice": AdminModel(),
    "axes.accessattempt": AdminModel(),
    # Login records are the FG's (Inlogregistratie); the beheerder unlocks accounts through the attempts.
    "axes.accesslog": AdminModel(view=False),
    "axes.accessfailurelog": AdminModel(view=False),
    # FG material, shown to the FG in the application itself: not the beheerder's.
    "auditlog.logentry": AdminModel(view=False),
    "privacy.accesslogentry": AdminModel(view=False),
    "access.team": AdminModel(),
    "access.beperktthema": AdminModel(add=True),
    "reporting.jaarplan": AdminModel(),
    "reporting.activiteit": AdminModel(),
    "reporting.realisatie": AdminModel(),
    "facilitering.room": AdminModel(add=True),
}


def iter_patterns(resolver: URLResolver | None = None, namespace: str = "", prefix: str = "") -> Iterator[str]:
    """Yield a key for every URL pattern: the namespaced name, or the route for unnamed patterns."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from iter_patterns(pattern, ns, route)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else f"{namespace}<unnamed {route}>"


WORLD_BUILDERS: list[Callable[[dict], None]] = []
_COLLECTED: list[bool] = []


def expectations(key: str) -> list[tuple[str, Expect]]:
    entry = {**MATRIX, **ADMIN_PAGES}[key]
    if isinstance(entry, Variants):
        return list(entry.cases.items())
    return [("", entry)]


def collect_app_matrices() -> None:
    """Each test package may declare its URLs in ``tests/<package>/authz.py`` (a ``MATRIX`` dict, and
    optionally ``build_world(world)`` that adds the objects its URLs need)."""
    import importlib
    import pkgutil
    from pathlib import Path

    if WORLD_BUILDERS or _COLLECTED:
        return
    _COLLECTED.append(True)
    for module_info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if not module_info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.{module_info.name}.authz")
        except ModuleNotFoundError as exc:
            if exc.name != f"tests.{module_info.name}.authz":
                raise
            continue
        clash = set(module.MATRIX) & set(MATRIX)
        assert not clash, f"declared twice: {clash}"
        MATRIX.update(module.MATRIX)
        if hasattr(module, "build_world"):
            WORLD_BUILDERS.append(module.build_world)
