"""Case numbers: ZVH-<year>-<4 digits>, sequential per year, safe under concurrent creation."""

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, connections

from cases.models import Casus
from tests.factories import OrganisationFactory
from zvh.accounts.choices import OrganisationType

from .world import make_person, open_case

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db
def test_numbers_are_sequential_per_year_and_restart_each_year(regisseur, politie):
    def new(year, month=6):
        return open_case(
            regisseur=regisseur,
            partner=politie,
            persoon=make_person("X", f"P{year}{month}"),
            opened_at=datetime(year, month, 1, 12, tzinfo=AMS),
        )

    assert new(2022).nummer == "ZVH-2022-0001"
    assert new(2022).nummer == "ZVH-2022-0002"
    assert new(2023).nummer == "ZVH-2023-0001"
    assert new(2022).nummer == "ZVH-2022-0003"


@pytest.mark.django_db
def test_the_year_is_the_local_year(regisseur, politie):
    # 31 December 23:30 in Amsterdam is 22:30 UTC: still 2022.
    casus = open_case(
        regisseur=regisseur,
        partner=politie,
        persoon=make_person("Oud", "Jaar"),
        opened_at=datetime(2022, 12, 31, 23, 30, tzinfo=AMS),
    )
    assert casus.nummer.startswith("ZVH-2022-")
    casus = open_case(
        regisseur=regisseur,
        partner=politie,
        persoon=make_person("Nieuw", "Jaar"),
        opened_at=datetime(2023, 1, 1, 0, 30, tzinfo=AMS),
    )  # 23:30 UTC on 31 Dec
    assert casus.nummer == "ZVH-2023-0001"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency needs a real server (PostgreSQL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps migration data for later tests
def test_concurrent_creation_never_hands_out_a_number_twice(regisseur, politie):
    persons = [make_person("Gelijk", f"Tijdig{i}") for i in range(12)]
    gemeente = OrganisationFactory(name="Gemeente Breda", type=OrganisationType.GEMEENTE)
    barrier = threading.Barrier(len(persons))
    errors = []

    def create(persoon):
        try:
            barrier.wait()
            open_case(
                regisseur=regisseur,
                partner=politie,
                persoon=persoon,
                gemeente=gemeente,
                opened_at=datetime(2031, 3, 3, 9, tzinfo=AMS),
            )
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=create, args=(p,)) for p in persons]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    numbers = sorted(Casus.objects.filter(jaar=2031).values_list("nummer", flat=True))
    assert numbers == [f"ZVH-2031-{i:04d}" for i in range(1, len(persons) + 1)]
