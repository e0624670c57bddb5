"""A Celery worker killed with SIGKILL while it compiles a PDF, 20 times: every request still gets exactly one PDF.

Ten requests, so each job is killed about twice: the kills after the first ten hit jobs the sweeper queued again
(their attempts count on), and the run ends with ten compilations instead of twenty (the drill's slowest part).

Real services: a throwaway redis-server (broker) and PostgreSQL cluster, a `celery worker --pool=solo` that the test
kills (the whole process group, like the OOM killer or a lost machine) while a report is running, and a `celery beat`
that runs the sweeper. The killed worker never acknowledges its message, and Redis gives it back only after the
visibility timeout (an hour), so the job is lost: the sweeper finds it from the database row (running longer than
REPORT_RUNNING_LEASE) and queues it again.
"""

import json
import random
import signal
import subprocess
import time

from .services import PYTHON, ROOT, manage, stop_process, wait_for

REQUESTS = 10
KILLS = 20

REQUEST_SCRIPT = f"""
import json, django
django.setup()
from reporting import services
from reporting.models import Jaarplan
from zvh.accounts.models import User
user = User.objects.get(username="manager")
jaarplan = Jaarplan.objects.get(jaar=2022)
print(json.dumps([services.report_request(jaarplan=jaarplan, kwartaal=1 + i % 4, user=user).pk
                  for i in range({REQUESTS})]))
"""


def _celery(env, log, *args) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603
        [PYTHON, "-m", "celery", "-A", "zvh", *args, "--loglevel", "WARNING"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip


def _worker(env, log) -> subprocess.Popen:
    return _celery(env, log, "worker", "--pool=solo", "--without-mingle", "--without-gossip", "--without-heartbeat")


def test_worker_killed_during_pdf_compilation_twenty_times_gives_exactly_one_pdf_each(
    pg_cluster, fresh_db, redis_server, tmp_path
):
    media = tmp_path / "media"
    dbname = fresh_db.rsplit("/", 1)[1]
    from .services import app_env

    env = app_env(
        database_url=fresh_db, redis_url=redis_server.url, media_root=str(media), REPORT_SWEEP_INTERVAL="1",
        REPORT_QUEUED_GRACE="30", REPORT_RUNNING_LEASE="8", REPORT_MAX_ATTEMPTS="25",
    )  # fmt: skip
    ids = json.loads(manage(env, script=REQUEST_SCRIPT).strip().splitlines()[-1])

    def rows() -> dict[int, tuple[str, int]]:
        return {pk: (status, attempts) for pk, status, attempts in pg_cluster.query(
            "SELECT id, status, attempts FROM reporting_report WHERE id = ANY(%s)", dbname, (ids,))}  # fmt: skip

    log = (tmp_path / "celery.log").open("w")
    started = time.monotonic()
    beat = _celery(env, log, "beat", "--schedule", str(tmp_path / "beat-schedule"), "--max-interval", "1")
    worker = _worker(env, log)
    interrupted, kill_at = [], []
    try:
        for _attempt in range(KILLS * 3):
            since = pg_cluster.query("SELECT now()", dbname)[0][0]
            running = wait_for(
                lambda since=since: pg_cluster.query(
                    "SELECT id FROM reporting_report WHERE status = 'running' AND started_at >= %s", dbname, (since,)
                ),
                timeout=120,
                interval=0.05,
                what="a report compiling",
            )
            time.sleep(random.uniform(0.05, 0.6))  # somewhere inside WeasyPrint's work
            stop_process(worker, signal.SIGKILL)
            kill_at.append(time.monotonic() - started)
            report_id = running[0][0]
            if rows()[report_id][0] == "running":  # killed before it finished: this job is lost now
                interrupted.append(report_id)
            worker = _worker(env, log)
            if len(interrupted) == KILLS:
                break
        killing_done = time.monotonic() - started
        wait_for(lambda: all(status == "done" for status, _ in rows().values()), timeout=600, interval=0.5,
                 what="every report done")  # fmt: skip
        all_done = time.monotonic() - started
    finally:
        stop_process(worker, signal.SIGKILL)
        stop_process(beat)
        log.close()

    assert len(interrupted) == KILLS, f"only {len(interrupted)} kills hit a running compilation"
    final = rows()
    assert all(status == "done" for status, _ in final.values())
    for report_id in set(interrupted):
        # every kill of a job cost it a start, and the last start made its PDF
        assert final[report_id][1] >= interrupted.count(report_id) + 1, "an interrupted job was not compiled again"
    assert len(set(interrupted)) > REQUESTS // 2, "the kills hit too few of the jobs"
    files = pg_cluster.query("SELECT id, file, page_count FROM reporting_report WHERE id = ANY(%s)", dbname, (ids,))
    pdfs = sorted(p for p in media.rglob("*") if p.is_file())
    assert len(pdfs) == REQUESTS, [str(p) for p in pdfs]
    assert sorted(str(media / name) for _, name, _ in files) == sorted(str(p) for p in pdfs)
    for _, name, pages in files:
        data = (media / name).read_bytes()
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:] and pages >= 8
    print(
        f"\ncelery SIGKILL: {KILLS} kills during compilation in {killing_done:.0f} s, "
        f"{REQUESTS} reports done after {all_done:.0f} s, {len(set(interrupted))} distinct jobs lost and swept, "
        f"starts {sum(a for _, a in final.values())}"
    )
