"""jaarplan_laden (idempotent) and jaarverslag (the same report, synchronously)."""

import subprocess
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from reporting.models import Activiteit, Jaarplan

pytestmark = pytest.mark.django_db


def test_jaarplan_laden_is_idempotent(fake_metrics):
    out = StringIO()
    call_command("jaarplan_laden", stdout=out)
    call_command("jaarplan_laden", stdout=out)
    assert Jaarplan.objects.count() == 1 and Activiteit.objects.count() == 36
    assert "geladen" in out.getvalue() and "stond er al" in out.getvalue()


def test_jaarverslag_writes_the_report(jaarplan, tmp_path):
    target = tmp_path / "rapport.pdf"
    out = StringIO()
    call_command("jaarverslag", "--jaar", "2022", "--kwartaal", "4", "--uitvoer", str(target), stdout=out)
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Jaarplan 2022 versus realisatie" in text and "beheeropdracht jaarverslag" in text
    assert "pagina's" in out.getvalue()


def test_jaarverslag_explains_bad_input(jaarplan, tmp_path):
    with pytest.raises(CommandError, match="Er is geen jaarplan voor 2019"):
        call_command("jaarverslag", "--jaar", "2019", "--kwartaal", "1", "--uitvoer", str(tmp_path / "x.pdf"))
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("jaarverslag", "--jaar", "2022", "--kwartaal", "1", "--uitvoer", str(tmp_path / "nee" / "x.pdf"))
    with pytest.raises(CommandError):
        call_command("jaarverslag", "--jaar", "2022", "--kwartaal", "5", "--uitvoer", str(tmp_path / "x.pdf"))
