"""``seed_demo --scale N``: scale data that looks like 8 years of 30 Zorg- en Veiligheidshuizen.

Runs the app steps in dependency order (``cases`` does not know ``triage``): cases with persons, grants, meetings,
afspraken and the access log; then triage (aanmeldingen, wegingen, sessions, adviezen); then facilitering
(bookings). Every step is idempotent, so the same N twice adds nothing. Timings and row counts: README, "Prestaties".
"""

import time

from django.db import connection

STEPS = ("cases", "triage", "facilitering")


def seed_scale(total: int, stdout=None) -> dict:
    from cases.scale import seed_scale as cases_step
    from facilitering.scale import seed_scale as facilitering_step
    from triage.scale import seed_scale as triage_step

    timings, started = {}, time.monotonic()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # generated data: a crash loses at most the last chunk, not consistency
            cursor.execute("SET synchronous_commit TO off")
    moment = time.monotonic()
    added = cases_step(total, stdout=stdout)
    timings["cases"] = time.monotonic() - moment
    moment = time.monotonic()
    triage_added = triage_step(stdout=stdout)
    timings["triage"] = time.monotonic() - moment
    moment = time.monotonic()
    bookings = facilitering_step(stdout=stdout)
    timings["facilitering"] = time.monotonic() - moment
    if connection.vendor == "postgresql" and (added or bookings or any(triage_added.values())):
        # As autovacuum would after a bulk load: statistics and the visibility map (index-only counts).
        moment = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        timings["vacuum analyze"] = time.monotonic() - moment
    timings["totaal"] = time.monotonic() - started
    if stdout is not None:
        stdout.write("  tijd: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    return {"cases": added, "timings": timings}


def row_counts() -> dict[str, int]:
    """Rows per table of the scale data (for the README table and the test)."""
    from django.apps import apps

    labels = [
        "persons.Persoon",
        "cases.Casus",
        "cases.Betrokkene",
        "cases.StatusWijziging",
        "cases.Grant",
        "cases.CasusGroupObjectPermission",
        "cases.Casusoverleg",
        "cases.Agendapunt",
        "cases.Deelnemer",
        "cases.Afspraak",
        "cases.LogboekEntry",
        "triage.Aanmelding",
        "triage.AanmeldingBetrokkene",
        "triage.Weging",
        "triage.TriageSessie",
        "triage.Advies",
        "facilitering.Booking",
        "privacy.AccessLogEntry",
        "privacy.AccessLogPerson",
    ]
    return {label: apps.get_model(label).objects.count() for label in labels}
