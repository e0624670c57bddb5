"""Redis stopped or silent (SIGSTOP: accepts nothing, answers nothing): login, case pages and the access log keep
working, and a report request fails with a Dutch message in under 2 s. Real services: gunicorn on a throwaway
PostgreSQL cluster and a throwaway redis-server that the test pauses and stops."""

import re
import time

from zvh.accounts.demo import DEMO_PASSWORD

from .conftest import demo_totp
from .services import Browser, Gunicorn, app_env

REPORT_LIMIT = 2.0


def _scalar(pg_cluster, dbname: str, sql: str) -> int:
    return pg_cluster.query(sql, dbname)[0][0]


def _exercise(port: int, pg_cluster, dbname: str) -> dict:
    out = {}
    regisseur = Browser(port)
    start = time.monotonic()
    regisseur.login("regisseur", DEMO_PASSWORD, demo_totp(pg_cluster, dbname, "regisseur"))
    out["login_s"] = time.monotonic() - start
    status, _, page = regisseur.get("/casussen/")
    out["list"] = status
    pk = re.search(r'href="/casussen/(\d+)/"', page).group(1)
    logged_before = _scalar(pg_cluster, dbname, "SELECT count(*) FROM privacy_accesslogentry")
    start = time.monotonic()
    out["detail"] = regisseur.get(f"/casussen/{pk}/")[0]
    out["detail_s"] = time.monotonic() - start
    out["logged"] = _scalar(pg_cluster, dbname, "SELECT count(*) FROM privacy_accesslogentry") - logged_before

    manager = Browser(port)
    manager.login("manager", DEMO_PASSWORD, demo_totp(pg_cluster, dbname, "manager"))
    reports_before = _scalar(pg_cluster, dbname, "SELECT count(*) FROM reporting_report")
    start = time.monotonic()
    status, _, page = manager.post("/rapportage/rapportages/", {"jaar": "2022", "kwartaal": "4"})
    out["report_s"] = time.monotonic() - start
    out["report"], out["report_page"] = status, page
    out["reports_added"] = _scalar(pg_cluster, dbname, "SELECT count(*) FROM reporting_report") - reports_before
    return out


def test_login_case_pages_and_access_log_work_with_redis_stopped_or_silent(
    pg_cluster, fresh_db, redis_server, static_root, tmp_path
):
    dbname = fresh_db.rsplit("/", 1)[1]
    env = app_env(database_url=fresh_db, redis_url=redis_server.url, STATIC_ROOT=static_root,
                  media_root=str(tmp_path / "media"), SECURE_SSL_REDIRECT="true")  # fmt: skip
    app = Gunicorn(env, tmp_path / "gunicorn.log").start()
    results = {}
    try:
        results["up"] = _exercise(app.port, pg_cluster, dbname)
        redis_server.pause()  # SIGSTOP: connections are accepted by the kernel, nothing ever answers
        results["silent"] = _exercise(app.port, pg_cluster, dbname)
        redis_server.resume()
        redis_server.stop()  # connections refused
        results["stopped"] = _exercise(app.port, pg_cluster, dbname)
    finally:
        app.stop()

    assert results["up"]["report"] == 302 and results["up"]["reports_added"] == 1
    for state in ("silent", "stopped"):
        r = results[state]
        assert r["list"] == 200 and r["detail"] == 200, (state, r)
        assert r["logged"] >= 1, f"{state}: the access log recorded the case page"
        assert r["login_s"] < 5 and r["detail_s"] < 2, (state, r)
        assert r["report"] == 503 and "niet bereikbaar" in r["report_page"], (state, r["report"])
        assert r["report_s"] < REPORT_LIMIT, (state, r["report_s"])
        assert r["reports_added"] == 0, f"{state}: no half-made report request remains"
    print("\nredis: " + "; ".join(
        f"{state}: login {r['login_s']:.2f} s, case page {r['detail_s']:.2f} s, report request {r['report']} in "
        f"{r['report_s']:.2f} s" for state, r in results.items()))  # fmt: skip
