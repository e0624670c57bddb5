"""Signals with time travel: release near with open voorwaarden, released without onderdak, nazorg too long,
ISD re-integratiefase to plan; Mijn werk and the daily e-mail (counts only, once a day)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from reintegration import services
from reintegration.choices import Signaal, VoorwaardeSoort, VoorwaardeStatus
from reintegration.models import SignaalMail, Traject
from reintegration.selectors import signal_counts, signals_of, with_signals
from reintegration.tasks import send_signal_mails
from tests.conftest import verified_client

from .world import gemeente, persoon, traject, voorwaarde

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 9, 0, tzinfo=AMS), tick=False)


def signals(t) -> list:
    return signals_of(with_signals(Traject.objects.filter(pk=t.pk)).get())


def settle_all(t, by, except_=()):
    for v in t.voorwaarden.exclude(soort__in=except_):
        services.voorwaarde_update(voorwaarde=v, by=by, status=VoorwaardeStatus.GEREGELD)


def test_release_within_14_days_with_open_voorwaarden(regisseur):
    with at(date(2026, 6, 1)):
        t = traject(regisseur, begin=date(2026, 1, 1), release=date(2026, 6, 20))
        assert signals(t) == []
    with at(date(2026, 6, 6)):
        assert signals(t) == [Signaal.VRIJLATING_NABIJ]
        settle_all(t, regisseur)
        assert signals(t) == []


def test_release_threshold_is_a_setting(regisseur, settings):
    settings.ZVH_REINTEGRATIE_SIGNAAL_DAGEN = 30
    with at(date(2026, 6, 1)):
        t = traject(regisseur, begin=date(2026, 1, 1), release=date(2026, 6, 20))
        assert signals(t) == [Signaal.VRIJLATING_NABIJ]


def test_released_without_onderdak_and_nazorg_after_three_months(regisseur):
    with at(date(2026, 3, 1)):
        t = traject(regisseur, begin=date(2025, 10, 1), release=date(2026, 3, 1))
        settle_all(t, regisseur, except_=[VoorwaardeSoort.ONDERDAK])
        services.traject_transition(traject=t, by=regisseur, name="vrijlaten")
        assert signals(t) == [Signaal.ZONDER_ONDERDAK]
        services.voorwaarde_update(
            voorwaarde=voorwaarde(t), by=regisseur, status=VoorwaardeStatus.GEREGELD, notitie="Pension"
        )
        assert signals(t) == []
    with at(date(2026, 5, 31)):
        assert signals(t) == []
    with at(date(2026, 6, 1)):
        assert signals(t) == [Signaal.NAZORG_LANG]
        services.traject_transition(traject=t, by=regisseur, name="afronden")
        assert signals(t) == []


def test_isd_reintegratiefase_to_plan_four_months_before_end(regisseur, settings):
    with at(date(2026, 1, 1)):
        isd = services.isd_create(
            by=regisseur,
            persoon=persoon("Sander", "de Bruijn"),
            gemeente=gemeente(),
            vonnis_datum=date(2025, 12, 1),
            startdatum=date(2026, 1, 1),
            inrichting="PI Vught",
        )
    assert isd.einddatum == date(2028, 1, 1)
    with at(date(2027, 8, 31)):
        assert signal_counts(regisseur)[-1].aantal == 0
    with at(date(2027, 9, 1)):
        isd_count = signal_counts(regisseur)[-1]
        assert (isd_count.signaal, isd_count.aantal) == (Signaal.ISD_PLANNEN, 1)
        fase = isd.fasen.get(soort="reintegratie")
        services.isd_fase_update(fase=fase, by=regisseur, startdatum=None, einddatum=None, plan="Woning via Surplus")
        assert signal_counts(regisseur)[-1].aantal == 0
    settings.ZVH_ISD_PLAN_MAANDEN = 6
    fase.plan = ""
    fase.save()
    with at(date(2027, 7, 1)):
        assert signal_counts(regisseur)[-1].aantal == 1


def test_mijn_werk_shows_signals_to_the_coordinator(regisseur, coord):
    with at(date(2026, 6, 6)):
        t = traject(regisseur, begin=date(2026, 1, 1), release=date(2026, 6, 14))
        body = verified_client(coord).get(reverse("cases:dashboard")).content.decode()
    assert "Re-integratie: signalen" in body and f"Traject {t.pk}:" in body


def test_daily_mail_counts_only_and_is_sent_once(regisseur, coord):
    coord.email = "coordinator@breda.invalid"
    coord.save()
    with at(date(2026, 6, 6)):
        t = traject(regisseur, person=persoon(bsn="999990068"), begin=date(2026, 1, 1), release=date(2026, 6, 14))
        traject(regisseur, person=persoon("Ada", "Berg"), gem=gemeente("Zundert"), release=date(2026, 6, 10))
        assert send_signal_mails.delay().get() == 1
        assert send_signal_mails() == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["coordinator@breda.invalid"]
    assert "Vrijlating nabij, voorwaarden open: 1" in message.body
    text = message.subject + message.body
    for personal in ("Ronald", "Kok", "999990068", "Ada", str(t.pk) + ":", "1985"):
        assert personal not in text
    with at(date(2026, 6, 7)):
        assert send_signal_mails() == 1
    assert SignaalMail.objects.count() == 2


def test_no_mail_without_signals_or_to_non_members(regisseur, coord):
    coord.email = "coordinator@breda.invalid"
    coord.save()
    with at(date(2026, 6, 1)):
        traject(regisseur, begin=date(2026, 1, 1), release=date(2026, 12, 1))
        assert send_signal_mails() == 0
    assert mail.outbox == []


def test_a_failed_send_is_retried(regisseur, coord, monkeypatch):
    coord.email = "coordinator@breda.invalid"
    coord.save()
    from reintegration.services import signalen

    def broken(**kwargs):
        raise OSError("smtp down")

    with at(date(2026, 6, 6)):
        traject(regisseur, begin=date(2026, 1, 1), release=date(2026, 6, 14))
        monkeypatch.setattr(signalen, "send_mail", broken)
        with pytest.raises(OSError):
            send_signal_mails()
        assert not SignaalMail.objects.exists()
        monkeypatch.undo()
        assert send_signal_mails() == 1


def test_signals_of_reads_every_signal_of_the_conditions_in_order():
    from reintegration.selectors.signals import TRAJECT_SIGNALS, traject_signal_conditions

    assert list(TRAJECT_SIGNALS) == list(traject_signal_conditions())
