"""The activities register: services, metrics (distinct persons), views and the demo."""

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from netwerk import services
from netwerk.models import Deelname, Netwerkactiviteit
from reporting import registry
from reporting.periods import quarter, year_to_date
from tests.conftest import verified_client
from tests.factories import OrganisationFactory
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def secretariaat(user_factory):
    return user_factory(Role.SECRETARIAAT)


def training(by, day=date(2022, 5, 19), kind="gegevensdeling", **extra):
    return services.activiteit_create(
        by=by, datum=day, soort="training", training=kind, onderwerp="Gegevensdeling", **extra
    )


def compute(key, period, **params):
    return registry.get_metric(key).compute(period.start, period.end, **params)


def test_a_training_needs_its_kind_and_other_kinds_have_none(secretariaat):
    with pytest.raises(ValidationError) as exc:
        services.activiteit_create(by=secretariaat, datum=date(2022, 1, 5), soort="training", onderwerp="X")
    assert "training" in exc.value.message_dict
    visit = services.activiteit_create(
        by=secretariaat, datum=date(2022, 1, 5), soort="werkbezoek", training="gegevensdeling", onderwerp="Wijkteam"
    )
    assert visit.training == ""


def test_only_register_roles_write(user_factory):
    manager = user_factory(Role.MANAGER)
    with pytest.raises(PermissionDenied):
        training(manager)


def test_participants_are_never_added_twice(secretariaat):
    activiteit = training(secretariaat)
    politie = OrganisationFactory(politie=True)
    services.deelname_add(activiteit=activiteit, by=secretariaat, organisatie=politie, maat="getraind", aantal=6)
    with pytest.raises(ValidationError) as exc:
        services.deelname_add(activiteit=activiteit, by=secretariaat, organisatie=politie, maat="getraind", aantal=2)
    assert "organisatie" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.deelname_add(
            activiteit=activiteit,
            by=secretariaat,
            organisatie=OrganisationFactory(),
            maat="getraind",
            aantal=2,
            eerder_geteld=3,
        )
    assert "eerder_geteld" in exc.value.message_dict
    day = services.activiteit_create(by=secretariaat, datum=date(2022, 10, 6), soort="netwerkdag", onderwerp="Dag")
    with pytest.raises(ValidationError) as exc:
        services.deelname_add(activiteit=day, by=secretariaat, organisatie=politie, maat="getraind", aantal=2)
    assert "maat" in exc.value.message_dict
    assert Deelname.objects.count() == 1


def test_metrics_count_new_persons_only(secretariaat):
    politie, breda = OrganisationFactory(politie=True), OrganisationFactory(name="Gemeente Breda")
    first, second = training(secretariaat, date(2022, 2, 10)), training(secretariaat, date(2022, 5, 19))
    services.deelname_add(activiteit=first, by=secretariaat, organisatie=politie, maat="getraind", aantal=10)
    # Four of these nine were trained in February already: the year counts 10 + 5 professionals.
    services.deelname_add(
        activiteit=second, by=secretariaat, organisatie=politie, maat="getraind", aantal=9, eerder_geteld=4
    )
    services.deelname_add(activiteit=second, by=secretariaat, organisatie=breda, maat="bereikt", aantal=3)
    other = training(secretariaat, date(2022, 5, 20), kind="polarisatie")
    services.deelname_add(activiteit=other, by=secretariaat, organisatie=breda, maat="getraind", aantal=7)
    assert compute("netwerk.getraind", quarter(2022, 1), training="gegevensdeling") == 10
    assert compute("netwerk.getraind", quarter(2022, 2), training="gegevensdeling") == 5
    assert compute("netwerk.getraind", year_to_date(2022, 2), training="gegevensdeling") == 15
    assert compute("netwerk.getraind", year_to_date(2022, 4), training="polarisatie") == 7
    assert compute("netwerk.bereikt", year_to_date(2022, 4), soort="training") == 3
    assert compute("netwerk.activiteiten", year_to_date(2022, 4), soort="training") == 3
    assert compute("netwerk.activiteiten", quarter(2022, 3), soort="training") == 0
    with pytest.raises(ValueError):
        compute("netwerk.getraind", quarter(2022, 1), training="onbekend")


def test_every_netwerk_metric_has_a_definition():
    for key in ("netwerk.getraind", "netwerk.bereikt", "netwerk.activiteiten"):
        assert registry.get_metric(key).definition


def test_register_pages(client_for, secretariaat, django_assert_max_num_queries):
    client = verified_client(secretariaat)
    response = client.post(
        reverse("netwerk:activiteit_create"),
        {"datum": "2022-11-03", "soort": "training", "training": "", "onderwerp": "Casuïstiek"},
    )
    assert response.status_code == 400 and "Kies welke training is gegeven." in response.content.decode()
    response = client.post(
        reverse("netwerk:activiteit_create"),
        {"datum": "2022-11-03", "soort": "training", "training": "polarisatie", "onderwerp": "Casuïstiek"},
    )
    activiteit = Netwerkactiviteit.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "netwerk:activiteit_detail", args=[activiteit.pk]
    )
    politie = OrganisationFactory(politie=True)
    add = reverse("netwerk:deelname_add", args=[activiteit.pk])
    assert (
        client.post(
            add, {"organisatie": politie.pk, "maat": "getraind", "aantal": "12", "eerder_geteld": "2"}
        ).status_code
        == 302
    )
    again = client.post(add, {"organisatie": politie.pk, "maat": "getraind", "aantal": "1", "eerder_geteld": "0"})
    assert again.status_code == 400 and "staat al met deze maat" in again.content.decode()
    page = client.get(reverse("netwerk:activiteit_detail", args=[activiteit.pk])).content.decode()
    assert "Politie" in page and "12 deelnemers, van wie 10 dit jaar voor het eerst geteld" in page
    for day in range(1, 8):
        training(secretariaat, date(2022, 3, day))
    with django_assert_max_num_queries(12):
        listing = client.get(reverse("netwerk:activiteit_list") + "?jaar=2022")
    assert listing.status_code == 200 and "Casuïstiek" in listing.content.decode()
    manager_client, _manager = client_for(Role.MANAGER)
    assert manager_client.get(reverse("netwerk:activiteit_list")).status_code == 403
    overzicht = manager_client.get(reverse("netwerk:overzicht") + "?jaar=2022").content.decode()
    assert "Netwerk en training in 2022" in overzicht and ">10<" in overzicht
    assert client_for(Role.KETENPARTNER)[0].get(reverse("netwerk:overzicht")).status_code == 403


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("netwerk:activiteit_list"))
    assert response.status_code == 302 and reverse("two_factor:login") in response["Location"]


def test_demo_is_idempotent_and_fills_the_jaarplan_rows():
    from netwerk import demo
    from zvh.accounts import demo as accounts_demo

    accounts_demo.seed()
    demo.seed()
    count = Netwerkactiviteit.objects.count()
    demo.seed()
    assert count >= 18 and Netwerkactiviteit.objects.count() == count
    ytd = year_to_date(2022, 4)
    assert compute("netwerk.getraind", ytd, training="regiekaart") == 62
    assert compute("netwerk.bereikt", ytd, soort="netwerkdag") == 112
    assert compute("netwerk.bereikt", ytd, soort="week_mensenhandel") == 460
