"""Finding 7: CSV formula injection. Every CSV export goes through ``zvh.csv``, which neutralises formula cells."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.reporting.conftest import activity, fake_metrics, jaarplan  # noqa: F401  (fixtures)
from zvh import csv as safe_csv
from zvh.accounts.choices import Role

ROOT = Path(__file__).resolve().parents[2]
PAYLOADS = ['=HYPERLINK("http://x.invalid","klik")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|'/c calc'!A0"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_cells_are_neutralised(payload):
    assert safe_csv.neutralise(payload) == "'" + payload


@pytest.mark.parametrize("value", ["-3", "-2,5", "+4", "1.500", "gewoon tekst", "", 7, None, "a=b"])
def test_numbers_and_plain_text_stay_as_they_are(value):
    assert safe_csv.neutralise(value) == value


def test_the_writer_neutralises_every_cell():
    out = io.StringIO()
    safe_csv.writer(out).writerow(["=1+1", "ok", "@x"])
    assert next(csv.reader(io.StringIO(out.getvalue()), delimiter=";")) == ["'=1+1", "ok", "'@x"]


@pytest.mark.django_db
def test_the_figures_export_neutralises_a_formula_typed_into_an_activity(client_for, jaarplan):  # noqa: F811
    activiteit = activity(jaarplan, "Wegen en aanpakken casuïstiek BIJ")
    activiteit.omschrijving = '=HYPERLINK("http://x.invalid","klik")'
    activiteit.save(update_fields=["omschrijving"])
    client, _user = client_for(Role.MANAGER)
    response = client.get(reverse("reporting:figures_csv"), {"jaar": jaarplan.jaar, "kwartaal": 2})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert "'" + activiteit.omschrijving in cells
    assert not [c for c in cells if c.startswith(safe_csv.FORMULA_START) and not re.match(r"^-?\d+(,\d+)?$", c)]


def test_no_export_writes_csv_past_the_shared_writer():
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts or "migrations" in path.parts:
            continue
        if path == ROOT / "zvh" / "csv.py":
            continue
        if re.search(r"\bcsv\.(writer|DictWriter)\(", path.read_text()):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []
