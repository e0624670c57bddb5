from datetime import timedelta

import pytest
from django.utils import timezone

from cases.access import CASUS
from levensloop import demo, monitor
from levensloop.access import DOSSIER
from levensloop.choices import DossierStatus
from levensloop.models import Dossier
from levensloop.selectors import reviews_te_laat
from tests.conftest import make_user
from zvh.access import conditions
from zvh.accounts.choices import Role
from zvh.accounts.demo import seed as seed_accounts
from zvh.accounts.models import Organisation, User

pytestmark = pytest.mark.django_db


def test_demo_has_erik_van_dam_overdue_and_figures_in_every_quarter_of_2022():
    seed_accounts()
    demo.seed()
    count = Dossier.objects.count()
    demo.seed()  # idempotent
    assert Dossier.objects.count() == count
    today = timezone.localdate()
    erik = Dossier.objects.get(persoon__bsn="999990111")
    assert (erik.persoon.voornamen, erik.persoon.achternaam) == ("Erik", "van Dam")
    assert erik.status == DossierStatus.IN_AANPAK
    assert erik.volgende_review == today - timedelta(days=7)
    regisseur = User.objects.get(username="regisseur")
    assert list(reviews_te_laat(regisseur, today=today)) == [erik]  # the only flagged one
    ggz = make_user(Role.KETENPARTNER, organisation=Organisation.objects.get(name="GGZ Breburg"))
    assert conditions.visible(ggz, DOSSIER).filter(pk=erik.pk).exists()  # the aanbrengende partner's grant
    politie = User.objects.get(username="politie")
    assert not conditions.visible(politie, DOSSIER).exists()
    assert not conditions.visible(politie, CASUS).filter(pk=erik.casus_id).exists()
    rows = monitor.monitor(2022, 4, today=today).rows
    assert all(r.inclusies >= 1 for r in rows)
    assert sum(r.uitstroom for r in rows) >= 1 and sum(r.reviews for r in rows) >= 4
