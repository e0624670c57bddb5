"""Each e-mail: what happened and a link, never names, BSNs, case numbers or case subjects."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from cases import services as case_services
from zvh.notifications import services
from zvh.notifications.choices import NotificationKind
from zvh.notifications.models import Notification

from .conftest import grant_to
from .helpers import assert_no_personal_data

pytestmark = pytest.mark.django_db


def test_a_new_grant_mails_the_partner_a_link_and_no_personal_data(
    casus, regisseur, politie, agent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        grant_to(casus, regisseur, politie)
    [message] = mail.outbox
    assert message.to == [agent.email]
    assert message.subject == "Toegang tot een casus in ZVH Casusregie"
    assert f"http://127.0.0.1:8000{reverse('cases:casus_detail', args=[casus.pk])}" in message.body
    assert "toegang gekregen tot een casus" in message.body
    assert_no_personal_data(message, casus.nummer, "Politie kent", "Rita", "Regisseur")


def test_a_grant_to_one_user_mails_only_that_user(casus, regisseur, politie, agent, django_capture_on_commit_callbacks):
    from tests.conftest import make_user
    from zvh.accounts.choices import Role

    colleague = make_user(Role.KETENPARTNER, organisation=politie, username="collega")
    with django_capture_on_commit_callbacks(execute=True):
        case_services.grant_create(casus=casus, by=regisseur, user=colleague, rol="deelnemer", doel="Wijkagent")
    assert [m.to for m in mail.outbox] == [[colleague.email]]


def test_an_afspraak_for_a_partner_mails_its_owners_without_the_action_text(
    casus, regisseur, politie, agent, django_capture_on_commit_callbacks
):
    grant_to(casus, regisseur, politie)
    with django_capture_on_commit_callbacks(execute=True):
        case_services.afspraak_create(
            casus=casus,
            by=regisseur,
            actie="Huisbezoek bij Jan de Vries over de woning",
            deadline=date.today() + timedelta(days=5),
            eigenaar_organisatie=politie,
        )
    [message] = mail.outbox
    assert message.to == [agent.email]
    assert message.subject == "Nieuwe afspraak voor u in ZVH Casusregie"
    assert reverse("cases:casus_detail", args=[casus.pk]) in message.body
    assert_no_personal_data(message, "Huisbezoek", "woning", casus.nummer)


def test_an_afspraak_is_not_mailed_to_a_partner_who_cannot_see_the_case(
    casus, regisseur, politie, agent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case_services.afspraak_create(
            casus=casus, by=regisseur, actie="Huisbezoek", deadline=date.today(), eigenaar_organisatie=politie
        )
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_an_invitation_carries_an_ics_without_personal_data(
    casus, regisseur, politie, agent, overleg, django_capture_on_commit_callbacks
):
    grant_to(casus, regisseur, politie)
    with django_capture_on_commit_callbacks(execute=True):
        case_services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
    [message] = mail.outbox
    assert message.to == [agent.email]
    assert message.subject == "Uitnodiging voor een casusoverleg"
    assert "U bent uitgenodigd voor een casusoverleg (veiligheidshuistafel) op " in message.body
    assert reverse("cases:overleg_detail", args=[overleg.pk]) in message.body
    [(name, content, mimetype)] = message.attachments
    assert name == f"casusoverleg-{overleg.pk}.ics" and mimetype.startswith("text/calendar")
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert event.decoded("dtstart") == timezone.localtime(overleg.datum_tijd)
    assert str(event["LOCATION"]) == "ZVH Breda, zaal 2"
    assert_no_personal_data(message, casus.nummer, "Rita", "Regisseur")


def test_one_invitation_per_meeting_however_many_of_the_partners_cases_are_on_it(
    casus, regisseur, politie, agent, overleg, reclassering, django_capture_on_commit_callbacks
):
    from tests.cases.world import make_person, open_case

    second = open_case(regisseur=regisseur, partner=politie, persoon=make_person("Petra", "Bakker", bsn="999990032"))
    grant_to(casus, regisseur, politie)
    with django_capture_on_commit_callbacks(execute=True):
        case_services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
        case_services.agendapunt_add(overleg=overleg, casus=second, by=regisseur)
    assert [m.subject for m in mail.outbox] == ["Uitnodiging voor een casusoverleg"]


def test_a_grant_on_a_case_already_on_a_coming_agenda_also_invites(
    casus, regisseur, politie, agent, overleg, django_capture_on_commit_callbacks
):
    case_services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
    with django_capture_on_commit_callbacks(execute=True):
        grant_to(casus, regisseur, politie)
    assert sorted(m.subject for m in mail.outbox) == [
        "Toegang tot een casus in ZVH Casusregie",
        "Uitnodiging voor een casusoverleg",
    ]


def test_a_past_meeting_sends_no_invitation(casus, regisseur, politie, agent):
    grant_to(casus, regisseur, politie)
    past = case_services.overleg_create(
        by=regisseur,
        datum_tijd=timezone.now() - timedelta(days=1),
        locatie="ZVH",
        soort="casusoverleg",
        voorzitter=regisseur,
    )
    case_services.agendapunt_add(overleg=past, casus=casus, by=regisseur)
    assert not Notification.objects.filter(kind=NotificationKind.UITNODIGING).exists()


def test_the_weekly_reminder_counts_overdue_afspraken_of_their_owners_only(
    casus, regisseur, politie, reclassering, agent
):
    from zvh.notifications.tasks import remind_overdue_afspraken

    grant_to(casus, regisseur, politie)
    for days in (3, 10):
        case_services.afspraak_create(
            casus=casus,
            by=regisseur,
            actie=f"Huisbezoek Jan de Vries ({days})",
            deadline=date.today() - timedelta(days=days),
            eigenaar_organisatie=politie,
        )
    case_services.afspraak_create(
        casus=casus,
        by=regisseur,
        actie="Nog niet te laat",
        deadline=date.today() + timedelta(days=1),
        eigenaar_organisatie=politie,
    )
    Notification.objects.all().delete()
    mail.outbox.clear()
    assert remind_overdue_afspraken() == 1
    assert remind_overdue_afspraken() == 0  # once per owner per week
    [reminder] = Notification.objects.all()
    assert reminder.recipient == agent and reminder.aantal == 2
    assert services.notification_send(notification_id=reminder.pk) is True
    [message] = mail.outbox
    assert message.subject == "Herinnering: afspraken over de deadline"
    assert "2 afspraken van u of uw organisatie zijn over de deadline." in message.body
    assert reverse("core:home") in message.body
    assert_no_personal_data(message, "Huisbezoek", casus.nummer)


def test_the_reminder_skips_done_afspraken_and_owners_who_lost_access(casus, regisseur, politie, agent):
    grant = grant_to(casus, regisseur, politie)
    afspraak = case_services.afspraak_create(
        casus=casus,
        by=regisseur,
        actie="Huisbezoek",
        deadline=date.today() - timedelta(days=3),
        eigenaar_organisatie=politie,
    )
    case_services.afspraak_set_status(afspraak=afspraak, by=regisseur, status="gereed")
    assert services.reminders_record(today=date.today()) == []
    case_services.afspraak_set_status(afspraak=afspraak, by=regisseur, status="open")
    case_services.grant_revoke(grant=grant, by=regisseur)
    assert services.reminders_record(today=date.today()) == []


def test_the_aanbrengende_partner_is_not_mailed_for_its_own_case(regisseur, politie, agent):
    from tests.cases.world import make_person, open_case

    open_case(regisseur=regisseur, partner=politie, persoon=make_person("Petra", "Bakker", bsn="999990032"))
    assert not Notification.objects.exists()  # the melder hears the triage outcome instead
