"""The load-test command's own logic: think time and the report (the run itself is `make loadtest`)."""

import csv
import io

import pytest
from django.core.management.base import CommandError

from zvh.core.management.commands.loadtest import TRIVIAL, Command

FIELDS = ["Type", "Name", "Request Count", "Failure Count", "Requests/s", "50%", "95%", "99%"]


def test_think_time_is_two_ordered_numbers_with_a_dutch_error_otherwise():
    assert Command.think_time("2,8") == "2.0,8.0"
    for bad in ("2", "a,b", "8,2", "-1,3", "1,500"):
        with pytest.raises(CommandError, match="denktijd"):
            Command.think_time(bad)


def test_report_gives_each_page_its_median_relative_to_the_trivial_page(tmp_path):
    stats = tmp_path / "loadtest_stats.csv"
    with stats.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, FIELDS)
        writer.writeheader()
        writer.writerow(dict(zip(FIELDS, ["GET", TRIVIAL, 100, 0, 5.0, 10, 20, 30], strict=True)))
        writer.writerow(dict(zip(FIELDS, ["GET", "Mijn werk", 300, 2, 15.0, 40, 90, 120], strict=True)))
        writer.writerow(dict(zip(FIELDS, ["", "Aggregated", 400, 2, 20.0, 30, 80, 110], strict=True)))
    command = Command(stdout=io.StringIO())
    rows = {row["page"]: row for row in command.report(stats, 50, "2.0,8.0")}
    assert set(rows) == {TRIVIAL, "Mijn werk"}
    assert rows["Mijn werk"]["ratio_to_trivial"] == 0.25
    assert rows["Mijn werk"]["failures"] == 2
    assert rows[TRIVIAL]["ratio_to_trivial"] == 1.0
    output = command.stdout.getvalue()
    assert "denktijd 2.0-8.0 s" in output
    assert "fouten in totaal: 2" in output
