"""Dashboard, CSV, report request/progress/download, jaarplan screens: content, permissions, bad input, Redis down."""

import socket
import time
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from privacy.models import AccessLogEntry
from reporting import services
from reporting.choices import ReportStatus
from reporting.models import Jaarplan, Realisatie, Report
from zvh.accounts.choices import Role
from zvh.queue import BrokerUnavailable

from .conftest import activity, local

pytestmark = pytest.mark.django_db

BIJ = "Wegen en aanpakken casuïstiek BIJ"
# A row counted by hand (the BIJ row is measured since BIJ registers its meldingen).
MANUAL = "Training gegevensdeling"


def test_dashboard_shows_figures_charts_and_tables(client_for, jaarplan, fake_metrics):
    fake_metrics.events(
        "triage.besluiten", [], params=("bord",), by_param={"mass_vt": [local(2022, 5, 1)] * 1500, "weegploeg": []}
    )
    client, _user = client_for(Role.MANAGER)
    response = client.get(reverse("reporting:dashboard"), {"jaar": 2022, "kwartaal": 2})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Uitvoeren van gezamenlijke triage met MaSS en Veilig Thuis" in html
    assert "1.500" in html and "<svg" in html and 'role="img"' in html and "<caption" in html
    assert "handmatig (meting nog niet beschikbaar)" in html
    assert "style=" not in html.split("<main", 1)[1], "CSP: no inline styles"


def test_dashboard_defaults_to_the_latest_jaarplan_and_rejects_bad_input(client_for, jaarplan):
    client, _user = client_for(Role.BEHEERDER)
    response = client.get(reverse("reporting:dashboard"))
    assert response.status_code == 200 and "stand na het" in response.content.decode()
    for bad in ({"jaar": 1999, "kwartaal": 1}, {"jaar": "x", "kwartaal": 9}):
        response = client.get(reverse("reporting:dashboard"), bad)
        assert response.status_code == 400
        assert (
            "Er is geen jaarplan voor dit jaar." in response.content.decode() or "kwartaal" in response.content.decode()
        )


def test_csv_has_aggregates_in_dutch_notation_and_is_logged(client_for, jaarplan, fake_metrics):
    fake_metrics.events(
        "triage.besluiten", [], params=("bord",), by_param={"mass_vt": [local(2022, 5, 1)] * 1500, "weegploeg": []}
    )
    client, user = client_for(Role.MANAGER)
    response = client.get(reverse("reporting:figures_csv"), {"jaar": 2022, "kwartaal": 2})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Ontwikkellijn;Thema;Activiteit")
    triage = next(line for line in lines if "MaSS en Veilig Thuis" in line)
    assert ";1500;1500;1000;75;" in triage  # no thousands separator in CSV cells, decimal comma
    assert len(lines) == 37
    entry = AccessLogEntry.objects.get(user=user)
    assert (entry.action, entry.object_type, entry.object_ids) == ("export", "reporting.cijfers", ["2022-Q2"])


def test_csv_with_bad_input_redirects_with_a_message(client_for, jaarplan):
    client, _user = client_for(Role.MANAGER)
    response = client.get(reverse("reporting:figures_csv"), {"jaar": 2030, "kwartaal": 1}, follow=True)
    assert "Kies een bestaand jaarplan" in response.content.decode()


def test_manager_requests_follows_and_downloads_a_report(client_for, jaarplan, django_capture_on_commit_callbacks):
    client, user = client_for(Role.MANAGER)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reporting:report_list"), {"jaar": 2022, "kwartaal": 4})
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reporting:report_detail", args=[report.pk])
    status = client.get(reverse("reporting:report_status", args=[report.pk])).json()
    assert status["status"] == ReportStatus.DONE and status["finished"] and status["download"]
    detail = client.get(reverse("reporting:report_detail", args=[report.pk])).content.decode()
    assert "PDF downloaden" in detail
    history = client.get(reverse("reporting:report_list")).content.decode()
    assert "4e kwartaal" in history and user.display_name in history
    response = client.get(reverse("reporting:report_download", args=[report.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "kwartaalrapportage-jaarplan-2022-Q4.pdf" in response["Content-Disposition"]
    entry = AccessLogEntry.objects.get(object_type="reporting.report")
    assert (entry.user, entry.action, entry.object_ids) == (user, "export", [str(report.pk)])


def test_pending_report_page_works_without_javascript(client_for, jaarplan):
    client, user = client_for(Role.MANAGER)
    report = Report.objects.create(jaarplan=jaarplan, kwartaal=1, requested_by=user)
    html = client.get(reverse("reporting:report_detail", args=[report.pk])).content.decode()
    assert "Vernieuwen" in html and "in de wachtrij" in html and "js/reporting.js" in html
    assert client.get(reverse("reporting:report_download", args=[report.pk])).status_code == 404


def test_future_quarter_cannot_be_requested(client_for, jaarplan):
    client, _user = client_for(Role.MANAGER)
    Jaarplan.objects.create(jaar=2099, titel="Jaarplan 2099")
    response = client.post(reverse("reporting:report_list"), {"jaar": 2099, "kwartaal": 1})
    assert response.status_code == 400 and "nog niet begonnen" in response.content.decode()
    response = client.post(reverse("reporting:report_list"), {"jaar": 2022, "kwartaal": 7})
    assert response.status_code == 400 and "Kies een kwartaal" in response.content.decode()
    assert not Report.objects.exists()


@pytest.fixture
def dead_redis(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.REDIS_URL = settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{port}/0"
    settings.CELERY_TASK_ALWAYS_EAGER = False


def test_redis_down_fails_fast_with_a_dutch_message_and_leaves_no_record(client_for, jaarplan, dead_redis):
    client, _user = client_for(Role.MANAGER)
    started = time.monotonic()
    response = client.post(reverse("reporting:report_list"), {"jaar": 2022, "kwartaal": 4})
    assert time.monotonic() - started < 2.0
    assert response.status_code == 503
    assert "De achtergrondverwerking is op dit moment niet bereikbaar" in response.content.decode()
    assert not Report.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publish_failing_after_commit_removes_the_request(jaarplan, user_factory, monkeypatch):
    """Without an outer transaction (as in a request) the task is published at commit; if that fails the
    committed request is removed again and the error reaches the caller."""
    import zvh.queue

    def refuse(task, *args, **kwargs):
        raise BrokerUnavailable

    monkeypatch.setattr(zvh.queue, "enqueue", refuse)
    with pytest.raises(BrokerUnavailable):
        services.report_request(jaarplan=jaarplan, kwartaal=1, user=user_factory(Role.MANAGER))
    assert not Report.objects.exists()


def test_secretariaat_enters_a_realisation_which_is_audited(client_for, jaarplan):
    client, user = client_for(Role.SECRETARIAAT)
    bij = activity(jaarplan, MANUAL)
    url = reverse("reporting:realisatie_edit", args=[bij.pk, 2])
    assert client.get(url).status_code == 200
    response = client.post(url, {"waarde": "4", "toelichting": "Twee meldingen van DJI."})
    assert response.status_code == 302
    entry = Realisatie.objects.get(activiteit=bij, kwartaal=2)
    assert (entry.waarde, entry.toelichting, entry.ingevoerd_door) == (Decimal(4), "Twee meldingen van DJI.", user)
    log = LogEntry.objects.get_for_object(entry).get()
    assert log.actor == user and log.action == LogEntry.Action.CREATE
    detail = client.get(reverse("reporting:jaarplan_detail", args=[2022])).content.decode()
    assert "toelichting" in detail and 'href="/rapportage/jaarplannen/2022/kopieren/"' not in detail


def test_realisation_bad_input_gets_dutch_errors(client_for, jaarplan, fake_metrics):
    client, _user = client_for(Role.MANAGER)
    bij = activity(jaarplan, MANUAL)
    response = client.post(reverse("reporting:realisatie_edit", args=[bij.pk, 1]), {"waarde": "-3"})
    assert response.status_code == 200 and "Zorg ervoor dat deze waarde minstens 0 is." in response.content.decode()
    milestone = activity(jaarplan, "DPIA BIJ")
    form = client.get(reverse("reporting:realisatie_edit", args=[milestone.pk, 1])).content.decode()
    assert 'name="gereed"' in form and 'name="waarde"' not in form
    assert client.get(reverse("reporting:realisatie_edit", args=[bij.pk, 5])).status_code == 404
    fake_metrics.value("cases.onder_regie", lambda start, end: 1)
    regie = activity(jaarplan, "Voeren van regie over complexe casuïstiek incl. radicalisering")
    form = client.get(reverse("reporting:realisatie_edit", args=[regie.pk, 1])).content.decode()
    assert "berekend uit de registratie" in form and 'name="waarde"' not in form


def test_manager_copies_the_jaarplan_to_a_new_year_and_edits_it(client_for, jaarplan):
    client, _user = client_for(Role.MANAGER)
    url = reverse("reporting:jaarplan_copy", args=[2022])
    assert 'value="2023"' in client.get(url).content.decode()
    response = client.post(url, {"jaar": 2023, "titel": "Jaarplan 2023 ZVH Baronie Breda"})
    assert response.status_code == 302
    kopie = Jaarplan.objects.get(jaar=2023)
    bij = activity(kopie, BIJ)
    assert (bij.prognose, bij.prognose_vorig_jaar, bij.resultaat_eerder) == (20, 20, None)
    assert activity(kopie, "DPIA BIJ").mijlpaal_kwartaal == 2
    assert (
        kopie.gekopieerd_van == jaarplan
        and not Realisatie.objects.filter(activiteit__thema__ontwikkellijn__jaarplan=kopie).exists()
    )
    response = client.post(url, {"jaar": 2023, "titel": "Nog een keer"})
    assert response.status_code == 200 and "Er bestaat al een jaarplan voor 2023." in response.content.decode()

    edit = reverse("reporting:activiteit_update", args=[bij.pk])
    response = client.post(
        edit,
        {
            "omschrijving": bij.omschrijving,
            "prognose": "24",
            "spreiding": "pro_rata",
            "metric_key": "",
            "metric_params": "",
        },
    )
    assert response.status_code == 302
    bij.refresh_from_db()
    assert bij.prognose == 24
    assert LogEntry.objects.get_for_object(bij).filter(action=LogEntry.Action.UPDATE).exists()
    response = client.post(
        edit, {"omschrijving": bij.omschrijving, "spreiding": "pro_rata", "metric_params": "zonder-is"}
    )
    assert response.status_code == 200 and "naam=waarde" in response.content.decode()


@pytest.mark.parametrize("role", [Role.KETENPARTNER, Role.PROCESREGISSEUR, Role.FG, Role.SECRETARIAAT])
def test_other_roles_cannot_request_or_download(client_for, jaarplan, role, user_factory):
    report = Report.objects.create(jaarplan=jaarplan, kwartaal=1, requested_by=user_factory(Role.MANAGER))
    client, _user = client_for(role)
    assert client.post(reverse("reporting:report_list"), {"jaar": 2022, "kwartaal": 1}).status_code == 403
    assert client.get(reverse("reporting:report_download", args=[report.pk])).status_code == 403
    assert Report.objects.count() == 1
