"""Registered metrics (triage/metrics.py, cases/metrics.py) on fixture data at quarter boundaries.

Periods are half-open, from local midnight (Europe/Amsterdam) to local midnight. 1 April 2022 00:00 local time is
22:00 UTC on 31 March (summer time started on 27 March), so an event then belongs to Q2 although its UTC date is
still in March; an event at 23:59 local on 31 March belongs to Q1.
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from cases import services as case_services
from cases.choices import Afsluitreden, Resultaat, Thema
from reporting.registry import get_metric
from tests.cases.world import make_person, open_case
from tests.factories import OrganisationFactory
from triage import services
from triage.choices import BordSoort, Uitkomst
from triage.models import Advies
from zvh.accounts.choices import Role

from .helpers import decide, placed, weegploeg
from .world import person, submitted

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def local(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


Q4_2021 = (local(2021, 10, 1), local(2022, 1, 1))
Q1 = (local(2022, 1, 1), local(2022, 4, 1))
Q2 = (local(2022, 4, 1), local(2022, 7, 1))
LAST_OF_Q1 = local(2022, 3, 31, 23, 59)
FIRST_OF_Q2 = local(2022, 4, 1, 0, 0)


def compute(key: str, period: tuple[datetime, datetime], **params):
    value = get_metric(key).compute(*period, **params)
    assert isinstance(value, int)  # a number, never persons
    return value


def test_the_boundary_moments_are_what_the_tests_assume():
    assert FIRST_OF_Q2.astimezone(UTC) == datetime(2022, 3, 31, 22, 0, tzinfo=UTC)
    assert LAST_OF_Q1.astimezone(UTC) == datetime(2022, 3, 31, 21, 59, tzinfo=UTC)
    assert Q1[0] == datetime(2021, 12, 31, 23, 0, tzinfo=UTC)  # winter time


@pytest.fixture
def regisseur(user_factory):
    user = user_factory(Role.PROCESREGISSEUR)
    weegploeg().leden.add(user)
    return user


@pytest.fixture
def melder(user_factory):
    return user_factory(Role.KETENPARTNER)


def decided(melder, regisseur, at: datetime, *, soort=BordSoort.MASS_VT, uitkomst=Uitkomst.ADVIES):
    thema = Thema.RADICALISERING if soort == BordSoort.WEEGPLOEG else Thema.COMPLEX
    aanmelding = placed(submitted(melder, thema=thema), regisseur, soort=soort, datum=at.date())
    return decide(aanmelding, regisseur, uitkomst=uitkomst, decided_at=at)


# --- triage.besluiten ----------------------------------------------------------------------------------------------


def test_triage_besluiten_per_board_at_the_quarter_boundary(regisseur, melder):
    decided(melder, regisseur, LAST_OF_Q1)
    decided(melder, regisseur, FIRST_OF_Q2)
    decided(melder, regisseur, FIRST_OF_Q2, soort=BordSoort.WEEGPLOEG)
    decided(melder, regisseur, local(2021, 12, 31, 23, 59), soort=BordSoort.WEEGPLOEG)
    decided(melder, regisseur, local(2022, 1, 1, 0, 0), soort=BordSoort.WEEGPLOEG)
    assert compute("triage.besluiten", Q1, bord=BordSoort.MASS_VT) == 1
    assert compute("triage.besluiten", Q2, bord=BordSoort.MASS_VT) == 1
    assert compute("triage.besluiten", Q1, bord=BordSoort.WEEGPLOEG) == 1
    assert compute("triage.besluiten", Q2, bord=BordSoort.WEEGPLOEG) == 1
    assert compute("triage.besluiten", Q4_2021, bord=BordSoort.WEEGPLOEG) == 1


BOUNDARIES = [
    ((local(2022, 1, 1), local(2022, 4, 1)), (local(2022, 4, 1), local(2022, 7, 1))),
    ((local(2022, 4, 1), local(2022, 7, 1)), (local(2022, 7, 1), local(2022, 10, 1))),
    ((local(2022, 7, 1), local(2022, 10, 1)), (local(2022, 10, 1), local(2023, 1, 1))),
    ((local(2022, 10, 1), local(2023, 1, 1)), (local(2023, 1, 1), local(2023, 4, 1))),
]


@pytest.mark.parametrize(
    ("earlier", "later"), BOUNDARIES, ids=["Q1-Q2", "Q2-Q3", "Q3-Q4 (zomertijd)", "Q4-Q1 (wintertijd)"]
)
def test_triage_besluiten_half_open_at_every_quarter_boundary(regisseur, melder, earlier, later):
    boundary = later[0]
    decided(melder, regisseur, boundary - timedelta(minutes=1))
    decided(melder, regisseur, boundary)
    decided(melder, regisseur, boundary)
    assert compute("triage.besluiten", earlier, bord=BordSoort.MASS_VT) == 1
    assert compute("triage.besluiten", later, bord=BordSoort.MASS_VT) == 2


def test_triage_besluiten_refuses_an_unknown_board_or_missing_parameter():
    with pytest.raises(ValueError, match="onbekend triagebord"):
        get_metric("triage.besluiten").compute(*Q1, bord="onbekend")
    with pytest.raises(ValueError, match="missing"):
        get_metric("triage.besluiten").compute(*Q1)


# --- triage.aanmeldingen and triage.adviezen -------------------------------------------------------------------------


def test_triage_aanmeldingen_count_submissions_not_drafts(melder, regisseur):
    with time_machine.travel(LAST_OF_Q1, tick=False):
        submitted(melder)
    with time_machine.travel(FIRST_OF_Q2, tick=False):
        later = submitted(melder)
    with time_machine.travel(local(2022, 2, 1, 12), tick=False):
        services.aanmelding_save_draft(by=melder, data={"aanleiding": "concept"}, betrokkenen=[person()])
    placed(later, regisseur)
    decide(later, regisseur, decided_at=local(2022, 4, 2))  # decided: still one aanmelding of Q2
    assert compute("triage.aanmeldingen", Q1) == 1
    assert compute("triage.aanmeldingen", Q2) == 1


def test_triage_adviezen_by_local_date(user_factory):
    regisseur = user_factory(Role.PROCESREGISSEUR)
    politie = OrganisationFactory(politie=True)
    for day in (date(2021, 12, 31), date(2022, 1, 1), date(2022, 3, 31), date(2022, 4, 1), date(2022, 4, 1)):
        services.advies_register(
            by=regisseur,
            datum=day,
            organisatie=politie,
            vrager="Wijkagent",
            thema=Thema.OVERIG,
            vraag="Vraag",
            advies="Advies",
            tijd_minuten=10,
        )
    assert Advies.objects.count() == 5
    assert compute("triage.adviezen", Q4_2021) == 1
    assert compute("triage.adviezen", Q1) == 2
    assert compute("triage.adviezen", Q2) == 2


# --- cases.* --------------------------------------------------------------------------------------------------------


def _case(regisseur, partner, at: datetime, thema=Thema.COMPLEX):
    return open_case(
        regisseur=regisseur,
        partner=partner,
        persoon=make_person("Test", f"Persoon {at:%Y%m%d%H%M}"),
        thema=thema,
        opened_at=at,
    )


def _close(casus, regisseur, at: datetime, resultaat=Resultaat.DOORBRAAK):
    return case_services.casus_transition(
        casus=casus,
        name="voortijdig_afsluiten",
        by=regisseur,
        reden="Afgerond",
        afsluitreden=Afsluitreden.DOEL_BEREIKT,
        resultaat=resultaat,
        at=at,
    )


def _afschalen(casus, regisseur, at: datetime):
    case_services.casus_transition(casus=casus, name="overleg_plannen", by=regisseur, at=at - timedelta(days=30))
    case_services.plan_save(casus=casus, by=regisseur, samenvatting="", doelen=["Rust in de wijk"])
    case_services.casus_transition(casus=casus, name="plan_vaststellen", by=regisseur, at=at - timedelta(days=20))
    case_services.casus_transition(casus=casus, name="uitvoeren", by=regisseur, at=at - timedelta(days=10))
    return case_services.casus_transition(casus=casus, name="afschalen", by=regisseur, reden="Stabiel", at=at)


def test_cases_onder_regie_at_the_quarter_boundary(regisseur, melder):
    partner = melder.organisation
    _case(regisseur, partner, LAST_OF_Q1)  # Q1 and Q2
    _case(regisseur, partner, FIRST_OF_Q2)  # Q2 only
    _case(regisseur, partner, local(2022, 2, 1), thema=Thema.RADICALISERING)  # Q1 and Q2: radicalisering counts
    _close(_case(regisseur, partner, local(2022, 2, 1)), regisseur, LAST_OF_Q1)  # Q1 only
    _close(_case(regisseur, partner, local(2022, 2, 1)), regisseur, FIRST_OF_Q2)  # closed in Q2: Q1 and Q2
    _afschalen(_case(regisseur, partner, local(2022, 1, 5)), regisseur, LAST_OF_Q1)  # Q1 only
    _afschalen(_case(regisseur, partner, local(2022, 1, 5)), regisseur, FIRST_OF_Q2)  # Q1 and Q2
    _close(_case(regisseur, partner, local(2021, 6, 1)), regisseur, local(2021, 12, 31, 23, 59))  # 2021 only
    assert compute("cases.onder_regie", Q1) == 6
    assert compute("cases.onder_regie", Q2) == 5
    assert compute("cases.onder_regie", Q4_2021) == 1


def test_cases_opschalingen_at_the_quarter_boundary(regisseur, melder):
    decided(melder, regisseur, LAST_OF_Q1, uitkomst=Uitkomst.OPSCHALEN)
    decided(melder, regisseur, FIRST_OF_Q2, uitkomst=Uitkomst.OPSCHALEN)
    decided(melder, regisseur, FIRST_OF_Q2, soort=BordSoort.WEEGPLOEG, uitkomst=Uitkomst.OPSCHALEN)
    decided(melder, regisseur, local(2022, 2, 1), uitkomst=Uitkomst.ADVIES)  # not an opschaling
    assert compute("cases.opschalingen", Q1) == 1
    assert compute("cases.opschalingen", Q2) == 2


def test_cases_afgesloten_per_result_at_the_quarter_boundary(regisseur, melder):
    partner = melder.organisation
    _close(_case(regisseur, partner, local(2022, 1, 10)), regisseur, LAST_OF_Q1, Resultaat.DOORBRAAK)
    _close(_case(regisseur, partner, local(2022, 1, 10)), regisseur, FIRST_OF_Q2, Resultaat.GEEN)
    _close(_case(regisseur, partner, local(2022, 1, 10)), regisseur, FIRST_OF_Q2, Resultaat.GEDEELTELIJK)
    _case(regisseur, partner, local(2022, 1, 10))  # still open
    assert compute("cases.afgesloten", Q1, resultaat="alle") == 1
    assert compute("cases.afgesloten", Q1, resultaat=Resultaat.DOORBRAAK) == 1
    assert compute("cases.afgesloten", Q1, resultaat=Resultaat.GEEN) == 0
    assert compute("cases.afgesloten", Q2, resultaat="alle") == 2
    assert compute("cases.afgesloten", Q2, resultaat=Resultaat.GEEN) == 1
    assert compute("cases.afgesloten", Q2, resultaat=Resultaat.GEDEELTELIJK) == 1
    assert compute("cases.afgesloten", Q2, resultaat=Resultaat.DOORBRAAK) == 0


def test_a_reopened_case_no_longer_counts_as_closed(regisseur, melder):
    casus = _close(_case(regisseur, melder.organisation, local(2022, 1, 10)), regisseur, LAST_OF_Q1)
    case_services.casus_transition(casus=casus, name="heropenen", by=regisseur, reden="Terugval", at=FIRST_OF_Q2)
    assert compute("cases.afgesloten", Q1, resultaat="alle") == 0


def test_cases_afgesloten_refuses_an_unknown_result():
    with pytest.raises(ValueError, match="onbekend resultaat"):
        get_metric("cases.afgesloten").compute(*Q1, resultaat="fantastisch")
