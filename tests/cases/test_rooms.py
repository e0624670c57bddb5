"""One room calendar for casusoverleggen and facilitering bookings (issue 16): a room is never taken twice."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases import services
from cases.models import Casusoverleg
from facilitering import services as fac_services
from tests.conftest import verified_client
from tests.facilitering import factories
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2022, 9, 12, hour, minute, tzinfo=AMS)


def overleg(regisseur, *, start=at(14), end=at(16), zaal=None, **extra) -> Casusoverleg:
    return services.overleg_create(
        by=regisseur,
        datum_tijd=start,
        eindigt_op=end,
        locatie=extra.pop("locatie", ""),
        soort="casusoverleg",
        voorzitter=regisseur,
        zaal=zaal,
        **extra,
    )


def errors_of(exc) -> dict:
    return exc.value.message_dict


def test_a_casusoverleg_cannot_take_a_room_a_booking_holds(regisseur):
    mass = factories.organisation()
    factories.agreement(mass)
    factories.book(
        factories.secretariaat(), mass, title="MaSS casusoverleg Breda", start_time=time(13), end_time=time(15)
    )
    with pytest.raises(ValidationError) as exc:
        overleg(regisseur, zaal=factories.room())
    assert errors_of(exc)["zaal"] == [
        "Dubbele boeking: Zaal Mark is op maandag 12 september 2022 van 13:00 tot 15:00 al geboekt voor "
        "‘MaSS casusoverleg Breda’ (MaSS)."
    ]
    assert not Casusoverleg.objects.exists()


def test_a_booking_cannot_take_a_room_a_casusoverleg_holds_and_the_message_names_no_cases(regisseur, casus):
    planned = overleg(regisseur, start=at(10), end=at(12), zaal=factories.room())
    services.agendapunt_add(overleg=planned, casus=casus, by=regisseur)
    mass = factories.organisation()
    factories.agreement(mass)
    with pytest.raises(ValidationError) as exc:
        factories.book(factories.secretariaat(), mass, start_time=time(11), end_time=time(13))
    message = exc.value.message_dict["room"][0]
    assert message == (
        "Dubbele boeking: Zaal Mark is op maandag 12 september 2022 van 10:00 tot 12:00 al bezet door een "
        "casusoverleg (veiligheidshuistafel) van het ZVH"
    )
    assert casus.nummer not in message and "Vries" not in message


@time_machine.travel(datetime(2022, 9, 1, 12, tzinfo=UTC))  # a partner books only coming dates
def test_a_partner_hears_of_the_casusoverleg_the_same_way(regisseur):
    overleg(regisseur, start=at(10), end=at(12), zaal=factories.room())
    mass = factories.organisation()
    factories.agreement(mass)
    with pytest.raises(ValidationError) as exc:
        factories.book(factories.partner_user(mass), mass)
    assert "al bezet door een casusoverleg" in exc.value.message_dict["room"][0], exc.value.message_dict


def test_two_overleggen_in_one_room_conflict_back_to_back_and_other_rooms_do_not(regisseur):
    mark = factories.room()
    overleg(regisseur, start=at(10), end=at(12), zaal=mark)
    assert overleg(regisseur, start=at(12), end=at(13), zaal=mark)  # back to back
    assert overleg(regisseur, start=at(10), end=at(12), zaal=factories.room("Spreekkamer", 4))
    with pytest.raises(ValidationError, match="al bezet door een casusoverleg"):
        overleg(regisseur, start=at(11, 30), end=at(12, 30), zaal=mark)


def test_a_cancelled_booking_frees_the_room_and_a_room_on_another_day_is_free(regisseur):
    mass = factories.organisation()
    factories.agreement(mass)
    sec = factories.secretariaat()
    [booking] = factories.book(sec, mass)
    fac_services.booking_cancel(actor=sec, booking=booking, reason="Vervalt")
    assert overleg(regisseur, start=at(10), end=at(12), zaal=factories.room())
    factories.book(sec, mass, date=date(2022, 9, 13))


def test_without_an_end_time_an_overleg_lasts_two_hours_and_needs_a_place(regisseur):
    made = services.overleg_create(
        by=regisseur, datum_tijd=at(9), locatie="Stadhuis", soort="casusoverleg", voorzitter=regisseur
    )
    assert made.eindigt_op == at(11)
    with pytest.raises(ValidationError) as exc:
        overleg(regisseur, start=at(9), end=at(8), locatie="Stadhuis")
    assert "eindtijd" in errors_of(exc)
    with pytest.raises(ValidationError) as exc:
        overleg(regisseur, locatie="")
    assert "locatie" in errors_of(exc)


def test_the_overleg_form_shows_the_room_conflict_next_to_the_field(regisseur):
    mass = factories.organisation()
    factories.agreement(mass)
    factories.book(factories.secretariaat(), mass)
    client = verified_client(regisseur)
    response = client.post(
        reverse("cases:overleg_create"),
        {
            "datum": "2022-09-12",
            "tijd": "11:00",
            "eindtijd": "12:30",
            "zaal": factories.room().pk,
            "soort": "casusoverleg",
            "voorzitter": regisseur.pk,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Dubbele boeking: Zaal Mark" in page and 'id="id_zaal_error"' in page
    assert not Casusoverleg.objects.exists()
    response = client.post(
        reverse("cases:overleg_create"),
        {"datum": "2022-09-12", "tijd": "14:00", "soort": "casusoverleg", "voorzitter": regisseur.pk},
    )
    assert "Kies een zaal van het ZVH of vul de locatie in." in response.content.decode()


def test_role_required_for_the_room_check_is_the_zvh(client_for):
    client, partner = client_for(Role.KETENPARTNER)
    assert client.get(reverse("cases:overleg_create")).status_code == 403
