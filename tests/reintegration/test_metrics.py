from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from reintegration import services
from reintegration.models import Traject
from reporting.registry import get_metric

from .world import persoon, traject

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def year(y: int):
    return datetime(y, 1, 1, tzinfo=AMS), datetime(y + 1, 1, 1, tzinfo=AMS)


def count(y: int) -> int:
    return get_metric("reintegratie.personen").compute(*year(y))


def test_distinct_persons_with_a_traject_active_in_the_year(regisseur):
    with time_machine.travel(datetime(2022, 3, 1, 10, tzinfo=AMS), tick=False):
        first = traject(regisseur, person=persoon(bsn="999990068"), begin=date(2021, 6, 1), release=date(2022, 4, 1))
        again = traject(regisseur, person=persoon(bsn="999990068"), begin=date(2022, 2, 1), release=date(2022, 9, 1))
        other = traject(regisseur, person=persoon("Ada", "Berg"), begin=date(2021, 1, 1), release=date(2022, 5, 1))
        services.traject_transition(traject=other, by=regisseur, name="opschalen", reden="Casus")
    assert first.persoon_id == again.persoon_id
    assert count(2022) == 2  # two detentions of one person count once
    assert count(2021) == 0  # reported in 2022
    Traject.objects.filter(pk=other.pk).update(gemeld_op=date(2021, 11, 1), afgerond_op=date(2021, 12, 31))
    assert (count(2021), count(2022)) == (1, 1)
    assert count(2023) == 1  # still open


@pytest.mark.django_db
def test_jaarplan_row_is_bound_to_the_metric():
    from reporting.seeds.jaarplan_2022 import ONTWIKKELLIJNEN

    rows = [
        a
        for lijn in ONTWIKKELLIJNEN
        for thema in lijn["themas"]
        for a in thema["activiteiten"]
        if a["omschrijving"] == "Coördineren van re-integratie ex-gedetineerden"
    ]
    assert [r.get("metric") for r in rows] == ["reintegratie.personen"]
