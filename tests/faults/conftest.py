"""Fixtures for the fault and drill tests: throwaway PostgreSQL / Redis, a migrated database with demo data."""

import hashlib
import subprocess

import pytest

from .services import ROOT, PostgresCluster, RedisServer, app_env, manage, pg_bin

TEMPLATE_DB = "zvh_fault_template"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/faults/" in str(item.fspath):
            item.add_marker(pytest.mark.faults)


@pytest.fixture(scope="session")
def pg_cluster():
    if pg_bin() is None:
        pytest.fail("PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin")
    cluster = PostgresCluster().init()
    cluster.start()
    yield cluster
    cluster.cleanup()


def _template_key() -> str:
    """Changes whenever a migration, a demo seed or its arguments change (then the cached template is rebuilt)."""
    digest = hashlib.sha256(" ".join(SEED_ARGS).encode())
    for path in sorted([*ROOT.glob("**/migrations/*.py"), *ROOT.glob("**/demo.py"), *ROOT.glob("**/seeds/*.py")]):
        if ".venv" not in path.parts:
            digest.update(str(path.relative_to(ROOT)).encode() + path.read_bytes())
    return digest.hexdigest()[:16]


# Compact: every account, the fixed cases and persons, jaarplan 2022 and the bookings, without the year of triage and
# re-integratie work that made this build take minutes; the drills need accounts and a few cases. Part of the key.
SEED_ARGS = ("--quiet", "--compact")


@pytest.fixture(scope="session")
def template_db(pg_cluster) -> str:
    """Migrated once, with the demo data (users, cases, jaarplan 2022, bookings): copied per test as a template.

    Migrating and seeding takes minutes on a busy machine, so the result is kept as a pg_dump in var/test-cache/
    (keyed by the migrations and seeds) and restored in seconds by later runs.
    """
    url = pg_cluster.create_database(TEMPLATE_DB)
    cache = ROOT / "var" / "test-cache" / f"fault-template-{_template_key()}.dump"
    connection = ["--host", "127.0.0.1", "--port", str(pg_cluster.port), "--username", "postgres"]
    if cache.exists():
        restored = subprocess.run(["pg_restore", "--no-owner", *connection, "--dbname", TEMPLATE_DB, str(cache)],
                                  capture_output=True, text=True, check=False)  # fmt: skip
        if restored.returncode == 0:
            return TEMPLATE_DB
        pg_cluster.execute(f'DROP DATABASE "{TEMPLATE_DB}"')
        url = pg_cluster.create_database(TEMPLATE_DB)
    env = app_env(database_url=url, DJANGO_SETTINGS_MODULE="zvh.settings.dev")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "seed_demo", *SEED_ARGS)
    cache.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pg_dump", "--format=custom", *connection, "--file", str(cache), TEMPLATE_DB], check=True)
    return TEMPLATE_DB


@pytest.fixture
def fresh_db(pg_cluster, template_db, request) -> str:
    """A database of its own for one test (a copy of the template); returns its URL."""
    name = "zvh_" + request.node.name.lower().replace("[", "_").replace("]", "").replace("-", "_")[:40]
    pg_cluster.execute(f'DROP DATABASE IF EXISTS "{name}"')
    return pg_cluster.create_database(name, template=template_db)


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.cleanup()


@pytest.fixture(scope="session")
def static_root(tmp_path_factory) -> str:
    """collectstatic once (production uses the manifest storage: pages need its manifest)."""
    root = tmp_path_factory.mktemp("static")
    env = app_env(database_url="sqlite:////tmp/zvh-fault-collectstatic.sqlite3", STATIC_ROOT=str(root))
    manage(env, "collectstatic", "--noinput", "-v", "0")
    return str(root)


def demo_totp(pg_cluster, dbname: str, username: str) -> str:
    """The demo account's current verification code, after clearing the device's replay guard (each login in
    these tests may reuse the 30-second window)."""
    from binascii import unhexlify

    from django_otp.oath import totp

    from zvh.accounts.demo import totp_key_hex

    pg_cluster.execute(
        "UPDATE otp_totp_totpdevice SET last_t = -1 WHERE user_id = "
        f"(SELECT id FROM accounts_user WHERE username = '{username}')",
        dbname,
    )
    return f"{totp(unhexlify(totp_key_hex())):06d}"
