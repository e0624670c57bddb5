"""Dependencies: an installed security-relevant package older than its latest security release fails the suite.

The table (``security-minimums.toml``) is pinned in the repository; no network is needed. `pip-audit` (README,
"Beveiliging") finds advisories newer than the table where an advisory database is reachable.
"""

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.version import Version

TABLE = tomllib.loads((Path(__file__).resolve().parents[2] / "security-minimums.toml").read_text())["packages"]


def too_old(table: dict, installed) -> list[str]:
    problems = []
    for name, entry in table.items():
        try:
            have = installed(name)
        except PackageNotFoundError:
            if entry.get("required"):
                problems.append(f"{name}: niet geïnstalleerd")
            continue
        if Version(have) < Version(entry["minimum"]):
            problems.append(f"{name} {have} < {entry['minimum']} ({entry['why']})")
    return problems


def test_installed_security_relevant_packages_are_at_least_their_latest_security_release():
    assert too_old(TABLE, version) == []


@pytest.mark.parametrize(("installed", "expected"), [("5.2.18", 1), ("5.2.19", 0), ("6.0", 0), ("4.2.30", 1)])
def test_the_check_fails_on_an_older_version(installed, expected):
    table = {"Django": {"minimum": "5.2.19", "required": True, "why": "test"}}
    assert len(too_old(table, lambda name: installed)) == expected


def test_a_missing_required_package_fails():
    def missing(name):
        raise PackageNotFoundError(name)

    assert too_old({"weasyprint": {"minimum": "68.0", "required": True, "why": "x"}}, missing)
