from datetime import timedelta

import pytest
from django.utils import timezone

from reintegration import demo
from reintegration.access import ISD, TRAJECT, is_coordinator
from reintegration.choices import Signaal, VoorwaardeSoort
from reintegration.models import ISDTraject, Traject
from reintegration.selectors import signal_counts, signals_of, traject_list
from zvh.access.conditions import persons_visible, visible
from zvh.accounts import demo as accounts_demo
from zvh.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    accounts_demo.seed()
    demo.seed(compact=True)


def test_fixtures_and_account(seeded):
    today = timezone.localdate()
    user = User.objects.get(username="reintegratie")
    assert is_coordinator(user) and user.organisation.name == "Gemeente Breda"
    assert user.check_password(accounts_demo.DEMO_PASSWORD)
    assert user.totpdevice_set.get().key == accounts_demo.totp_key_hex()

    ronald = Traject.objects.get(persoon__bsn="999990068")
    assert ronald.persoon.volledige_naam == "Ronald Kok"
    assert ronald.verwachte_vrijlating == today + timedelta(days=8)
    open_ = {v.soort for v in ronald.voorwaarden.all() if v.is_open}
    assert open_ == {VoorwaardeSoort.ONDERDAK, VoorwaardeSoort.INKOMEN}
    flagged = traject_list(user, signaal=True)
    assert [signals_of(t) for t in flagged if t.pk == ronald.pk] == [[Signaal.VRIJLATING_NABIJ]]

    sander = ISDTraject.objects.get(persoon__bsn="999990081")
    assert sander.persoon.volledige_naam == "Sander de Bruijn" and sander.fase == "detentie"
    assert 100 <= (sander.einddatum - today).days <= 130
    assert [c.aantal for c in signal_counts(user) if c.signaal == Signaal.ISD_PLANNEN] == [1]


def test_politie_sees_neither_fixture(seeded):
    politie = User.objects.get(username="politie")
    assert not visible(politie, TRAJECT).exists() and not visible(politie, ISD).exists()
    assert not persons_visible(politie).filter(bsn__in=["999990068", "999990081"]).exists()


def test_seed_is_idempotent(seeded):
    before = (Traject.objects.count(), ISDTraject.objects.count(), User.objects.count())
    demo.seed(compact=True)
    demo.seed()
    assert (Traject.objects.count(), ISDTraject.objects.count(), User.objects.count()) == before
