"""The FG's registers and screens: verwerkingen, DPIA's (jaarplan milestones), datalekken, autorisaties, retention."""

import csv
import io
from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from privacy.choices import DatalekStatus, DocumentStatus
from privacy.models import AvgVerzoek, Bewaartermijn, Datalek, LegalHold
from privacy.services import registers
from reporting import services as reporting_services
from reporting.models import Activiteit, Realisatie
from reporting.seeds import jaarplan_2022
from tests.cases.world import build_case_world
from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    world: dict = {"users": {role: make_user(role) for role in Role.values}}
    build_case_world(world)
    world["fg"] = world["users"][Role.FG]
    world["client"] = verified_client(world["fg"])
    return world


def test_autorisaties_csv_lists_every_grant_and_neutralises_formulas(world):
    from cases.models import Grant

    Grant.objects.filter(pk=world["grant"].pk).update(doel="=cmd|' /C calc'!A0")
    response = world["client"].get(reverse("privacy:autorisaties_csv"))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len([r for r in rows if r[0] == "casus"]) == Grant.objects.count()
    doel = [r[5] for r in rows if r[1] == world["casus_granted"].nummer and r[2] == world["grant"].organisatie.name]
    assert doel == ["'=cmd|' /C calc'!A0"]


def test_autorisaties_hold_every_kind_of_grant_on_screen_and_in_csv(world):
    from django.db import connection
    from django.test import RequestFactory

    from bij import services as bij_services
    from reintegration import services as re_services
    from tests.bij.world import bij_regisseur, melding, oov_adviseur
    from tests.reintegration.world import coordinator, traject
    from zvh.access import gateway

    regisseur = bij_regisseur()
    adviseur = oov_adviseur()
    m = melding(regisseur)
    bij_services.uitnodiging_create(melding=m, by=regisseur, doel="Advies OOV voorbereiden.", user=adviseur)
    coord = coordinator("Breda")
    t = traject(coord)
    reclassering = world["users"][Role.KETENPARTNER].organisation
    re_services.toegang_grant(traject=t, by=coord, organisatie=reclassering, doel="Toezicht na vrijlating.")
    request = RequestFactory().get("/")
    request.user = adviseur
    gateway.get_for_user(request=request, key="bij.melding", pk=m.pk)

    page = world["client"].get(reverse("privacy:autorisaties")).content.decode()
    for text in (
        "BIJ-melding",
        m.nummer,
        "Advies OOV voorbereiden.",
        "re-integratietraject",
        "Toezicht na vrijlating.",
    ):
        assert text in page, text
    assert "team (beperkt thema)" in page and regisseur.display_name in page  # member of the BIJ team
    response = world["client"].get(reverse("privacy:autorisaties_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    kinds = {r[0] for r in rows[1:]}
    assert {"casus", "BIJ-melding", "re-integratietraject", "team (beperkt thema)"} <= kinds
    invitation = next(r for r in rows if r[0] == "BIJ-melding")
    assert invitation[2] == adviseur.display_name and invitation[8] == regisseur.display_name
    if connection.vendor == "postgresql":
        assert invitation[11] not in ("", "niet te meten")  # the adviseur opened the melding: last used is known
    assert next(r for r in rows if r[0] == "team (beperkt thema)")[11] == "niet te meten"


def test_the_autorisaties_page_does_not_query_per_row(world, django_assert_max_num_queries):
    from bij import services as bij_services
    from tests.bij.world import bij_regisseur, melding, oov_adviseur

    regisseur = bij_regisseur()
    for _ in range(5):
        m = melding(regisseur)
        bij_services.uitnodiging_create(melding=m, by=regisseur, doel="Advies.", user=oov_adviseur())
    with django_assert_max_num_queries(25):
        assert world["client"].get(reverse("privacy:autorisaties")).status_code == 200


def test_autorisaties_show_when_a_grant_was_last_used(world):
    from django.db import connection
    from django.test import RequestFactory

    from zvh.access import gateway

    if connection.vendor != "postgresql":
        pytest.skip("last use is read from the access log on PostgreSQL")
    request = RequestFactory().get("/")
    request.user = world["users"][Role.KETENPARTNER]
    gateway.get_for_user(request=request, key="cases.casus", pk=world["casus_granted"].pk)
    from privacy import review

    used = review.last_used(list(review.access_grants()))
    assert used[("casus", world["grant"].pk)] is not None and used[("casus", world["grant_expired"].pk)] is None
    page = world["client"].get(reverse("privacy:autorisaties")).content.decode()
    assert world["casus_granted"].nummer in page and "nooit" in page


def test_a_dpia_adopted_reports_its_jaarplan_milestone(world):
    jaarplan, _created = reporting_services.jaarplan_load(data=jaarplan_2022)
    mijlpaal = Activiteit.objects.get(thema__ontwikkellijn__jaarplan=jaarplan, omschrijving="DPIA BIJ")
    document = registers.document_save(
        by=world["fg"],
        soort="dpia",
        titel="DPIA BIJ",
        versie="0.9",
        status=DocumentStatus.CONCEPT,
        gestart_op=date(2022, 2, 1),
        mijlpaal=mijlpaal,
    )
    assert not Realisatie.objects.filter(activiteit=mijlpaal).exists()
    registers.document_save(
        by=world["fg"], document=document, status=DocumentStatus.VASTGESTELD, vastgesteld_op=date(2022, 8, 20)
    )
    entry = Realisatie.objects.get(activiteit=mijlpaal)
    # The milestone is measured from this register (privacy.vastgesteld): the entry carries only the note.
    assert entry.kwartaal == 3 and not entry.gereed and "DPIA BIJ versie 0.9" in entry.toelichting
    from reporting.figures import jaarplan_figures

    from .retention_world import facilitering_partners

    facilitering_partners()
    row = next(a for a in jaarplan_figures(jaarplan, 4).activities if a.activiteit == mijlpaal)
    assert row.gereed_in == 3


def test_adopting_needs_a_date(world):
    with pytest.raises(ValidationError) as error:
        registers.document_save(
            by=world["fg"],
            soort="protocol",
            titel="Privacyprotocol BIJ",
            versie="1",
            status="vastgesteld",
            gestart_op=date(2022, 1, 1),
        )
    assert "vastgesteld_op" in error.value.message_dict


def test_a_datalek_counts_down_72_hours(world):
    found = timezone.now() - timedelta(hours=10)
    lek = registers.datalek_register(by=world["fg"], omschrijving="Verkeerde ontvanger.", ontdekt_op=found)
    page = world["client"].get(reverse("privacy:datalek_detail", args=[lek.pk])).content.decode()
    assert "Nog 61 uur" in page or "Nog 62 uur" in page
    with time_machine.travel(found + timedelta(hours=73)):
        assert registers.datalek_te_laat(Datalek.objects.get(pk=lek.pk))
    old = registers.datalek_register(
        by=world["fg"], omschrijving="Oud lek.", ontdekt_op=timezone.now() - timedelta(hours=73)
    )
    page = world["client"].get(reverse("privacy:datalek_detail", args=[old.pk])).content.decode()
    assert "De termijn van 72 uur is verstreken" in page
    listing = world["client"].get(reverse("privacy:datalek_list")).content.decode()
    assert "termijn verstreken" in listing


def test_a_datalek_decision_needs_its_reason_and_closing_needs_measures(world):
    lek = registers.datalek_register(by=world["fg"], omschrijving="Lek.", ontdekt_op=timezone.now())
    with pytest.raises(ValidationError) as error:
        registers.datalek_update(datalek=lek, by=world["fg"], gemeld_bij_ap=False, meldingsreden="")
    assert "meldingsreden" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        registers.datalek_update(datalek=lek, by=world["fg"], gemeld_bij_ap=True, meldingsreden="Risico.")
    assert "gemeld_op" in error.value.message_dict
    with pytest.raises(ValidationError, match="maatregelen"):
        registers.datalek_update(
            datalek=lek, by=world["fg"], sluiten=True, gemeld_bij_ap=False, meldingsreden="Geen risico."
        )
    lek = registers.datalek_update(
        datalek=lek,
        by=world["fg"],
        sluiten=True,
        gemeld_bij_ap=False,
        meldingsreden="Geen risico: versleuteld.",
        maatregelen="Adresboek opgeschoond.",
    )
    assert lek.status == DatalekStatus.GESLOTEN


def test_datalek_form_posts(world):
    response = world["client"].post(
        reverse("privacy:datalek_create"),
        {
            "omschrijving": "USB-stick kwijt.",
            "ontdekt_op": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "gemeld": "",
            "geinformeerd": "",
        },
    )
    assert response.status_code == 302
    lek = Datalek.objects.get()
    response = world["client"].post(
        reverse("privacy:datalek_detail", args=[lek.pk]),
        {
            "omschrijving": "USB-stick kwijt.",
            "ontdekt_op": timezone.localtime(lek.ontdekt_op).strftime("%Y-%m-%dT%H:%M"),
            "gemeld": "ja",
            "meldingsreden": "Onversleuteld.",
            "geinformeerd": "nee",
        },
    )
    assert response.status_code == 400 and "Vul in wanneer" in response.content.decode()


def test_the_fg_registers_a_request_by_bsn_and_exports_it(world):
    client = world["client"]
    response = client.post(
        reverse("privacy:verzoek_create"),
        {"soort": "inzage", "ontvangen_op": date.today().isoformat(), "bsn": "999990019", "omschrijving": ""},
    )
    verzoek = AvgVerzoek.objects.get()
    assert response.status_code == 302 and verzoek.persoon == world["p_granted"]
    assert client.post(reverse("privacy:verzoek_export", args=[verzoek.pk])).status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.export_status == "wachtrij"  # queued on commit, not made in the request
    from privacy.tasks import make_inzage_export

    assert make_inzage_export(verzoek.pk) == "klaar"
    status = client.get(reverse("privacy:verzoek_export_status", args=[verzoek.pk])).json()
    assert status["finished"] and "999990019" not in str(status)
    download = client.get(reverse("privacy:verzoek_download", args=[verzoek.pk, "json"]))
    assert download.status_code == 200 and b"999990019" in download.content
    again = client.get(reverse("privacy:verzoek_download", args=[verzoek.pk, "json"]))
    assert again.status_code == 302  # removed after the download
    unknown = client.post(
        reverse("privacy:verzoek_create"),
        {"soort": "inzage", "ontvangen_op": date.today().isoformat(), "bsn": "999990111"},
    )
    assert "geen persoon met dit BSN" in unknown.content.decode()


def test_the_fg_sets_a_term_and_places_a_legal_hold(world):
    client = world["client"]
    response = client.post(
        reverse("privacy:bewaartermijn_edit", args=["cases.casus"]), {"maanden": "72", "wijze": "anonimiseren"}
    )
    assert response.status_code == 302 and Bewaartermijn.objects.get(soort="cases.casus").maanden == 72
    assert client.get(reverse("privacy:bewaartermijn_edit", args=["bestaat.niet"])).status_code == 404
    response = client.post(
        reverse("privacy:legal_hold_create"),
        {
            "soort": "cases.casus",
            "dossier_id": str(world["casus_granted"].pk),
            "reden": "Klacht bij de Nationale ombudsman.",
        },
    )
    assert response.status_code == 302 and LegalHold.objects.filter(opgeheven_op__isnull=True).count() == 1
    page = client.get(reverse("privacy:bewaartermijnen")).content.decode()
    assert "Nationale ombudsman" in page and "72 maanden" in page


@pytest.mark.parametrize(
    "name",
    [
        "verzoek_list",
        "bewaartermijnen",
        "vernietigingsregister",
        "logs",
        "verwerking_list",
        "document_list",
        "datalek_list",
        "autorisaties",
        "verzoek_create",
        "verwerking_create",
        "document_create",
        "datalek_create",
        "legal_hold_create",
    ],
)
def test_every_fg_page_renders_for_the_fg_only(world, name):
    assert world["client"].get(reverse(f"privacy:{name}")).status_code == 200
    assert verified_client(world["users"][Role.MANAGER]).get(reverse(f"privacy:{name}")).status_code == 403
