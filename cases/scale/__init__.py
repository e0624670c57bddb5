"""Scale data for benchmarks: ``seed_demo --scale N`` fills the database up to N cases that look like 8 years of
30 Zorg- en Veiligheidshuizen (PostgreSQL recommended; small N also runs on SQLite).

This package makes the case side: persons (a realistic name spread, no BSN, about one case in five about a person
who was already in an earlier case), cases over 8 years (≈ 5% open, all recent; the rest afgeschaald or afgesloten),
betrokkenen, status history, grants (Politie in ≈ 10% of the cases with grants that stay active; other partners'
grants end 30 days after afschaling), casusoverleggen with agendas and participants, afspraken, logboek, and the
access log (≈ 40 entries per case with their person rows, written server-side on PostgreSQL). Aanmeldingen, triage
and adviezen come from ``triage.scale``, bookings from ``facilitering.scale``; ``zvh.core.scale`` runs them in order.

Idempotent: it adds only the cases that are missing to reach N; every chunk of cases is written with everything it
has in one transaction.
"""

from .seeder import BENCH_PARTNER, BENCH_PARTNER_USER, SCALE_TOELICHTING, ScaleSeeder, scale_cases

__all__ = ["BENCH_PARTNER", "BENCH_PARTNER_USER", "SCALE_TOELICHTING", "ScaleSeeder", "scale_cases", "seed_scale"]


def seed_scale(total: int, stdout=None) -> int:
    """Add cases until there are ``total`` in all (so running it twice adds nothing). Returns the number added."""
    from .. import models

    missing = total - models.Casus.objects.count()
    if missing > 0:
        ScaleSeeder(total=total).add(missing, stdout=stdout)
    return max(missing, 0)
