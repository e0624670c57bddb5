"""Load test through the real stack: gunicorn (production settings) + PostgreSQL + Redis + a Celery worker, driven by
Locust headless with a realistic mix of users (zvh/loadtest/locustfile.py).

The jaarplan overzicht's figures are computed once beforehand, as Celery beat keeps them in the real stack.
Prints requests/s and p50/p95/p99 per page, and each page's throughput as a ratio to a trivial authenticated page
measured in the same run (so figures compare across machines). Loopback only; bounded in users and time.
With ``--pool`` gunicorn and the worker connect through a PgBouncer of their own (session pooling, as in
docker-compose.yml) instead of straight to PostgreSQL.
"""

import csv
import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.middleware.csrf import CSRF_ALLOWED_CHARS
from django.test import Client
from django.utils.crypto import get_random_string
from django_otp import DEVICE_ID_SESSION_KEY

from zvh import pgbouncer
from zvh.core.backup import Connection

USERS = ("regisseur", "politie", "secretariaat", "manager", "fg")
TRIVIAL = "trivial (profielpagina)"
MAX_USERS = 200
MAX_SECONDS = 600


class Command(BaseCommand):
    help = "Belastingstest met Locust tegen gunicorn + PostgreSQL + Redis + Celery (alleen 127.0.0.1)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=50)
        parser.add_argument("--spawn-rate", type=int, default=10)
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
        parser.add_argument("--port", type=int, default=8770)
        parser.add_argument(
            "--denktijd",
            default="0.5,1.5",
            help="Seconden tussen twee pagina's van één gebruiker, 'min,max' (standaard 0.5,1.5: zwaarder dan mensen).",
        )
        parser.add_argument("--pool", action="store_true", help="gunicorn en worker via een eigen PgBouncer")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("De belastingstest draait op PostgreSQL: zet DATABASE_URL (make loadtest doet dat).")
        users = min(options["users"], MAX_USERS)
        seconds = min(options["seconds"], MAX_SECONDS)
        var = Path(settings.BASE_DIR) / "var"
        var.mkdir(exist_ok=True)
        sessions = var / "loadtest-sessions.json"
        sessions.write_text(json.dumps(self.sessions()))
        think = self.think_time(options["denktijd"])
        env = {**self.stack_env(sessions), "ZVH_LOADTEST_THINK": think}
        self.prepare_overview()
        pooler = self.start_pooler(env, var) if options["pool"] else None
        processes = self.start_stack(env, options["port"], options["workers"], var)
        try:
            self.wait_healthy(options["port"])
            prefix = var / "loadtest"
            subprocess.run(  # noqa: S603 - fixed argument list, loopback host
                [
                    str(Path(sys.executable).parent / "locust"),
                    "-f",
                    str(Path(__file__).resolve().parents[3] / "loadtest" / "locustfile.py"),
                    "--headless",
                    "--users",
                    str(users),
                    "--spawn-rate",
                    str(options["spawn_rate"]),
                    "--run-time",
                    f"{seconds}s",
                    "--host",
                    f"http://127.0.0.1:{options['port']}",
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                env=env,
                check=False,
                timeout=seconds + 120,
            )
        finally:
            for process in processes:
                process.send_signal(signal.SIGTERM)
            for process in processes:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
            if pooler is not None:
                pooler.stop()
        rows = self.report(prefix.with_name("loadtest_stats.csv"), users, think)
        (var / "loadtest-latest.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False))

    def prepare_overview(self) -> None:
        """The steady state of the real stack: Celery beat keeps the jaarplan overzicht's default quarter computed
        (reporting.tasks.refresh_default_figures). The load test runs no beat, so that is done once beforehand."""
        from reporting.tasks import refresh_default_figures

        start = time.monotonic()
        result = refresh_default_figures()
        self.stdout.write(
            f"Jaarplanoverzicht vooraf berekend, zoals Celery beat: {result} in {time.monotonic() - start:.1f} s"
        )

    @staticmethod
    def think_time(value: str) -> str:
        try:
            low, high = (float(part) for part in value.split(","))
        except ValueError:
            raise CommandError("--denktijd verwacht twee getallen: min,max (bijvoorbeeld 2,8)") from None
        if not 0 <= low <= high <= 120:
            raise CommandError("--denktijd: 0 ≤ min ≤ max ≤ 120 seconden")
        return f"{low},{high}"

    # --- the stack ------------------------------------------------------------------------------------------------

    def sessions(self) -> dict:
        """A verified session per user (as after password + TOTP), and the ids their pages need."""
        from cases.models import Casusoverleg
        from privacy.models import AccessLogPerson
        from zvh.access.conditions import visible
        from zvh.accounts.models import User

        data = {}
        for username in USERS:
            user = User.objects.get(username=username)
            client = Client()
            client.force_login(user)
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = user.totpdevice_set.get(name="default").persistent_id
            session.save()
            cases = list(visible(user, "cases.casus").order_by("?").values_list("pk", flat=True)[:300])
            data[username] = {
                "session": session.session_key,
                "session_cookie": settings.SESSION_COOKIE_NAME,
                "csrf_cookie": settings.CSRF_COOKIE_NAME,
                "csrf": get_random_string(32, CSRF_ALLOWED_CHARS),
                "cases": cases,
            }
        data["regisseur"]["overleggen"] = list(
            Casusoverleg.objects.order_by("-datum_tijd").values_list("pk", flat=True)[:20]
        )
        hot = AccessLogPerson.objects.order_by("-id").values_list("person_id", flat=True).first()
        data["fg"]["hot_person"] = hot
        data["fg"]["regisseur_id"] = User.objects.get(username="regisseur").pk
        return data

    def stack_env(self, sessions: Path) -> dict:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "zvh.settings.production",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "ZVH_LOADTEST_SESSIONS": str(sessions),
        }
        return env

    def start_pooler(self, env: dict, var: Path) -> pgbouncer.PgBouncer:
        """PgBouncer in front of the bench database; the stack's DATABASE_URL points at it (DB_POOLER=pgbouncer)."""
        if pgbouncer.binary() is None:
            raise CommandError("--pool: pgbouncer niet gevonden (apt-get install pgbouncer)")
        pooler = pgbouncer.PgBouncer(dict(connection.settings_dict), var / "loadtest-pgbouncer.log").start()
        env["DATABASE_URL"] = replace(Connection.from_settings(), host="127.0.0.1", port=str(pooler.port)).url()
        env["DB_POOLER"] = "pgbouncer"
        self.stdout.write(f"gunicorn en worker via PgBouncer op 127.0.0.1:{pooler.port}")
        return pooler

    def start_stack(self, env: dict, port: int, workers: int, var: Path) -> list[subprocess.Popen]:
        bin_dir = Path(sys.executable).parent
        log = open(var / "loadtest-stack.log", "w")  # noqa: SIM115 - closed with the processes
        gunicorn = subprocess.Popen(  # noqa: S603
            [
                str(bin_dir / "gunicorn"),
                "zvh.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--timeout",
                "30",
            ],
            env=env,
            stdout=log,
            stderr=log,
        )
        worker = subprocess.Popen(  # noqa: S603
            [str(bin_dir / "celery"), "-A", "zvh", "worker", "--loglevel", "WARNING", "--concurrency", "1"],
            env=env,
            stdout=log,
            stderr=log,
        )
        return [gunicorn, worker]

    def wait_healthy(self, port: int) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise CommandError("gunicorn werd niet gezond binnen 30 s (zie var/loadtest-stack.log)")

    # --- the report -----------------------------------------------------------------------------------------------

    def report(self, stats_csv: Path, users: int, think: str = "0.5,1.5") -> list[dict]:
        with stats_csv.open() as handle:
            rows = [row for row in csv.DictReader(handle) if row["Name"] != "Aggregated"]
        by_name = {row["Name"]: row for row in rows}
        trivial = by_name.get(TRIVIAL)
        trivial_rps = float(trivial["Requests/s"]) if trivial else 0.0
        trivial_share = float(trivial["Request Count"]) if trivial else 0.0
        out = []
        header = f"{'pagina':<34} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6} {'fouten':>7} {'verhouding':>11}"
        self.stdout.write(f"Locust: {users} gelijktijdige gebruikers, denktijd {think.replace(',', '-')} s")
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in sorted(rows, key=lambda r: r["Name"]):
            count = float(row["Request Count"])
            # Throughput per request issued, relative to the trivial page: the share of work each page gets is
            # set by the task weights, so compare service capacity through the median time instead.
            p50 = float(row["50%"])
            ratio = float(trivial["50%"]) / p50 if trivial and p50 else 0.0
            entry = {
                "page": row["Name"],
                "requests": int(count),
                "rps": round(float(row["Requests/s"]), 1),
                "p50_ms": p50,
                "p95_ms": float(row["95%"]),
                "p99_ms": float(row["99%"]),
                "failures": int(row["Failure Count"]),
                "ratio_to_trivial": round(ratio, 2),
            }
            out.append(entry)
            self.stdout.write(
                f"{entry['page']:<34} {entry['rps']:>7} {p50:>6.0f} {entry['p95_ms']:>6.0f} {entry['p99_ms']:>6.0f} "
                f"{entry['failures']:>7} {ratio:>11.2f}"
            )
        total_failures = sum(e["failures"] for e in out)
        self.stdout.write(f"fouten in totaal: {total_failures}; trivial: {trivial_rps:.1f} req/s ({trivial_share:.0f})")
        return out
