"""PgBouncer in session mode between Django and PostgreSQL: one configuration for compose, the bench and the tests.

A new Django connection through PgBouncer gets a server backend that an earlier client already warmed (catalog
entries of the tables it touched are loaded), instead of a fresh backend per connection. Session pooling, because
Django uses session state (time zone, advisory locks of migrations); every server connection is reset with
``DISCARD ALL`` before the next client gets it.

PgBouncer 1.18 refuses the ``options`` startup parameter that direct connections use for ``jit=off`` and
``TimeZone=UTC``. Through the pooler the server side carries them instead: ``timezone=UTC`` in the pooler's
database line (sent when it opens a server connection, so ``DISCARD ALL`` returns to it), and ``jit = off`` as a
database default (migration ``core.0001_database_defaults``); see ``DB_POOLER`` in the settings.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEFAULT_BINARY = "/usr/sbin/pgbouncer"  # Debian's package installs it outside a normal user's PATH


def binary() -> str | None:
    """The pgbouncer executable (``ZVH_PGBOUNCER`` overrides), or None when it is not installed."""
    configured = os.environ.get("ZVH_PGBOUNCER")
    if configured:
        return shutil.which(configured)
    return shutil.which("pgbouncer") or (DEFAULT_BINARY if os.access(DEFAULT_BINARY, os.X_OK) else None)


def pooled_settings(settings_dict: dict, *, host: str, port: int) -> dict:
    """A Django database entry that connects through the pooler: its address, and no ``options`` parameter."""
    options = {k: v for k, v in settings_dict.get("OPTIONS", {}).items() if k != "options"}
    return {**settings_dict, "HOST": host, "PORT": str(port), "OPTIONS": options}


def ini(settings_dict: dict, *, listen_addr: str, listen_port: int, auth_file: Path | None, run_as: str = "") -> str:
    """The pgbouncer.ini for one database. With a password, clients authenticate with it (SCRAM, ``auth_file``);
    without one (a loopback PostgreSQL that trusts local users) the pooler must listen on loopback only."""
    server = {
        "host": settings_dict.get("HOST") or "127.0.0.1",
        "port": settings_dict.get("PORT") or "5432",
        "dbname": settings_dict["NAME"],
        "user": settings_dict["USER"],
        "timezone": "UTC",
    }
    if settings_dict.get("PASSWORD"):
        server["password"] = settings_dict["PASSWORD"]
    elif not listen_addr.startswith("127."):
        raise ValueError("PgBouncer zonder wachtwoord luistert alleen op 127.0.0.1")
    line = " ".join(f"{key}={_quote(value)}" for key, value in server.items())
    auth = f"auth_type = scram-sha-256\nauth_file = {auth_file}" if auth_file else "auth_type = any"
    return "\n".join(
        [
            "[databases]",
            f"{settings_dict['NAME']} = {line}",
            "[pgbouncer]",
            f"listen_addr = {listen_addr}",
            f"listen_port = {listen_port}",
            "unix_socket_dir =",
            auth,
            "pool_mode = session",
            "server_reset_query = DISCARD ALL",
            "max_client_conn = 400",
            "default_pool_size = 40",
            # A server connection lives an hour at most, so a changed database default reaches every backend.
            "server_lifetime = 3600",
            "log_connections = 0",
            "log_disconnections = 0",
            f"user = {run_as}" if run_as else "",
            "",
        ]
    )


def auth_line(settings_dict: dict) -> str:
    return f"{_quote_auth(settings_dict['USER'])} {_quote_auth(settings_dict['PASSWORD'])}\n"


def _quote(value: object) -> str:
    text = str(value)
    return "'" + text.replace("'", "''") + "'" if any(c in text for c in " '=") else text


def _quote_auth(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def write_config(settings_dict: dict, directory: Path, *, listen_addr: str, listen_port: int) -> Path:
    """pgbouncer.ini (and the auth file when there is a password) in ``directory``, readable by this user only.
    As root, pgbouncer drops to the ``postgres`` user after reading them."""
    directory.mkdir(parents=True, exist_ok=True)
    auth_file = None
    if settings_dict.get("PASSWORD"):
        auth_file = directory / "pgbouncer-users.txt"
        _write_private(auth_file, auth_line(settings_dict))
    run_as = "postgres" if os.geteuid() == 0 else ""
    text = ini(settings_dict, listen_addr=listen_addr, listen_port=listen_port, auth_file=auth_file, run_as=run_as)
    path = directory / "pgbouncer.ini"
    _write_private(path, text)
    return path


def _write_private(path: Path, text: str) -> None:
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(text)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PgBouncer:
    """A pgbouncer process on a free loopback port for one database (bench, load test, tests)."""

    def __init__(self, settings_dict: dict, log_path: Path):
        executable = binary()
        if executable is None:
            raise FileNotFoundError("pgbouncer niet gevonden (apt-get install pgbouncer, of zet ZVH_PGBOUNCER)")
        self.executable = executable
        self.settings_dict = settings_dict
        self.log_path = log_path
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self._directory = tempfile.TemporaryDirectory(prefix="zvh-pgbouncer-")

    def start(self) -> "PgBouncer":
        config = write_config(
            self.settings_dict, Path(self._directory.name), listen_addr="127.0.0.1", listen_port=self.port
        )
        log = self.log_path.open("a")
        self.process = subprocess.Popen([self.executable, str(config)], stdout=log, stderr=log)  # noqa: S603
        log.close()
        self._wait_listening()
        return self

    def _wait_listening(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pgbouncer stopte meteen (zie {self.log_path})")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"pgbouncer luisterde niet binnen 10 s (zie {self.log_path})")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._directory.cleanup()

    def __enter__(self) -> "PgBouncer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


@contextmanager
def through(connection, port: int, host: str = "127.0.0.1") -> Iterator[None]:
    """Django's ``connection`` connects through the pooler inside the block (closed on the way in and out)."""
    original = connection.settings_dict
    connection.close()
    connection.settings_dict = pooled_settings(original, host=host, port=port)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict = original
