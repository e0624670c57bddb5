"""seed_demo --scale N: data that looks like 8 years of 30 ZVHs, in the right proportions, and idempotent.

Runs on SQLite (Python paths) and, with DATABASE_URL set, on PostgreSQL (the server-side access log).
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Exists, OuterRef, Q

from cases.choices import CasusStatus
from cases.models import Betrokkene, Grant
from cases.scale import BENCH_PARTNER, SCALE_TOELICHTING, scale_cases
from privacy.models import AccessLogEntry, AccessLogPerson
from triage.choices import Uitkomst
from triage.models import Aanmelding, Advies, TriageSessie, Weging
from triage.scale import BOARD_WEEKDAY
from zvh.accounts.choices import OrganisationType
from zvh.core.scale import row_counts
from zvh.persons.models import Persoon

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
N = 400


def seed() -> str:
    out = StringIO()
    # The compact demo underneath: the scale data is what is tested here, and the year of demo work took minutes.
    call_command("seed_demo", quiet=True, compact=True, scale=N, stdout=out)
    return out.getvalue()


def test_scale_proportions_and_idempotence():
    output = seed()
    assert "casussen toegevoegd (totaal 400)" in output
    cases = scale_cases()
    n = cases.count()
    assert n > 250  # the rest are the demo's own cases

    # About 5% open, and recent; the rest afgeschaald or afgesloten.
    open_cases = cases.exclude(status__in=[CasusStatus.AFGESCHAALD, CasusStatus.AFGESLOTEN])
    assert 0.02 <= open_cases.count() / n <= 0.09
    newest = cases.order_by("-aangemaakt_op").first().aangemaakt_op
    assert not open_cases.filter(aangemaakt_op__lt=newest - timedelta(days=250)).exists()
    oldest = cases.order_by("aangemaakt_op").first().aangemaakt_op
    assert (newest - oldest).days > 7 * 365

    # 1.5 aanmeldingen per case: each case has its opgeschaalde one, the other half ended otherwise.
    aanmeldingen = Aanmelding.objects.filter(grondslag_toelichting=SCALE_TOELICHTING)
    assert 1.45 <= aanmeldingen.count() / n <= 1.55
    assert not cases.filter(aanmelding__isnull=True).exists()
    assert Weging.objects.filter(aanmelding__casus__in=cases, uitkomst=Uitkomst.OPSCHALEN).count() == n
    others = Weging.objects.filter(aanmelding__in=aanmeldingen, aanmelding__casus__isnull=True)
    assert set(others.values_list("uitkomst", flat=True)) <= {
        Uitkomst.DOORGELEIDEN,
        Uitkomst.ADVIES,
        Uitkomst.NIET_ONTVANKELIJK,
    }
    assert others.count() >= 0.45 * n
    # Triage sessions are weekly, on the board's own weekday.
    sessions = TriageSessie.objects.filter(wegingen__aanmelding__in=aanmeldingen).distinct()
    assert sessions.count() > 50
    assert all(s.datum.weekday() == BOARD_WEEKDAY[s.bord.soort] for s in sessions.select_related("bord"))

    # About one case in five is about a person who was already in an earlier case.
    earlier = Betrokkene.objects.filter(
        persoon_id=OuterRef("hoofdpersoon_id"), casus__aangemaakt_op__lt=OuterRef("aangemaakt_op")
    )
    recurring = cases.filter(Exists(earlier)).count()
    assert 0.12 <= recurring / n <= 0.3

    # Names: many distinct full names, no BSN outside the test range.
    persons = Persoon.objects.filter(Q(betrokkenheden__casus__in=cases)).distinct()
    distinct_names = persons.values("voornamen", "tussenvoegsel", "achternaam").distinct().count()
    assert distinct_names / persons.count() >= 0.8
    assert not Persoon.objects.exclude(bsn__isnull=True).exclude(bsn__startswith="99999").exists()

    # Grants: Politie in about one case in ten, with a grant that stays active;
    # other partners end 30 days after afschaling.
    politie = Grant.objects.filter(casus__in=cases, organisatie__type=OrganisationType.POLITIE, geldig_tot=None)
    assert 0.05 <= politie.values("casus").distinct().count() / n <= 0.2
    afgeschaald = (
        Grant.objects.filter(casus__in=cases, casus__afgeschaald_op__isnull=False)
        .exclude(organisatie__type=OrganisationType.POLITIE)
        .exclude(organisatie__name=BENCH_PARTNER)
    )
    sample = afgeschaald.select_related("casus")[:50]
    # 30 days on the calendar (an hour more or less across a daylight-saving change)
    days = [(g.geldig_tot - g.casus.afgeschaald_op) for g in sample]
    assert sample and all(abs(d - timedelta(days=30)) <= timedelta(hours=1) for d in days)

    # The access log: ≈ 40 entries per case over its life, each with its person rows; a few persons very often.
    entries = AccessLogEntry.objects.filter(object_type="cases.casus")
    assert 35 <= entries.count() / n <= 50
    assert AccessLogPerson.objects.count() >= entries.count()
    assert entries.values("user").distinct().count() >= 3
    per_person = AccessLogPerson.objects.values("person_id").annotate(n=Count("id")).order_by("-n")
    assert per_person[0]["n"] >= 2 * per_person[len(per_person) // 2]["n"]

    # Work in proportion: meetings with agendas, afspraken, adviezen and bookings.
    counts = row_counts()
    assert counts["cases.Agendapunt"] >= n
    assert counts["cases.Casusoverleg"] < counts["cases.Agendapunt"]
    assert counts["cases.Afspraak"] >= n
    assert Advies.objects.exists() and counts["facilitering.Booking"] > 0

    # Idempotent: the same N again adds nothing.
    assert "Schaal: 0 casussen toegevoegd" in seed()
    assert row_counts() == counts
