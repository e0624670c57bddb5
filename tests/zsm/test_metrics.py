"""Jaarplan figures for ZSM count live rows in the period (half-open), numbers only."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.utils import timezone

from reporting.registry import get_metric
from triage.choices import AanmeldingBron
from triage.models import Aanmelding
from zsm import services

from .world import new_verzoek

pytestmark = pytest.mark.django_db


def _period(day):
    start = timezone.make_aware(datetime.combine(day, time(0, 0)))
    return start, start + timedelta(days=1)


def test_contextverzoeken_are_counted_by_day_received_minor_adult_and_within_deadline(zsm_user, regisseur):
    today = timezone.localdate()
    at = lambda h: timezone.make_aware(datetime.combine(today, time(h, 0)))  # noqa: E731
    with time_machine.travel(at(9), tick=False):
        minor = new_verzoek(zsm_user, geboortedatum=None, minderjarig=True, deadline=at(11))
        adult = new_verzoek(zsm_user, deadline=at(10))
    with time_machine.travel(at(10) + timedelta(minutes=30), tick=False):
        services.contextverzoek_answer(verzoek=minor, by=regisseur, bekend=False)  # in time
        services.contextverzoek_answer(verzoek=adult, by=regisseur, bekend=False)  # late
    start, end = _period(today)
    assert get_metric("zsm.contextverzoeken").compute(start, end) == 2
    assert get_metric("zsm.contextverzoeken_minderjarigen").compute(start, end) == 1
    assert get_metric("zsm.contextverzoeken_volwassenen").compute(start, end) == 1
    assert get_metric("zsm.binnen_deadline").compute(start, end) == 1
    yesterday = _period(today - timedelta(days=1))
    assert get_metric("zsm.contextverzoeken").compute(*yesterday) == 0


def test_buikpijnmeldingen_count_submitted_aanmeldingen_with_bron_zsm(zsm_user, politie):
    from triage.services import aanmelding_save_draft

    zsm = aanmelding_save_draft(by=zsm_user, data={"aanleiding": "Buikpijn."}, betrokkenen=[])
    partner = aanmelding_save_draft(by=politie, data={"aanleiding": "Melding."}, betrokkenen=[])
    assert (zsm.bron, partner.bron) == (AanmeldingBron.ZSM, AanmeldingBron.PARTNER)
    now = timezone.now()
    Aanmelding.objects.filter(pk__in=[zsm.pk, partner.pk]).update(ingediend_op=now)
    start, end = _period(timezone.localdate())
    assert get_metric("zsm.buikpijnmeldingen").compute(start, end) == 1
