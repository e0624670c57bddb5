"""Throwaway real services for the fault tests: a redis-server and a PostgreSQL cluster on free ports, and the
application (gunicorn, Celery, manage.py) run against them as subprocesses. Nothing here touches the shared
PostgreSQL on 5432 or Redis on 6379."""

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2

from ..helpers import clean_env

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, *, timeout: float, interval: float = 0.1, what: str = "service"):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            result = check()
            if result:
                return result
        except Exception as exc:  # noqa: BLE001  (waiting for a service: any error means "not yet")
            last = exc
        time.sleep(interval)
    raise TimeoutError(f"{what} not ready within {timeout} s ({last!r})")


def stop_process(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 10) -> None:
    """Stop a process we started (its own process group), by its id only."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="zvh-fault-redis-")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(  # noqa: S603
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                self.dir,
            ],  # fmt: skip
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(lambda: socket.create_connection(("127.0.0.1", self.port), 0.2).close() or True, timeout=10,
                 what="redis-server")  # fmt: skip
        return self

    def stop(self) -> None:
        if self.process:
            stop_process(self.process)

    def pause(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def cleanup(self) -> None:
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGCONT)
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PostgresCluster:
    """initdb into a temp dir as user postgres (runuser when we are root), pg_ctl start/stop on a free port."""

    def __init__(self):
        self.bin = pg_bin()
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="zvh-fault-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "postgres.log"

    def _as_postgres(self, *command: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run([*prefix, *command], capture_output=True, text=True, check=check, timeout=timeout)  # noqa: S603

    def init(self) -> "PostgresCluster":
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self._as_postgres(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                          "--no-sync", "-E", "UTF8", "--locale=C.UTF-8")  # fmt: skip
        return self

    def start(self) -> None:
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")  # fmt: skip
        self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options,
                          "-w", "-t", "60", "start")  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._as_postgres(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop",
                          check=False)  # fmt: skip

    def url(self, dbname: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"

    def connect(self, dbname: str = "postgres"):
        return psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=dbname, connect_timeout=3)

    def execute(self, sql: str, dbname: str = "postgres") -> None:
        conn = self.connect(dbname)
        conn.autocommit = True
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql)
        finally:
            conn.close()

    def query(self, sql: str, dbname: str, params=()) -> list[tuple]:
        conn = self.connect(dbname)
        try:
            with conn.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        finally:
            conn.close()

    def create_database(self, name: str, template: str | None = None) -> str:
        self.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def cleanup(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


def app_env(*, database_url: str, redis_url: str = "", media_root: str = "", **extra: str) -> dict[str, str]:
    """Environment for the application in a subprocess (production settings, our throwaway services)."""
    values = {
        "DJANGO_SETTINGS_MODULE": "zvh.settings.production",
        "SECRET_KEY": "fault-tests-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": media_root or tempfile.mkdtemp(prefix="zvh-fault-media-"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    return clean_env(**{**values, **extra})


def manage(env: dict, *args: str, timeout: float = 600, script: str | None = None) -> str:
    command = [PYTHON, "manage.py", *args] if script is None else [PYTHON, "-c", script]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)  # noqa: S603
    assert result.returncode == 0, f"{args or 'script'} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


class Gunicorn:
    """The application under gunicorn (production settings) on a free port."""

    def __init__(self, env: dict, log: Path, workers: int = 2, threads: int = 4):
        self.port = free_port()
        self.env, self.log_path = env, log
        self.workers, self.threads = workers, threads
        self.process: subprocess.Popen | None = None

    def start(self) -> "Gunicorn":
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(  # noqa: S603
            [PYTHON, "-m", "gunicorn", "zvh.wsgi:application", "-c", "gunicorn.conf.py",
             "-b", f"127.0.0.1:{self.port}", "-w", str(self.workers), "--threads", str(self.threads),
             "--timeout", "60"],  # fmt: skip
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        wait_for(lambda: Browser(self.port).get("/healthz")[0] in (200, 503), timeout=90, interval=0.3,
                 what="gunicorn")  # fmt: skip
        return self

    def stop(self) -> None:
        if self.process:
            stop_process(self.process)
            self.log.close()


class Browser:
    """A minimal HTTP client for gunicorn behind a TLS proxy: cookies, CSRF, X-Forwarded-Proto (stdlib only)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None, timeout: float = 30):
        import http.client
        from urllib.parse import urlencode

        origin = f"https://127.0.0.1:{self.port}"
        headers = {"Host": f"127.0.0.1:{self.port}", "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode({"csrfmiddlewaretoken": self.cookies.get("__Host-csrftoken", ""), **data})
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": origin,
                            "Referer": origin + path})  # fmt: skip
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            content = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, val = value.split(";", 1)[0].partition("=")
                    self.cookies[key.strip()] = val.strip()
            return response.status, dict(response.getheaders()), content
        finally:
            conn.close()

    def get(self, path: str, timeout: float = 30):
        return self.request("GET", path, timeout=timeout)

    def post(self, path: str, data: dict, timeout: float = 30):
        return self.request("POST", path, data, timeout=timeout)

    def login(self, username: str, password: str, totp_code: str) -> None:
        self.get("/inloggen/")
        status, _, page = self.post("/inloggen/", {"login_view-current_step": "auth", "auth-username": username,
                                                    "auth-password": password})  # fmt: skip
        assert status == 200 and "Verificatiecode" in page, (status, page[:500])
        status, headers, page = self.post("/inloggen/", {"login_view-current_step": "token",
                                                         "token-otp_token": totp_code})  # fmt: skip
        assert status == 302, (status, page[:500])
