"""Finding 5: a partner gets by POST no more than the screen offers (only "gereed" on its own afspraak)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from cases import services
from cases.models import Afspraak
from tests.cases.conftest import casus, politie, regisseur  # noqa: F401  (fixtures)
from zvh.accounts.choices import Role

from ..conftest import make_user, verified_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def afspraak(casus, regisseur, politie):  # noqa: F811
    return services.afspraak_create(
        casus=casus, by=regisseur, actie="Huisbezoek", deadline=date(2030, 1, 1), eigenaar_organisatie=politie
    )


@pytest.mark.parametrize("status", ["vervallen", "open"])
def test_partner_cannot_post_another_status_on_its_own_afspraak(afspraak, politie, status):  # noqa: F811
    partner = make_user(Role.KETENPARTNER, organisation=politie)
    if status == "open":
        services.afspraak_set_status(afspraak=afspraak, by=partner, status="gereed")
    response = verified_client(partner).post(reverse("cases:afspraak_status", args=[afspraak.pk]), {"status": status})
    assert response.status_code == 302
    afspraak.refresh_from_db()
    assert afspraak.status != status
    with pytest.raises(PermissionDenied):
        services.afspraak_set_status(afspraak=Afspraak.objects.get(pk=afspraak.pk), by=partner, status=status)


def test_partner_may_still_mark_its_own_afspraak_done(afspraak, politie):  # noqa: F811
    partner = make_user(Role.KETENPARTNER, organisation=politie)
    verified_client(partner).post(reverse("cases:afspraak_status", args=[afspraak.pk]), {"status": "gereed"})
    afspraak.refresh_from_db()
    assert afspraak.status == "gereed"


@pytest.mark.parametrize("role", [Role.PROCESREGISSEUR, Role.SECRETARIAAT])
def test_zvh_staff_may_set_every_status(afspraak, role):
    staff = make_user(role)
    for status in ("vervallen", "open", "gereed"):
        services.afspraak_set_status(afspraak=afspraak, by=staff, status=status)
        afspraak.refresh_from_db()
        assert afspraak.status == status
