"""The demo's ZSM account and fixture: Jan de Vries asked about and answered today, idempotent."""

import pytest
from django.utils import timezone

from zsm.demo import seed
from zsm.models import Contextverzoek
from zvh.access.themes import teams_of
from zvh.accounts.choices import Role
from zvh.accounts.demo import seed as seed_accounts
from zvh.accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_demo_account_and_jan_de_vries_of_today_are_seeded_once():
    seed_accounts()
    seed()
    user = User.objects.get(username="zsm")
    assert user.has_role(Role.KETENPARTNER) and user.organisation.name == "Openbaar Ministerie"
    assert "zsm" in teams_of(user)
    assert user.totpdevice_set.get().key == User.objects.get(username="regisseur").totpdevice_set.get().key
    jan = Contextverzoek.objects.get(bsn="999990019")
    assert timezone.localtime(jan.ontvangen_op).date() == timezone.localdate()
    assert timezone.localtime(jan.beantwoord_op).date() == timezone.localdate()
    assert jan.bekend and jan.binnen_termijn and jan.partner_organisatie == user.organisation
    assert jan.beantwoord_door.username == "regisseur"
    count = Contextverzoek.objects.count()
    seed()
    assert Contextverzoek.objects.count() == count
