"""Mijn werk's signal panel reads the access rule and the signal conditions compiled (``signal_panel``): the same
trajecten and ISD-trajecten, in the same order and with the same signals, as the list's built conditions, for every
reader, on every day (the compiled conditions are kept per day and threshold, never past them)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from reintegration import services
from reintegration.choices import Signaal, VoorwaardeSoort, VoorwaardeStatus
from reintegration.selectors import isd_list, signal_panel, signals_of, traject_list
from reintegration.selectors import signals as signal_module
from tests.conftest import make_user
from zvh.accounts.choices import Role

from .world import coordinator, gemeente, persoon, traject

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 9, 0, tzinfo=AMS), tick=False)


def built(user, limit=10):
    trajecten = list(traject_list(user, signaal=True)[:limit])
    isds = list(isd_list(user, signaal=True)[:limit])
    return [(t.pk, signals_of(t)) for t in trajecten], [(i.pk, i.sig_isd_plannen) for i in isds]


def compiled(user, limit=10):
    trajecten, isds = signal_panel(user, timezone.localdate(), limit)
    return [(t.pk, signals_of(t)) for t in trajecten], [(i.pk, i.sig_isd_plannen) for i in isds]


@pytest.fixture
def world(db):
    regisseur = make_user(Role.PROCESREGISSEUR)
    with at(date(2026, 1, 5)):
        near = traject(regisseur, person=persoon("Kees", "Near"), begin=date(2025, 9, 1), release=date(2026, 6, 20))
        later = traject(regisseur, person=persoon("Lot", "Later"), begin=date(2025, 9, 1), release=date(2026, 7, 20))
        released = traject(
            regisseur,
            person=persoon("Rob", "Vrij"),
            gem=gemeente("Zundert"),
            begin=date(2025, 9, 1),
            release=date(2026, 4, 1),
        )
        isd = services.isd_create(
            by=regisseur,
            persoon=persoon("Sander", "de Bruijn"),
            gemeente=gemeente(),
            vonnis_datum=date(2024, 5, 1),
            startdatum=date(2024, 9, 1),
            inrichting="PI Vught",
        )
    with at(date(2026, 4, 1)):
        for v in released.voorwaarden.exclude(soort=VoorwaardeSoort.ONDERDAK):
            services.voorwaarde_update(voorwaarde=v, by=regisseur, status=VoorwaardeStatus.GEREGELD)
        services.traject_transition(traject=released, by=regisseur, name="vrijlaten")
    return {"regisseur": regisseur, "near": near, "later": later, "released": released, "isd": isd}


def readers(world):
    return [world["regisseur"], coordinator("Breda"), coordinator("Zundert"), make_user(Role.KETENPARTNER)]


def test_the_panel_shows_what_the_list_conditions_show_for_every_reader_and_day(world):
    seen = {}
    for day in (date(2026, 6, 1), date(2026, 6, 8), date(2026, 7, 10), date(2026, 5, 1)):
        with at(day):
            for user in readers(world):
                assert compiled(user) == compiled(user) == built(user), (day, user.username)
            seen[day] = compiled(world["regisseur"])
    near, later, released = world["near"].pk, world["later"].pk, world["released"].pk
    # The day decides: a new day's conditions, not the first day's kept ones.
    assert seen[date(2026, 6, 1)][0] == [(released, [Signaal.ZONDER_ONDERDAK])]
    assert seen[date(2026, 6, 8)][0] == [(released, [Signaal.ZONDER_ONDERDAK]), (near, [Signaal.VRIJLATING_NABIJ])]
    assert seen[date(2026, 7, 10)][0] == [
        (released, [Signaal.ZONDER_ONDERDAK, Signaal.NAZORG_LANG]),
        (near, [Signaal.VRIJLATING_NABIJ]),
        (later, [Signaal.VRIJLATING_NABIJ]),
    ]
    assert seen[date(2026, 5, 1)][0] == [(released, [Signaal.ZONDER_ONDERDAK])]  # back in time: not July's
    assert seen[date(2026, 6, 1)][1] == [(world["isd"].pk, True)]  # the ISD ends 2026-09-01: its plan is due


def test_a_changed_threshold_is_a_new_compilation(world, settings):
    with at(date(2026, 6, 1)):
        assert [pk for pk, _s in compiled(world["regisseur"])[0]] == [world["released"].pk]
        settings.ZVH_REINTEGRATIE_SIGNAAL_DAGEN = 30
        assert compiled(world["regisseur"]) == built(world["regisseur"])
        assert world["near"].pk in [pk for pk, _s in compiled(world["regisseur"])[0]]
    assert len(signal_module._compiled_signals) == 1  # only the latest day and thresholds are kept


def test_the_limit_and_order_follow_the_list(world):
    with at(date(2026, 7, 10)):
        user = world["regisseur"]
        assert compiled(user, limit=1) == built(user, limit=1)
        assert len(compiled(user, limit=1)[0]) == 1


def test_the_compiled_signals_refuse_a_subquery(world):
    from reintegration.models import Traject

    with at(date(2026, 6, 8)):
        condition = signal_module.compiled_signal_conditions(timezone.localdate())[Signaal.VRIJLATING_NABIJ]
        inner = Traject.objects.filter(condition).values("pk")
        with pytest.raises(ValueError, match="own model's table"):
            list(Traject.objects.filter(pk__in=inner))
