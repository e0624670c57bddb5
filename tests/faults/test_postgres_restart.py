"""PostgreSQL restarted while gunicorn is under load: requests answer a Dutch 503 within 5 s while it is down
(never a 500, never a hang), and the same gunicorn serves 200s again once it is back (no restart of gunicorn).
Real services: a throwaway PostgreSQL cluster stopped and started with pg_ctl, gunicorn with persistent
connections (CONN_MAX_AGE) and CONN_HEALTH_CHECKS."""

import threading
import time

from zvh.accounts.demo import DEMO_PASSWORD

from .conftest import demo_totp
from .services import Browser, Gunicorn, app_env

DOWN_LIMIT = 5.0
CLIENTS = 6


def test_postgres_restart_under_load_gives_503_then_recovers_without_restarting_gunicorn(
    pg_cluster, fresh_db, static_root, tmp_path
):
    dbname = fresh_db.rsplit("/", 1)[1]
    env = app_env(database_url=fresh_db, STATIC_ROOT=static_root, media_root=str(tmp_path / "media"),
                  DB_CONN_MAX_AGE="600")  # fmt: skip
    app = Gunicorn(env, tmp_path / "gunicorn.log", workers=2, threads=4).start()
    browser = Browser(app.port)
    browser.login("regisseur", DEMO_PASSWORD, demo_totp(pg_cluster, dbname, "regisseur"))
    gunicorn_pid = app.process.pid
    samples: list[tuple[float, int, float, str]] = []  # (start, status, duration, page excerpt)
    stop = threading.Event()

    def load(path: str) -> None:
        client = Browser(app.port)
        client.cookies = dict(browser.cookies)
        while not stop.is_set():
            start = time.monotonic()
            try:
                status, _, page = client.get(path, timeout=30)
            except OSError as exc:
                status, page = -1, repr(exc)
            samples.append((start, status, time.monotonic() - start, page[:3000]))

    threads = [threading.Thread(target=load, args=(path,), daemon=True)
               for path in ["/casussen/", "/mijn-werk/", "/healthz"] * (CLIENTS // 3)]  # fmt: skip
    try:
        for thread in threads:
            thread.start()
        time.sleep(3)
        down_at = time.monotonic()
        pg_cluster.stop("fast")  # ends every connection: gunicorn's persistent ones die
        time.sleep(6)
        up_at = time.monotonic()
        pg_cluster.start()
        started_at = time.monotonic()
        time.sleep(6)
        assert app.process.poll() is None and app.process.pid == gunicorn_pid  # the same gunicorn throughout
    finally:
        stop.set()
        for thread in threads:
            thread.join(35)
        app.stop()

    before = [s for s in samples if s[0] + s[2] < down_at]  # answered before the stop
    during = [s for s in samples if down_at + 0.5 < s[0] and s[0] + s[2] < up_at]  # asked and answered while down
    after = [s for s in samples if s[0] > started_at + 2]
    assert before and all(status == 200 for _, status, _, _ in before), {s[1] for s in before}
    assert during, "requests were made while PostgreSQL was down"
    assert all(status == 503 for _, status, _, _ in during), sorted({s[1] for s in during})
    assert max(duration for _, _, duration, _ in during) < DOWN_LIMIT
    pages = [page for _, _, _, page in during if "Tijdelijk niet beschikbaar" in page or '"database"' in page]
    assert len(pages) == len(during), "a Dutch 503 page (or the health check's JSON)"
    assert not [s for s in samples if s[1] == 500], "never a 500"
    assert after and all(status == 200 for _, status, _, _ in after), sorted({s[1] for s in after})
    first_ok = min(s[0] + s[2] for s in samples if s[0] > up_at and s[1] == 200)
    print(
        f"\npostgres restart: {len(samples)} requests; while down {len(during)} x 503, slowest "
        f"{max(d for _, _, d, _ in during):.2f} s; first 200 {first_ok - up_at:.2f} s after pg_ctl start was called "
        f"({started_at - up_at:.2f} s until it returned)"
    )
