"""The BIJ demo data: fixtures testers rely on, every status, idempotent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bij import demo
from bij.access import MELDING
from bij.choices import MeldingStatus
from bij.models import Melding
from bij.selectors import late_meldingen
from tests.conftest import make_user
from zvh.access.conditions import visible
from zvh.accounts import demo as accounts_demo
from zvh.accounts.choices import Role
from zvh.accounts.models import User

pytestmark = pytest.mark.django_db


def test_demo_data_fixtures_statuses_and_idempotence():
    accounts_demo.seed()
    demo.seed()
    this_year = Melding.objects.filter(ontvangen_op__year=timezone.localdate().year)
    assert Melding.objects.filter(ontvangen_op__year=2022).count() >= 20
    assert this_year.count() >= 20
    # Opschalen links a demo casus; without the case demo (not seeded here) those stay at 'geagendeerd'.
    assert set(MeldingStatus.values) - {"opgeschaald"} <= set(this_year.values_list("status", flat=True))

    visser = Melding.objects.get(persoon__bsn="999990056")
    assert (visser.soort, visser.categorie, visser.persoon.voornamen) == ("definitief", "zeden", "Hendrik")
    assert visser.verwachte_datum == timezone.localdate() + timedelta(days=10)
    assert not hasattr(visser, "advies")
    users = {u.username: u for u in User.objects.filter(username__in=["regisseur", "politie", "oov"])}
    assert late_meldingen(users["regisseur"]).filter(pk=visser.pk).exists()
    outsider = make_user(Role.PROCESREGISSEUR)  # like regisseur2: not in the BIJ team
    for user in (outsider, users["politie"], users["oov"]):
        assert not visible(user, MELDING).filter(pk=visser.pk).exists(), user
    assert users["oov"].organisation.name == "Gemeente Breda" and users["oov"].check_password(
        accounts_demo.DEMO_PASSWORD
    )

    before = Melding.objects.count()
    demo.seed()
    assert Melding.objects.count() == before
