from datetime import timedelta

import pytest
from django.utils import timezone

from cases.access import CASUS
from mensenhandel import demo
from mensenhandel.access import SIGNAAL, TRAJECT
from mensenhandel.choices import ProcedureSoort
from mensenhandel.models import Opvangadres, Signaal, Traject
from zvh.access import conditions
from zvh.accounts.demo import seed as seed_accounts
from zvh.accounts.models import User

pytestmark = pytest.mark.django_db


def test_demo_has_the_fixture_the_account_and_enough_signals():
    seed_accounts()
    demo.seed()
    demo.seed()  # idempotent
    today = timezone.localdate()
    assert Signaal.objects.filter(ontvangen_op__year=2022).count() >= 50
    assert Signaal.objects.filter(ontvangen_op__year=today.year).count() >= 50
    ana = Traject.objects.get(persoon__bsn="999990093")
    assert Traject.objects.filter(persoon__bsn="999990093").count() == 1
    assert (ana.persoon.voornamen, ana.persoon.achternaam) == ("Ana", "Popescu")
    bedenktijd = ana.procedures.get(soort=ProcedureSoort.BEDENKTIJD)
    assert bedenktijd.einddatum == today + timedelta(days=5)
    assert bedenktijd.bedenktijd_signaal(today)
    assert Opvangadres.objects.get(traject=ana).adres == "Opvangstraat 7, Breda"
    zc = User.objects.get(username="zorgcoordinator")
    assert conditions.visible(zc, TRAJECT).filter(pk=ana.pk).exists()
    for username in ("regisseur", "politie"):
        user = User.objects.get(username=username)
        assert not conditions.visible(user, TRAJECT).exists()
        assert not conditions.visible(user, SIGNAAL).exists()
        assert not conditions.visible(user, CASUS).filter(pk=ana.casus_id).exists()
        assert not conditions.persons_visible(user).filter(pk=ana.persoon_id).exists()
