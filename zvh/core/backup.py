"""Backup and restore: a pg_dump in custom format plus a tarball of MEDIA_ROOT (report PDFs, uploads).

Used by ``manage.py backup`` / ``manage.py restore`` (and ``make backup`` / ``make restore``). The database
connection comes from DATABASE_URL (Django's settings); the password is passed to pg_dump / pg_restore through
PGPASSWORD, never on the command line. Restore refuses a database that already holds tables unless ``--force``:
a restore is meant for a fresh database (a drill, or a rebuilt server).
"""

import os
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from django.conf import settings
from django.utils import timezone


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Connection:
    name: str
    host: str
    port: str
    user: str
    password: str

    @classmethod
    def from_settings(cls, name: str | None = None) -> "Connection":
        db = settings.DATABASES["default"]
        if not db["ENGINE"].endswith("postgresql"):
            raise BackupError("Backup en restore werken alleen met PostgreSQL (DATABASE_URL=postgres://...).")
        return cls(
            name=name or db["NAME"],
            host=str(db.get("HOST") or "127.0.0.1"),
            port=str(db.get("PORT") or "5432"),
            user=str(db.get("USER") or "postgres"),
            password=str(db.get("PASSWORD") or ""),
        )

    def args(self) -> list[str]:
        return ["--host", self.host, "--port", self.port, "--username", self.user, "--no-password"]

    def env(self) -> dict[str, str]:
        env = dict(os.environ)
        if self.password:
            env["PGPASSWORD"] = self.password
        return env

    def url(self, dbname: str | None = None) -> str:
        """The same connection as a DATABASE_URL (for a subprocess), user and password quoted."""
        from urllib.parse import quote

        password = f":{quote(self.password, safe='')}" if self.password else ""
        return f"postgres://{quote(self.user, safe='')}{password}@{self.host}:{self.port}/{dbname or self.name}"

    def connect(self, dbname: str | None = None):
        return psycopg2.connect(
            dbname=dbname or self.name, host=self.host, port=self.port, user=self.user, password=self.password
        )


def _run(command: list[str], connection: Connection) -> None:
    result = subprocess.run(command, env=connection.env(), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} mislukt: {result.stderr.strip()[-2000:]}")


def tool(name: str) -> str:
    """pg_dump / pg_restore from PG_BIN when set, else from PATH."""
    directory = os.environ.get("PG_BIN", "")
    found = str(Path(directory) / name) if directory else shutil.which(name)
    if not found:
        raise BackupError(f"{name} niet gevonden: installeer de PostgreSQL-clienttools of zet PG_BIN.")
    return found


def backup(*, directory: Path, stamp: str | None = None) -> tuple[Path, Path]:
    """Write <directory>/zvh-<stamp>.dump (pg_dump -Fc) and <directory>/zvh-<stamp>-media.tar.gz."""
    connection = Connection.from_settings()
    stamp = stamp or timezone.now().strftime("%Y%m%dT%H%M%SZ")
    directory.mkdir(parents=True, exist_ok=True)
    dump, media = directory / f"zvh-{stamp}.dump", directory / f"zvh-{stamp}-media.tar.gz"
    _run([tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", *connection.args(),
          "--file", str(dump), connection.name], connection)  # fmt: skip
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(media, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname=".")
    return dump, media


def table_row_counts(connection: Connection, dbname: str | None = None) -> dict[str, int]:
    """Rows per table in the public schema (the drill compares these before and after)."""
    with connection.connect(dbname) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM public."{table}"')  # noqa: S608  (names from pg_tables)
            counts[table] = cursor.fetchone()[0]
    conn.close()
    return counts


def _ensure_empty_database(connection: Connection, *, force: bool) -> None:
    admin = connection.connect("postgres")
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [connection.name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{connection.name}"')
                return
    finally:
        admin.close()
    if table_row_counts(connection) and not force:
        raise BackupError(
            f"Database {connection.name} bevat al tabellen. Herstel in een lege database, of geef --force "
            "(bestaande tabellen worden dan vervangen)."
        )


def _safe_members(archive: tarfile.TarFile):
    for member in archive.getmembers():
        path = Path(member.name)
        if path.is_absolute() or ".." in path.parts or member.issym() or member.islnk():
            raise BackupError(f"Onveilig pad in het media-archief: {member.name}")
        yield member


def restore(*, dump: Path, media: Path | None, database: str | None = None, force: bool = False) -> None:
    """Restore the dump into ``database`` (default: the configured one; created when missing) and unpack the media
    tarball into MEDIA_ROOT."""
    if not dump.is_file():
        raise BackupError(f"Dumpbestand niet gevonden: {dump}")
    connection = Connection.from_settings(database)
    _ensure_empty_database(connection, force=force)
    _run([tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
          *(["--clean", "--if-exists"] if force else []), *connection.args(), "--dbname", connection.name,
          str(dump)], connection)  # fmt: skip
    if media is not None:
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(media, "r:gz") as archive:
            archive.extractall(media_root, members=list(_safe_members(archive)))  # noqa: S202 (checked above)
