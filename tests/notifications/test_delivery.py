"""Idempotency, queueing after commit, immediate versus daily digest, the sweep and the preference page."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from tests.conftest import verified_client
from zvh.accounts.choices import NotificationFrequency
from zvh.notifications import services
from zvh.notifications.choices import NotificationKind
from zvh.notifications.models import Notification
from zvh.notifications.tasks import send_digests, send_notification, send_pending

from .conftest import grant_to
from .helpers import assert_no_personal_data

pytestmark = pytest.mark.django_db


def test_an_event_is_recorded_once_and_sent_once(casus, regisseur, politie, agent):
    grant = grant_to(casus, regisseur, politie)  # on_commit never runs inside the test transaction
    services.notify_grant(grant=grant)  # reported again: no second row
    [notification] = Notification.objects.all()
    assert notification.key == f"toegang:{grant.pk}" and notification.sent_at is None
    assert send_notification(notification.pk) is True
    assert send_notification(notification.pk) is False  # re-delivered by the broker
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.sent_at is not None


def test_the_send_is_queued_only_after_commit(casus, regisseur, politie, agent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        grant_to(casus, regisseur, politie)
    assert mail.outbox == []
    assert Notification.objects.filter(sent_at__isnull=True).count() == 1
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1


def test_a_rolled_back_action_records_and_sends_nothing(casus, regisseur, politie, agent):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        grant_to(casus, regisseur, politie)
        raise RuntimeError
    assert not Notification.objects.exists() and mail.outbox == []


def test_digest_users_get_one_email_a_day_with_everything(
    casus, regisseur, politie, agent_digest, overleg, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        grant_to(casus, regisseur, politie)
        case_services.afspraak_create(
            casus=casus,
            by=regisseur,
            actie="Huisbezoek Jan de Vries",
            deadline=date.today(),
            eigenaar_organisatie=politie,
        )
        case_services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
    assert mail.outbox == []  # nothing at once
    for pk in Notification.objects.values_list("pk", flat=True):
        assert send_notification(pk) is False  # queued or swept: the digest user still waits
    assert send_digests() == 3
    assert send_digests() == 0  # the beat task runs again: nothing twice
    [message] = mail.outbox
    assert message.to == [agent_digest.email]
    assert message.subject == "Dagoverzicht ZVH Casusregie: 3 meldingen"
    assert message.body.count("Bekijk het in ZVH Casusregie") == 3
    assert len(message.attachments) == 1  # the invitation's .ics
    assert_no_personal_data(message, "Huisbezoek", casus.nummer)


def test_immediate_and_digest_users_of_one_organisation(
    casus, regisseur, politie, agent, agent_digest, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        grant_to(casus, regisseur, politie)
    assert [m.to for m in mail.outbox] == [[agent.email]]
    send_digests()
    assert [m.to for m in mail.outbox] == [[agent.email], [agent_digest.email]]


def test_the_sweep_sends_immediate_notifications_whose_queueing_failed(casus, regisseur, politie, agent):
    grant_to(casus, regisseur, politie)  # the on_commit publish never ran
    assert send_pending() == 0  # too recent: its queued task may still come
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert send_pending() == 1
        assert send_pending() == 0
    assert len(mail.outbox) == 1


def test_a_mail_server_failure_leaves_the_notification_for_the_sweep(casus, regisseur, politie, agent, monkeypatch):
    grant_to(casus, regisseur, politie)
    [notification] = Notification.objects.all()

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    assert send_notification(notification.pk) is False
    notification.refresh_from_db()
    assert notification.sent_at is None
    monkeypatch.undo()
    assert send_notification(notification.pk) is True


def test_no_email_address_or_inactive_user_means_no_email(casus, regisseur, politie, agent):
    agent.email = ""
    agent.save()
    grant_to(casus, regisseur, politie)
    assert not Notification.objects.exists()


def test_seed_history_is_muted(casus, regisseur, politie, agent, monkeypatch):
    def not_looked_up(*args):
        raise AssertionError("muted: the recipients are not even looked up")

    for name in ("grant_recipients", "afspraak_recipients", "casus_partner_recipients"):
        monkeypatch.setattr(services.selectors, name, not_looked_up)
    with services.notifications_muted():
        grant_to(casus, regisseur, politie)
    assert not Notification.objects.exists()


def test_preference_page(politie, agent):
    url = reverse("notifications:preference")
    client = verified_client(agent)
    profile = client.get(reverse("two_factor:profile")).content.decode()
    assert "E-mailmeldingen" in profile and f'action="{url}"' in profile
    assert 'value="direct" required id="id_frequency_0" checked' in profile
    response = client.post(url, {"frequency": NotificationFrequency.DAGELIJKS})
    assert response.status_code == 302 and response["Location"] == reverse("two_factor:profile")
    agent.refresh_from_db()
    assert agent.notification_frequency == NotificationFrequency.DAGELIJKS
    bad = client.post(url, {"frequency": "elk-uur"})
    assert bad.status_code == 200 and "Selecteer een geldige keuze" in bad.content.decode()
    agent.refresh_from_db()
    assert agent.notification_frequency == NotificationFrequency.DAGELIJKS


def test_preference_page_needs_login(client):
    response = client.get(reverse("notifications:preference"))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_switching_to_direct_sends_what_waited_via_the_sweep(casus, regisseur, politie, agent_digest):
    grant_to(casus, regisseur, politie)
    services.notification_frequency_set(user=agent_digest, frequency=NotificationFrequency.DIRECT)
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        assert send_pending() == 1
    [message] = mail.outbox
    assert message.to == [agent_digest.email]
    assert Notification.objects.get().kind == NotificationKind.TOEGANG
