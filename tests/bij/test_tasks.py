"""Never too late: the daily e-mail to the BIJ team (time-travelled), without personal data, once a day."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from bij import services
from bij.tasks import send_late_meldingen_mail
from tests.conftest import make_user
from zvh.accounts.choices import Role

from .world import advised, bij_regisseur, melding

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(day: int, hour: int = 7):
    return time_machine.travel(datetime(2026, 3, day, hour, tzinfo=AMS), tick=False)


@pytest.fixture
def team():
    regisseur = bij_regisseur()
    regisseur.email = "bij@zvh.invalid"
    regisseur.save()
    make_user(Role.PROCESREGISSEUR, email="buiten@zvh.invalid")  # not in the BIJ team
    return regisseur


def test_no_mail_while_nothing_is_late(team):
    with at(1):
        melding(team, days=20)
        assert send_late_meldingen_mail() is False
    assert mail.outbox == []


def test_the_melding_becomes_late_as_time_passes_and_the_team_gets_one_mail_a_day(team):
    with at(1):
        melding(team, persoon={"voornamen": "Hendrik", "achternaam": "Visser"}, days=20)
        assert send_late_meldingen_mail() is False
    with at(7):  # 14 days before the expected date
        assert send_late_meldingen_mail() is True
        assert send_late_meldingen_mail() is False
    with at(7, hour=18):
        assert send_late_meldingen_mail() is False
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["bij@zvh.invalid"]
    assert "1 melding" in message.subject
    text = message.subject + message.body
    assert "Visser" not in text and "Hendrik" not in text and "BIJ-" not in text.replace("BIJ-meldingen", "")
    with at(8):
        assert send_late_meldingen_mail() is True
    assert len(mail.outbox) == 2


def test_advice_ends_the_lateness(team):
    with at(1):
        m = melding(team, days=5)
        advised(team, m)
        assert send_late_meldingen_mail() is False
    assert mail.outbox == []


def test_a_closed_melding_is_not_late(team):
    with at(1):
        m = melding(team, days=5)
        services.melding_transition(melding=m, name="afronden", by=team, reden="Dubbel", afsluitreden="dubbel")
        assert send_late_meldingen_mail() is False
