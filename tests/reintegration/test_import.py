from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reintegration import services
from reintegration.choices import Bron
from reintegration.models import Traject
from reintegration.services.importeren import COLUMNS
from tests.conftest import verified_client
from zvh.persons.models import Persoon

from .world import gemeente, persoon, traject

pytestmark = pytest.mark.django_db

HEADER = ";".join(COLUMNS)
GOOD = "999990068;Ronald;;Kok;14-03-1985;Breda;01-02-2026;15-12-2026;PI Breda;M. de Groot;076 000 0000"
GOOD2 = ";Tom;;Visser;01-05-1990;Gemeente Breda;2026-03-01;2027-01-10;PI Vught;;"
BAD_DATE = ";Eva;;Smit;02-02-1992;Breda;31-02-2026;15-12-2026;PI Breda;;"


def csv(*lines: str) -> str:
    return "\n".join((HEADER, *lines)) + "\n"


@pytest.fixture
def breda(db):
    return gemeente("Breda")


def test_preview_writes_nothing_and_reports_bad_rows_with_line_numbers(regisseur, breda):
    preview = services.detentiemeldingen_preview(by=regisseur, text=csv(GOOD, BAD_DATE, GOOD2))
    assert [r.line for r in preview.new] == [2, 4]
    assert [(r.line, r.reason) for r in preview.refused] == [
        (3, "'31-02-2026' in kolom 'begin_detentie' is geen datum (gebruik dd-mm-jjjj).")
    ]
    assert not Traject.objects.exists() and not Persoon.objects.exists()


def test_import_is_idempotent(regisseur, breda):
    first = services.detentiemeldingen_import(by=regisseur, text=csv(GOOD, GOOD2))
    assert len(first.new) == 2 and Traject.objects.count() == 2
    assert set(Traject.objects.values_list("bron", flat=True)) == {Bron.IMPORT}
    again = services.detentiemeldingen_import(by=regisseur, text=csv(GOOD, GOOD2))
    assert (len(again.new), len(again.skipped)) == (0, 2)
    assert Traject.objects.count() == 2 and Persoon.objects.count() == 2


def test_manual_traject_is_not_imported_again(regisseur, breda):
    traject(regisseur, person=persoon(bsn="999990068"), begin=date(2026, 2, 1), gem=breda)
    result = services.detentiemeldingen_import(by=regisseur, text=csv(GOOD))
    assert len(result.skipped) == 1 and Traject.objects.count() == 1


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("999990068;Rob;;Kok;14-03-1985;Breda;01-02-2026;15-12-2026;PI Breda;;", "past niet bij de naam"),
        ("123456789;Ada;;Berg;01-01-1990;Breda;01-02-2026;15-12-2026;PI Breda;;", "ongeldig BSN"),
        (";Ada;;Berg;01-01-1990;Atlantis;01-02-2026;15-12-2026;PI Breda;;", "onbekende gemeente 'Atlantis'"),
        (";Ada;;;01-01-1990;Breda;01-02-2026;15-12-2026;PI Breda;;", "de kolom 'achternaam' is leeg"),
        (";Ada;;Berg;01-01-1990;Breda;01-02-2026;01-01-2026;PI Breda;;", "vóór het begin"),
    ],
)
def test_refused_rows_have_a_dutch_reason(regisseur, breda, line, reason):
    Persoon.objects.create(bsn="999990068", voornamen="Ronald", achternaam="Kok", geboortedatum=date(1985, 3, 14))
    result = services.detentiemeldingen_import(by=regisseur, text=csv(line))
    assert [r.line for r in result.refused] == [2]
    assert reason in result.refused[0].reason
    assert not Traject.objects.exists()


def test_same_detention_twice_in_one_file(regisseur, breda):
    result = services.detentiemeldingen_preview(by=regisseur, text=csv(GOOD, GOOD))
    assert [r.line for r in result.refused] == [3] and "regel 2" in result.refused[0].reason


def test_missing_column_is_reported(regisseur):
    preview = services.detentiemeldingen_preview(by=regisseur, text="voornamen;achternaam\nA;B\n")
    assert "geboortedatum" in preview.error and not preview.rows


def test_coordinator_may_import_own_gemeente_only(coord, breda):
    other = ";Ada;;Berg;01-01-1990;Zundert;01-02-2026;15-12-2026;PI Breda;;"
    gemeente("Zundert")
    result = services.detentiemeldingen_import(by=coord, text=csv(GOOD, other))
    assert len(result.new) == 1 and "eigen gemeente" in result.refused[0].reason


def test_upload_preview_confirm_through_the_pages(coord, settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    client = verified_client(coord)
    upload = SimpleUploadedFile("meldingen.csv", csv(GOOD, BAD_DATE).encode("cp1252"), content_type="text/csv")
    response = client.post(reverse("reintegration:import_upload"), {"bestand": upload})
    body = response.content.decode()
    assert response.status_code == 200 and "Regel 3:" in body
    assert not Traject.objects.exists()
    assert list(tmp_path.iterdir()) == []  # nothing written to disk
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*"))
    token = response.context["token"]
    done = client.post(reverse("reintegration:import_confirm"), {"voorbeeld": token})
    assert done.status_code == 200 and Traject.objects.count() == 1
    client.post(reverse("reintegration:import_confirm"), {"voorbeeld": token})
    assert Traject.objects.count() == 1


def test_tampered_preview_is_refused(coord):
    response = verified_client(coord).post(reverse("reintegration:import_confirm"), {"voorbeeld": "x" + "a" * 40})
    assert response.status_code == 400 and "niet geldig" in response.content.decode()


def test_binary_or_huge_file_gives_a_dutch_error(coord):
    client = verified_client(coord)
    huge = SimpleUploadedFile("groot.csv", b"a" * 1_000_001, content_type="text/csv")
    response = client.post(reverse("reintegration:import_upload"), {"bestand": huge})
    assert response.status_code == 200 and "groter dan 1 MB" in response.content.decode()
