"""Retention: time-travel tests for destruction (idempotent, statistics unchanged, register written)."""

import re
from datetime import datetime

import pytest
import time_machine
from django.core.management import call_command

from cases.models import Betrokkene, Casus, Grant, LogboekEntry
from privacy.choices import Wijze
from privacy.models import Bewaartermijn, LegalHold, Vernietigingsregel
from privacy.services import retention
from reporting import services as reporting_services
from reporting.figures import jaarplan_figures
from reporting.pdf import report_html
from reporting.seeds import jaarplan_2022
from triage.models import Aanmelding, AanmeldingBetrokkene, Weging
from zvh.persons.models import Persoon

from .retention_world import AMS, at, build_2022, facilitering_partners

pytestmark = pytest.mark.django_db
GENERATED = datetime(2027, 7, 1, 9, tzinfo=AMS)


@pytest.fixture
def world():
    world: dict = {}
    build_2022(world)
    retention.bewaartermijnen_defaults()
    LegalHold.objects.create(
        soort="cases.casus",
        dossier_id=world["casus_karel"].pk,
        reden="Klachtprocedure loopt.",
        geplaatst_door=world["regisseur"],
    )
    return world


def report_of_2022() -> str:
    facilitering_partners()
    jaarplan, _created = reporting_services.jaarplan_load(data=jaarplan_2022)
    html = "\n".join(
        report_html(jaarplan_figures(jaarplan, kwartaal), requested_by="test", generated_at=GENERATED)
        for kwartaal in (1, 2, 3, 4)
    )
    return re.sub(r"chart-\d+", "chart", html)  # chart element ids come from a running counter


def bsns() -> set[str]:
    return set(Persoon.objects.exclude(bsn=None).values_list("bsn", flat=True))


def test_nothing_goes_before_the_term(world):
    with time_machine.travel(at(2027, 6, 1), tick=False):  # 5 years after closing is 10 June 2027
        plans = {p.avg.key: p for p in retention.retention_plan()}
    assert plans["cases.casus"].dossiers == []
    assert [a.pk for a in plans["triage.aanmelding"].dossiers] == [world["aanmelding_sven"].pk]


def test_closed_case_past_its_term_is_anonymised_with_its_persons(world):
    jan = world["casus_jan"]
    with time_machine.travel(at(2027, 7, 1), tick=False):
        rows = {r.soort: r for r in retention.retention_run()}
    assert rows["cases.casus"].dossiernummers == [jan.nummer]
    assert rows["cases.casus"].maanden == 60 and rows["cases.casus"].wijze == Wijze.ANONIMISEREN
    assert "999990019" not in bsns()  # Jan appeared nowhere else
    assert "999990032" in bsns()  # Petra still has her own open case
    assert "999990044" in bsns()  # Karel's case is under legal hold
    skeleton = Casus.objects.get(pk=jan.pk)
    assert skeleton.hoofdpersoon.voornamen == retention.ANONIEM and skeleton.hoofdpersoon.bsn is None
    assert skeleton.grondslag_toelichting == "" and skeleton.leefgebieden == []
    assert skeleton.resultaat == "doorbraak" and skeleton.afgesloten_op is not None
    assert not Betrokkene.objects.filter(casus=jan).exists()
    assert not Grant.objects.filter(casus=jan).exists()
    assert not LogboekEntry.objects.filter(casus=jan).exists()
    # Sven's aanmelding (advice, March 2022) went after one year, with his copy of the identity fields.
    assert not AanmeldingBetrokkene.objects.filter(aanmelding=world["aanmelding_sven"]).exists()
    assert Weging.objects.get(aanmelding=world["aanmelding_sven"]).motivering == ""
    assert "999990056" not in bsns()
    # Lotte's aanmelding was scaled up: it waits for its (open) case.
    assert AanmeldingBetrokkene.objects.filter(aanmelding=world["aanmelding_lotte"]).exists()


def test_the_register_holds_no_personal_data(world):
    with time_machine.travel(at(2027, 7, 1), tick=False):
        retention.retention_run()
    text = str(list(Vernietigingsregel.objects.values()))
    for secret in ("999990019", "Vries", "Jan", "Petra", "Mertens", "999990056"):
        assert secret not in text
    row = Vernietigingsregel.objects.get(soort="cases.casus")
    assert row.aantal_dossiers == 1 and row.aantal_personen == 1
    assert row.aantallen["cases.Betrokkene"] == 2  # Jan (hoofdpersoon) and Petra


def test_a_second_run_destroys_nothing_and_writes_its_own_rows(world):
    with time_machine.travel(at(2027, 7, 1), tick=False):
        retention.retention_run()
        before = Casus.objects.count(), Persoon.objects.count(), Aanmelding.objects.count()
        second = retention.retention_run()
    assert [r.aantal_dossiers for r in second] == [0] * len(second)
    assert (Casus.objects.count(), Persoon.objects.count(), Aanmelding.objects.count()) == before
    assert Vernietigingsregel.objects.filter(soort="cases.casus").count() == 2


def test_quarterly_figures_of_2022_are_identical_after_destruction(world):
    with time_machine.travel(GENERATED, tick=False):
        before = report_of_2022()
        retention.retention_run()
        after = report_of_2022()
    assert Vernietigingsregel.objects.get(soort="cases.casus").aantal_dossiers == 1
    assert "999990019" not in bsns()
    assert before == after


def test_hard_destruction_changes_the_figures(world):
    """Why the demo default is anonymisation: the comparison above does see a difference when rows vanish."""
    Bewaartermijn.objects.filter(soort__in=["cases.casus", "triage.aanmelding"]).update(wijze=Wijze.VERNIETIGEN)
    with time_machine.travel(GENERATED, tick=False):
        before = report_of_2022()
        retention.retention_run()
        after = report_of_2022()
    assert not Casus.objects.filter(pk=world["casus_jan"].pk).exists()
    assert not Aanmelding.objects.filter(pk=world["aanmelding_sven"].pk).exists()
    assert "999990019" not in bsns()
    assert before != after


def test_lifting_the_legal_hold_lets_the_case_go(world):
    hold = LegalHold.objects.get()
    retention.legal_hold_lift(hold=hold, by=world["regisseur"])
    with time_machine.travel(at(2027, 7, 1), tick=False):
        rows = {r.soort: r for r in retention.retention_run()}
    assert sorted(rows["cases.casus"].dossiernummers) == sorted(
        [world["casus_jan"].nummer, world["casus_karel"].nummer]
    )
    assert "999990044" not in bsns()


def test_legal_hold_needs_a_reason(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        retention.legal_hold_place(
            soort="cases.casus", dossier_id=world["casus_jan"].pk, reden=" ", by=world["regisseur"]
        )
    assert "reden" in error.value.message_dict


def test_no_term_set_means_nothing_is_destroyed(world):
    Bewaartermijn.objects.all().delete()
    with time_machine.travel(at(2030, 1, 1), tick=False):
        assert retention.retention_run() == []
    assert "999990019" in bsns()


def test_dry_run_lists_and_changes_nothing(world, capsys):
    with time_machine.travel(at(2027, 7, 1), tick=False):
        call_command("bewaartermijnen", "--dry-run")
    out = capsys.readouterr().out
    assert world["casus_jan"].nummer in out and world["casus_karel"].nummer not in out
    assert "Proefdraai" in out
    assert "999990019" in bsns() and not Vernietigingsregel.objects.exists()


def test_the_beat_task_runs_the_job(world):
    from privacy.tasks import apply_retention

    with time_machine.travel(at(2027, 7, 1), tick=False):
        assert apply_retention.delay().get() == 2  # Jan's case and Sven's aanmelding
    assert "999990019" not in bsns()


def test_months_before_keeps_the_end_of_month():
    assert retention.months_before(datetime(2024, 3, 31, tzinfo=AMS), 1) == datetime(2024, 2, 29, tzinfo=AMS)
    assert retention.months_before(datetime(2027, 6, 10, tzinfo=AMS), 60) == datetime(2022, 6, 10, tzinfo=AMS)


def test_an_anonymised_case_still_opens_for_the_procesregisseur(world):
    from django.urls import reverse

    from tests.conftest import verified_client

    with time_machine.travel(at(2027, 7, 1), tick=False):
        retention.retention_run()
    client = verified_client(world["regisseur"])
    page = client.get(reverse("cases:casus_detail", args=[world["casus_jan"].pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert world["casus_jan"].nummer in text and "Vries" not in text and "Petra" not in text
    page = client.get(reverse("triage:aanmelding_detail", args=[world["aanmelding_sven"].pk]))
    assert page.status_code == 200 and "Mertens" not in page.content.decode()
