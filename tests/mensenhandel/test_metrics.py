from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from cases import services as case_services
from reporting.registry import get_metric
from reporting.seeds import jaarplan_2022
from tests.factories import OrganisationFactory
from triage.services import advies_register

from .world import new_signaal, new_traject

pytestmark = pytest.mark.django_db


def _period(year: int):
    tz = timezone.get_current_timezone()
    return datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)


def test_signalen_are_counted_by_received_date(regisseur):
    today = timezone.localdate()
    new_signaal(regisseur, ontvangen_op=date(today.year, 1, 1))
    new_signaal(regisseur, ontvangen_op=today)
    new_signaal(regisseur, ontvangen_op=date(today.year - 1, 12, 31))
    assert get_metric("mensenhandel.signalen").compute(*_period(today.year)) == 2


def test_casusoverleggen_count_meetings_with_a_mensenhandel_case(regisseur):
    traject = new_traject(regisseur)
    when = timezone.now() + timedelta(days=1)
    overleggen = [
        case_services.overleg_create(
            by=regisseur, datum_tijd=when, locatie="ZVH", soort="casusoverleg", voorzitter=regisseur
        )
        for _i in range(3)
    ]
    case_services.agendapunt_add(overleg=overleggen[0], casus=traject.casus, by=regisseur)
    traject.casus.refresh_from_db()
    case_services.agendapunt_add(overleg=overleggen[1], casus=traject.casus, by=regisseur)
    assert get_metric("mensenhandel.casusoverleggen").compute(*_period(timezone.localtime(when).year)) == 2


def test_adviezen_count_only_mensenhandel(regisseur):
    org = OrganisationFactory(name="GGD West-Brabant")
    today = timezone.localdate()
    common = {"datum": today, "organisatie": org, "vrager": "X", "vraag": "v", "advies": "a", "tijd_minuten": 5}
    advies_register(by=regisseur, thema="mensenhandel", aanleiding="ongevraagd", **common)
    advies_register(by=regisseur, thema="mensenhandel", **common)
    advies_register(by=regisseur, thema="complex", **common)
    assert get_metric("mensenhandel.adviezen").compute(*_period(today.year)) == 2


def test_the_jaarplan_rows_of_partners_tegen_mensenhandel_are_bound():
    thema = next(t for lijn in jaarplan_2022.ONTWIKKELLIJNEN for t in lijn["themas"] if "mensenhandel" in t["titel"])
    bound = {a["omschrijving"]: a.get("metric") for a in thema["activiteiten"]}
    assert bound["Coördineren van casuïstiek n.a.v. signalen"] == "mensenhandel.signalen"
    assert bound["Procesregie op casusoverleggen"] == "mensenhandel.casusoverleggen"
    assert bound["Geven van advies gevraagd en ongevraagd"] == "mensenhandel.adviezen"
