"""Migrate the test database once, then copy it per xdist worker (PostgreSQL).

Django creates each worker's test database by running every migration (≈ 30 s of CPU per worker on this
project). On PostgreSQL the suite instead keeps one migrated database, ``zvh_test_template_<key>``, and lets
Django create each worker's database from it (``TEST["TEMPLATE"]``); Django's own ``migrate`` then finds nothing
to do. The key changes with every migration file and installed package version, so a changed migration or
dependency builds a new template (older ones are dropped). Workers take a PostgreSQL advisory lock while one of
them builds it. The template is built under a temporary name and renamed when complete, so an interrupted build
never leaves a half-migrated template behind.

``ZVH_TEST_TEMPLATE=0`` turns this off (Django migrates each worker's database as usual).
"""

import hashlib
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "zvh_test_template_"
LOCK = 7_493_201  # pg_advisory_lock key of the template build


def template_key() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("**/migrations/*.py")):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions() if d.metadata["Name"])
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()[:12]


def use_migrated_template() -> str | None:
    """Make sure the migrated template exists and point the default test database at it; returns its name."""
    from django.db import connections

    from zvh.core.backup import Connection

    connection = connections["default"]
    settings_dict = connection.settings_dict
    if connection.vendor != "postgresql" or os.environ.get("ZVH_TEST_TEMPLATE") == "0":
        return None
    name = PREFIX + template_key()
    building = name + "_bouw"
    server = Connection.from_settings()
    admin = server.connect("postgres")
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [LOCK])
            try:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
                if cursor.fetchone() is None:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{building}"')
                    cursor.execute(f'CREATE DATABASE "{building}"')
                    env = {
                        **os.environ,
                        "DATABASE_URL": server.url(building),
                        "REDIS_URL": "",
                        "DJANGO_SETTINGS_MODULE": "zvh.settings.test",
                    }
                    subprocess.run(
                        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
                    )
                    cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
                    cursor.execute(
                        "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                        [PREFIX.replace("_", r"\_") + "%", name],
                    )
                    for (old,) in cursor.fetchall():
                        cursor.execute(f'DROP DATABASE IF EXISTS "{old}"')
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
    finally:
        admin.close()
    settings_dict.setdefault("TEST", {})["TEMPLATE"] = name
    return name


def fast_flush() -> None:
    """Empty tables after a transactional test with DELETE instead of Django's TRUNCATE (PostgreSQL).

    TRUNCATE of the project's ≈ 100 tables gives each table and index a new file: 2.6-3.5 s per transactional
    test on this machine, against 0.04 s for DELETE on tables that hold a test's few rows. Row triggers (the
    append-only logs refuse DELETE) and foreign-key checks are skipped for that statement, as TRUNCATE skips them,
    with ``session_replication_role = replica``, which needs a superuser; otherwise Django's TRUNCATE stays.
    Sequences are reset by TRUNCATE only (``reset_sequences``), so that case keeps Django's statement too.
    """
    from django.db.backends.postgresql.operations import DatabaseOperations

    if getattr(DatabaseOperations, "_zvh_fast_flush", False):
        return
    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences or not superuser(self.connection):
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [
            "SET LOCAL session_replication_role = replica;",
            *(f"DELETE FROM {self.quote_name(table)};" for table in tables),
            "SET LOCAL session_replication_role = origin;",
        ]

    DatabaseOperations.sql_flush = sql_flush
    DatabaseOperations._zvh_fast_flush = True


def superuser(connection) -> bool:
    cached = getattr(connection, "_zvh_superuser", None)
    if cached is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            row = cursor.fetchone()
        cached = connection._zvh_superuser = bool(row and row[0])
    return cached
