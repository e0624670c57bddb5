from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from facilitering import services
from facilitering.choices import OverlegType

from . import factories
from .factories import book

pytestmark = pytest.mark.django_db


def create(actor, org, **overrides):
    values = {
        "organisation": org,
        "overleg_types": [OverlegType.MASS_CASUSOVERLEG],
        "hours_per_week": Decimal(8),
        "valid_from": date(2022, 1, 1),
    }
    return services.agreement_create(actor=actor, **(values | overrides))


def test_create_agreement_with_contact_of_that_partner(sec):
    org = factories.organisation()
    contact = factories.partner_user(org)
    agreement = create(
        sec, org, contact=contact, overleg_types=[OverlegType.TRAJECTBERAAD, OverlegType.MASS_CASUSOVERLEG]
    )
    assert agreement.overleg_types == [OverlegType.MASS_CASUSOVERLEG, OverlegType.TRAJECTBERAAD]
    assert agreement.overleg_type_labels == ["MaSS casusoverleg", "Trajectberaad"]
    assert LogEntry.objects.get_for_object(agreement).count() == 1


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"overleg_types": []}, "overleg_types", "minstens één overleg"),
        ({"hours_per_week": Decimal(0)}, "hours_per_week", "tussen 0,25 en 168"),
        ({"hours_per_week": None}, "hours_per_week", "tussen 0,25 en 168"),
        ({"valid_from": None}, "valid_from", "vanaf wanneer"),
        ({"valid_until": date(2021, 12, 31)}, "valid_until", "op of na de begindatum"),
    ],
)
def test_agreement_field_rules(sec, overrides, field, fragment):
    with pytest.raises(ValidationError) as exc:
        create(sec, factories.organisation(), **overrides)
    assert fragment in exc.value.message_dict[field][0]


def test_contact_must_be_a_ketenpartner_of_that_partner(sec):
    org = factories.organisation()
    other = factories.partner_user(factories.organisation("Politie"), "agent")
    for contact in (other, sec):
        with pytest.raises(ValidationError) as exc:
            create(sec, org, contact=contact)
        assert exc.value.message_dict["contact"] == ["De contactpersoon is een ketenpartner van MaSS."]


def test_periods_of_one_partner_may_not_overlap(sec):
    org = factories.organisation()
    create(sec, org, valid_until=date(2022, 12, 31))
    with pytest.raises(ValidationError) as exc:
        create(sec, org, valid_from=date(2022, 12, 1))
    assert "Er is al een afspraak met MaSS voor deze periode" in exc.value.message_dict["valid_from"][0]
    assert create(sec, org, valid_from=date(2023, 1, 1), hours_per_week=Decimal(10))


def test_shrinking_a_period_may_not_orphan_bookings(sec, mass):
    agreement = mass.facilitering_agreements.get()
    book(sec, mass, date=date(2022, 9, 12))
    with pytest.raises(ValidationError) as exc:
        services.agreement_update(
            actor=sec,
            agreement=agreement,
            overleg_types=agreement.overleg_types,
            hours_per_week=Decimal(8),
            valid_from=date(2022, 1, 1),
            valid_until=date(2022, 6, 30),
        )
    assert "maandag 12 sep. 2022" in exc.value.message_dict["valid_from"][0]
    updated = services.agreement_update(
        actor=sec,
        agreement=agreement,
        overleg_types=agreement.overleg_types,
        hours_per_week=Decimal(9),
        valid_from=date(2022, 1, 1),
        valid_until=date(2022, 12, 31),
    )
    assert updated.hours_per_week == Decimal(9)


def test_only_secretariaat_records_agreements():
    org = factories.organisation()
    with pytest.raises(PermissionDenied):
        create(factories.partner_user(org), org)
