"""Inzage (art. 15) for Jan de Vries: his data and access log in every dossier type, nothing of anyone else."""

import json
import shutil
import subprocess
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.utils import timezone

from cases.choices import Relatie
from cases.services import logboek_add
from privacy.choices import Besluit, VerzoekSoort, VerzoekStatus
from privacy.models import AccessLogPerson
from privacy.services import requests as avg
from tests.cases.world import build_case_world, open_case
from tests.conftest import make_user
from tests.triage.world import person, submitted
from zvh.access import gateway
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db
OTHERS = ("Petra", "Bakker", "999990032", "Henk", "Jansen", "Karel", "Willems", "999990044")


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.fixture
def world():
    world: dict = {"users": {role: make_user(role) for role in Role.values}}
    build_case_world(world)
    users, jan, petra = world["users"], world["p_granted"], world["p_other"]
    regisseur = users[Role.PROCESREGISSEUR]
    # A second case of Jan's with Petra as betrokkene, and a logbook line that names her.
    world["casus_samen"] = open_case(
        regisseur=regisseur,
        partner=users[Role.KETENPARTNER].organisation,
        persoon=jan,
        betrokkenen=[(petra, Relatie.PARTNER)],
    )
    logboek_add(casus=world["casus_samen"], by=regisseur, soort="notitie", tekst="Jan belde; Petra Bakker was erbij.")
    # An aanmelding with both of them.
    world["aanmelding"] = submitted(
        users[Role.KETENPARTNER],
        persons=[
            person("Jan", "Vries", tussenvoegsel="de", bsn="999990019", geboortedatum=date(1979, 3, 14)),
            person("Petra", "Bakker", relatie=Relatie.PARTNER, bsn="999990032", geboortedatum=date(1988, 11, 23)),
        ],
    )
    # Reads: the partner opens Jan's case; the regisseur opens Petra's.
    gateway.get_for_user(request=request_for(users[Role.KETENPARTNER]), key="cases.casus", pk=world["casus_granted"].pk)
    gateway.get_for_user(request=request_for(regisseur), key="cases.casus", pk=world["casus_other"].pk)
    return world


@pytest.fixture
def export(world):
    fg = world["users"][Role.FG]
    verzoek = avg.verzoek_register(
        by=fg, soort=VerzoekSoort.INZAGE, ontvangen_op=timezone.localdate(), persoon=world["p_granted"]
    )
    world["log_rows_before"] = AccessLogPerson.objects.filter(person_id=world["p_granted"].pk).count()
    avg.inzage_export_request(verzoek=verzoek, request=request_for(fg))
    return avg.inzage_export_build(verzoek_id=verzoek.pk)


def test_the_json_holds_jans_data_from_every_dossier_type(world, export):
    data = json.loads(export.export_json.read())
    text = json.dumps(data, ensure_ascii=False)
    assert data["persoon"]["BSN"] == "999990019" and data["persoon"]["achternaam"] == "Vries"
    numbers = {(d["soort"], d["nummer"]) for d in data["dossiers"]}
    assert ("casus", world["casus_granted"].nummer) in numbers and ("casus", world["casus_samen"].nummer) in numbers
    assert ("aanmelding", str(world["aanmelding"].pk)) in numbers
    assert "Jan belde" in text  # the logbook line of his case
    assert "Taak van de aanbrengende partner." in text  # grondslag toelichting (bijzonder)


def test_the_export_names_nobody_else(world, export):
    text = export.export_json.read().decode()
    for other in OTHERS:
        assert other not in text, other
    assert "[andere betrokkene]" in text  # Petra in the logbook line and as the partner in the aanmelding is blanked


def test_the_access_log_of_jan_is_in_the_export(world, export):
    data = json.loads(export.export_json.read())
    # Every earlier access, and the FG's request for this export itself (logged when it was queued).
    assert len(data["toegang"]) == world["log_rows_before"] + 1 >= 2
    assert data["toegang"][-1]["actie"] == "exporteren"
    politie = world["users"][Role.KETENPARTNER].organisation.name
    assert any(r["organisatie"] == politie and r["actie"] == "inzien" for r in data["toegang"])
    assert all(world["users"][Role.KETENPARTNER].username not in json.dumps(r) for r in data["toegang"])


def test_the_pdf_says_the_same(world, export, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) ontbreekt")
    path = tmp_path / "inzage.pdf"
    path.write_bytes(export.export_pdf.read())
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "999990019" in text and "Vries" in text and world["casus_samen"].nummer in text
    assert "Wie uw gegevens heeft ingezien" in text
    for other in OTHERS:
        assert other not in text, other


def test_making_the_export_is_logged_and_moves_the_request(world, export):
    assert export.status == VerzoekStatus.IN_BEHANDELING
    assert AccessLogPerson.objects.filter(
        person_id=world["p_granted"].pk, entry__object_type="privacy.inzage", entry__action="export"
    ).exists()


def test_only_the_fg_makes_an_export(world):
    fg = world["users"][Role.FG]
    verzoek = avg.verzoek_register(
        by=fg, soort=VerzoekSoort.INZAGE, ontvangen_op=date.today(), persoon=world["p_granted"]
    )
    with pytest.raises(PermissionDenied):
        avg.inzage_export_request(verzoek=verzoek, request=request_for(world["users"][Role.PROCESREGISSEUR]))


def test_deadline_is_one_month_and_extends_once_by_two_with_a_reason(world):
    fg = world["users"][Role.FG]
    verzoek = avg.verzoek_register(by=fg, soort=VerzoekSoort.VERWIJDERING, ontvangen_op=date(2026, 1, 31))
    assert verzoek.termijn == date(2026, 2, 28)
    with pytest.raises(ValidationError):
        avg.verzoek_verlengen(verzoek=verzoek, by=fg, reden="  ")
    verzoek = avg.verzoek_verlengen(verzoek=verzoek, by=fg, reden="Complex: vijf partners betrokken.")
    assert verzoek.verlengd_tot == date(2026, 4, 28) and verzoek.deadline == date(2026, 4, 28)
    with pytest.raises(ValidationError, match="één keer"):
        avg.verzoek_verlengen(verzoek=verzoek, by=fg, reden="Nog eens.")


def test_overdue_requests_are_flagged(world):
    fg = world["users"][Role.FG]
    old = avg.verzoek_register(
        by=fg, soort=VerzoekSoort.BEZWAAR, ontvangen_op=timezone.localdate() - timedelta(days=40)
    )
    new = avg.verzoek_register(by=fg, soort=VerzoekSoort.BEZWAAR, ontvangen_op=timezone.localdate())
    assert old.te_laat and not new.te_laat


def test_a_decision_needs_reasons_and_an_inzage_needs_its_export(world, export):
    fg = world["users"][Role.FG]
    with pytest.raises(ValidationError) as error:
        avg.verzoek_afhandelen(verzoek=export, by=fg, besluit=Besluit.TOEGEWEZEN, motivering="")
    assert "motivering" in error.value.message_dict
    done = avg.verzoek_afhandelen(verzoek=export, by=fg, besluit=Besluit.TOEGEWEZEN, motivering="Volledig verstrekt.")
    assert done.status == VerzoekStatus.AFGEHANDELD and done.afgehandeld_op == timezone.localdate()
    other = avg.verzoek_register(by=fg, soort=VerzoekSoort.INZAGE, ontvangen_op=date.today(), persoon=world["p_other"])
    with pytest.raises(ValidationError, match="inzage-export"):
        avg.verzoek_afhandelen(verzoek=other, by=fg, besluit=Besluit.TOEGEWEZEN, motivering="Verstrekt.")


def test_the_export_is_queued_on_commit_and_made_once(world, django_capture_on_commit_callbacks):
    fg = world["users"][Role.FG]
    verzoek = avg.verzoek_register(
        by=fg, soort=VerzoekSoort.INZAGE, ontvangen_op=timezone.localdate(), persoon=world["p_granted"]
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queued = avg.inzage_export_request(verzoek=verzoek, request=request_for(fg))
        assert avg.inzage_export_request(verzoek=verzoek, request=request_for(fg)).export_status == "wachtrij"
    assert queued.export_status == "wachtrij" and not queued.export_pdf  # nothing made inside the request
    assert len(callbacks) == 1  # the second request did not queue it again
    made = avg.inzage_export_build(verzoek_id=verzoek.pk)
    assert made.export_status == "klaar" and made.export_pdf and made.export_json
    first_name = made.export_json.name
    assert avg.inzage_export_build(verzoek_id=verzoek.pk).export_json.name == first_name  # a re-delivery: no-op


def test_a_failing_export_shows_a_dutch_message(world, monkeypatch):
    from privacy import tasks
    from privacy.services import inzage

    fg = world["users"][Role.FG]
    verzoek = avg.verzoek_register(
        by=fg, soort=VerzoekSoort.INZAGE, ontvangen_op=timezone.localdate(), persoon=world["p_granted"]
    )
    avg.inzage_export_request(verzoek=verzoek, request=request_for(fg))
    monkeypatch.setattr(avg, "person_export", lambda persoon: 1 / 0)
    assert inzage  # the module the service reads from is patched through avg.person_export
    assert tasks.make_inzage_export(verzoek.pk) == "mislukt"
    verzoek.refresh_from_db()
    assert "technische fout" in verzoek.export_fout


def test_the_files_are_removed_after_download_and_after_expiry(world, export, django_capture_on_commit_callbacks):
    fg = world["users"][Role.FG]
    storage, pdf_name = export.export_pdf.storage, export.export_pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        content = avg.inzage_export_take(verzoek=export, formaat="json", request=request_for(fg))
    assert b"999990019" in content
    export.refresh_from_db()
    assert not export.export_json and export.export_pdf and export.export_status == "klaar"
    with pytest.raises(ValidationError):
        avg.inzage_export_take(verzoek=export, formaat="json", request=request_for(fg))
    with django_capture_on_commit_callbacks(execute=True):
        assert avg.inzage_exports_expire(now=timezone.now() + timedelta(days=8)) == 1
    export.refresh_from_db()
    assert export.export_status == "verwijderd" and not export.export_pdf
    assert not storage.exists(pdf_name)


def test_the_shelter_address_is_withheld_with_a_note(db, tmp_path):
    """Art. 15 lid 4 AVG / art. 41 UAVG: the shelter address of a victim is not in the export; the export says so."""
    from mensenhandel.models import Opvangadres
    from privacy.avg import withheld
    from privacy.services.inzage import person_export
    from tests.mensenhandel.world import ANA, OPVANGADRES, join_team, new_traject

    assert "adres" in withheld(Opvangadres)  # registered, so the rule is testable and visible
    regisseur = make_user(Role.PROCESREGISSEUR)
    join_team(regisseur)
    traject = new_traject(regisseur, persoon_data=ANA)
    data = person_export(traject.persoon)
    text = json.dumps(data, ensure_ascii=False)
    assert OPVANGADRES not in text and "Opvangstraat" not in text
    assert data["weggelaten"] and "artikel 41 UAVG" in data["weggelaten"][0]["reden"]
    assert data["weggelaten"][0]["dossiers"] == [str(traject.pk)]
