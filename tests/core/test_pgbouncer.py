"""PgBouncer in session mode between Django and PostgreSQL (DB_POOLER=pgbouncer, zvh/pgbouncer.py).

The pooler tests start a real pgbouncer on a free loopback port in front of the test database. Without pgbouncer
they are skipped with a clear message; with ZVH_REQUIRE_PGBOUNCER=1 (CI) a missing pgbouncer is a failure.
"""

import os
from importlib import import_module
from pathlib import Path

import psycopg2
import pytest
from django.db import OperationalError, connection

from zvh import pgbouncer
from zvh.accounts.choices import Role

from .test_settings import PROD_ENV, run_python, settings_value

DEFAULTS_MIGRATION = import_module("zvh.core.migrations.0001_database_defaults")
POSTGRES_ENV = {**PROD_ENV, "DATABASE_URL": "postgres://zvh:geheim@db.example.nl:5432/zvh"}
# Committed data, seen through the pooler's own connections; keeps migration data for later tests.
pooled = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def pooler(db, tmp_path):
    """A pgbouncer in front of the test database; Django's connection reconnects through it with ``through``.
    Tests that use it are marked ``pooled``."""
    if connection.vendor != "postgresql":
        pytest.skip("PgBouncer staat voor PostgreSQL: zet DATABASE_URL op een PostgreSQL-database")
    if pgbouncer.binary() is None:
        reason = "pgbouncer niet gevonden (apt-get install pgbouncer); pooltests overgeslagen"
        if os.environ.get("ZVH_REQUIRE_PGBOUNCER") == "1":
            pytest.fail(f"Pooltests zijn verplicht (ZVH_REQUIRE_PGBOUNCER=1): {reason}")
        pytest.skip(reason)
    # A test database copied from a template has no database-level settings: set them as the migration does.
    with connection.schema_editor() as editor:
        DEFAULTS_MIGRATION.set_defaults(None, editor)
    connection.close()
    with pgbouncer.PgBouncer(dict(connection.settings_dict), tmp_path / "pgbouncer.log") as running:
        yield running
    connection.close()


def server_state() -> tuple[int, str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid(), current_setting('jit'), current_setting('TimeZone')")
        return cursor.fetchone()


@pooled
def test_a_request_through_pgbouncer_gets_a_reused_backend_with_jit_off_and_utc(pooler, client_for, monkeypatch):
    client, _ = client_for(Role.PROCESREGISSEUR)
    time_zone_sets = []
    monkeypatch.setattr(type(connection.ops), "set_time_zone_sql", lambda ops: time_zone_sets.append(1) or "")
    with pgbouncer.through(connection, pooler.port):
        assert client.get("/account/").status_code == 200
        backend, _, _ = server_state()
        # A client's session settings must not reach the next client (DISCARD ALL between them).
        with connection.cursor() as cursor:
            cursor.execute("SET jit = on; SET TimeZone = 'Europe/Amsterdam'")
    with pgbouncer.through(connection, pooler.port):
        assert client.get("/account/").status_code == 200
        # A new Django connection, the same warm server backend, back at the database's defaults.
        assert server_state() == (backend, "off", "UTC")
    assert time_zone_sets == []  # Django never needed a SET TIME ZONE on these connections


@pooled
def test_the_pooler_reports_utc_at_connect_so_django_sends_no_set_time_zone(pooler):
    settings_dict = connection.settings_dict
    raw = psycopg2.connect(host="127.0.0.1", port=pooler.port, dbname=settings_dict["NAME"], user=settings_dict["USER"])
    try:
        # Django's ensure_timezone() sends SET TIME ZONE only when the server's TimeZone differs from this.
        assert raw.info.parameter_status("TimeZone") == connection.timezone_name == "UTC"
    finally:
        raw.close()


@pooled
def test_pgbouncer_refuses_the_options_startup_parameter_of_direct_connections(pooler):
    """Why DB_POOLER drops ``options``: PgBouncer 1.18 refuses the connection that carries it."""
    settings_dict = connection.settings_dict
    with pytest.raises(psycopg2.OperationalError, match="unsupported startup parameter"):
        psycopg2.connect(
            host="127.0.0.1",
            port=pooler.port,
            dbname=settings_dict["NAME"],
            user=settings_dict["USER"],
            options="-c jit=off",
        )


def database_defaults() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setconfig FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase"
            " WHERE d.datname = current_database() AND s.setrole = 0"
        )
        row = cursor.fetchone()
    return set(row[0]) if row else set()


def test_the_migration_sets_jit_off_and_utc_as_database_defaults_and_takes_them_back(db):
    if connection.vendor != "postgresql":
        pytest.skip("databasestandaarden bestaan alleen op PostgreSQL")
    with connection.schema_editor() as editor:
        DEFAULTS_MIGRATION.set_defaults(None, editor)
    assert {"jit=off", "TimeZone=UTC"} <= database_defaults()
    with connection.schema_editor() as editor:
        DEFAULTS_MIGRATION.reset_defaults(None, editor)
    assert not {"jit=off", "TimeZone=UTC"} & database_defaults()


@pooled
def test_through_restores_the_direct_connection_afterwards(pooler):
    direct = connection.settings_dict
    with pgbouncer.through(connection, pooler.port):
        assert connection.settings_dict["PORT"] == str(pooler.port)
        assert "options" not in connection.settings_dict["OPTIONS"]
    assert connection.settings_dict is direct
    with pytest.raises(OperationalError), pgbouncer.through(connection, pgbouncer.free_port()):
        connection.ensure_connection()
    assert connection.settings_dict is direct


# --- settings and configuration ---------------------------------------------------------------------------


def test_direct_connections_send_jit_off_and_utc_at_connect():
    options = settings_value("settings.DATABASES['default']['OPTIONS']", POSTGRES_ENV)
    assert "-c jit=off -c TimeZone=UTC" in options


def test_through_pgbouncer_django_sends_no_options_parameter():
    env = {**POSTGRES_ENV, "DB_POOLER": "pgbouncer"}
    assert "'options'" not in settings_value("settings.DATABASES['default']['OPTIONS']", env)
    assert settings_value("settings.DATABASES['default']['DISABLE_SERVER_SIDE_CURSORS']", env) == "True"


def test_an_unknown_pooler_is_refused():
    result = run_python("import django; django.setup()", {**POSTGRES_ENV, "DB_POOLER": "pgpool"})
    assert result.returncode != 0
    assert "DB_POOLER" in result.stderr


def test_the_pooler_config_is_session_pooling_with_discard_all_and_utc():
    settings_dict = {"NAME": "zvh", "USER": "zvh", "PASSWORD": "", "HOST": "127.0.0.1", "PORT": "5432"}
    text = pgbouncer.ini(settings_dict, listen_addr="127.0.0.1", listen_port=6432, auth_file=None)
    assert "pool_mode = session" in text
    assert "server_reset_query = DISCARD ALL" in text
    assert "zvh = host=127.0.0.1 port=5432 dbname=zvh user=zvh timezone=UTC" in text


def test_a_pooler_without_a_password_listens_on_loopback_only():
    settings_dict = {"NAME": "zvh", "USER": "zvh", "PASSWORD": "", "HOST": "postgres", "PORT": "5432"}
    with pytest.raises(ValueError, match="127.0.0.1"):
        pgbouncer.ini(settings_dict, listen_addr="0.0.0.0", listen_port=6432, auth_file=None)  # noqa: S104


def test_with_a_password_clients_authenticate_with_scram(tmp_path):
    settings_dict = {"NAME": "zvh", "USER": "zvh", "PASSWORD": "ge'heim", "HOST": "postgres", "PORT": "5432"}
    path = pgbouncer.write_config(settings_dict, tmp_path, listen_addr="0.0.0.0", listen_port=6432)  # noqa: S104
    text = path.read_text()
    assert "auth_type = scram-sha-256" in text
    assert "password='ge''heim'" in text
    assert (tmp_path / "pgbouncer-users.txt").read_text() == '"zvh" "ge\'heim"\n'
    assert {oct(p.stat().st_mode & 0o777) for p in Path(tmp_path).iterdir()} == {"0o600"}
