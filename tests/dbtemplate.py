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


def _connect(settings_dict):
    import psycopg2

    return psycopg2.connect(
        dbname="postgres",
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
    )


def _database_url(settings_dict, name: str) -> str:
    from urllib.parse import quote

    user = quote(settings_dict.get("USER") or "")
    password = settings_dict.get("PASSWORD")
    auth = f"{user}:{quote(password)}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}{host}:{port}/{name}"


def use_migrated_template() -> str | None:
    """Make sure the migrated template exists and point the default test database at it; returns its name."""
    from django.db import connections

    connection = connections["default"]
    settings_dict = connection.settings_dict
    if connection.vendor != "postgresql" or os.environ.get("ZVH_TEST_TEMPLATE") == "0":
        return None
    name = PREFIX + template_key()
    building = name + "_bouw"
    admin = _connect(settings_dict)
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
                        "DATABASE_URL": _database_url(settings_dict, building),
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
