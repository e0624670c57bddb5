"""Fuzzing: Hypothesis drives the forms and URL parameters with hostile input; no answer may be an HTTP 500.

Generated values: dates at the edges of the calendar, huge and negative numbers, Unicode (full-width, RTL, emoji,
surrogate-free astral), control characters, very long strings, and the field's own valid choices. Each target is
one URL, one role and the names of the fields its form reads.

Budget: ``FUZZ_EXAMPLES`` examples per target (default 8: the default suite stays well under a minute). Through
the whole stack one input costs ~0.2 s, so this is the sample: ``make fuzz`` runs 40 per target here, and the bulk
(>= 50,000 inputs) through the forms directly in test_fuzz_forms.py.
"""

import os
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zvh.accounts.choices import Role

from ..conftest import make_user, verified_client

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "8"))
COUNTER = {"inputs": 0}

EDGE_DATES = ["0001-01-01", "9999-12-31", "1900-01-01", "2100-12-31", "2022-02-29", "2024-02-29", "0000-00-00",
              "99999-01-01", "2022-13-01", "-2022-01-01", "31-12-2022", "2022-W52"]  # fmt: skip
HUGE = ["18446744073709551616", "9223372036854775808", "-9223372036854775809", "1e309", "NaN", "-0", "0x10",
        "1" * 400, "٣", "１２"]  # fmt: skip
NASTY = ["\x00", "\r\n", "\u2028", "\u202e", "\ufeff", "'; DROP TABLE x;--", "=HYPERLINK(\"x\")", "<script>",
         "ｋｒ８", "😀" * 50, "a" * 20_000, "%00", "../../etc/passwd"]  # fmt: skip

text = st.one_of(
    st.sampled_from(EDGE_DATES + HUGE + NASTY),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(lambda d: d.isoformat()),
    st.times().map(lambda t: t.isoformat()),
)


@dataclass
class Target:
    url_name: str
    role: str
    fields: list[str]
    method: str = "post"
    kwargs: dict = field(default_factory=dict)


TARGETS = [
    Target(
        "facilitering:calendar",
        Role.SECRETARIAAT,
        ["periode", "weergave", "per", "datum", "zaal", "medewerker", "partner"],
        method="get",
    ),  # fmt: skip
    Target("facilitering:booking_list", Role.SECRETARIAAT, ["status", "van", "tot", "partner", "pagina"], "get"),
    Target("facilitering:budget_overview", Role.SECRETARIAAT, ["jaar", "kwartaal"], "get"),
    Target(
        "facilitering:booking_create",
        Role.SECRETARIAAT,
        [
            "organisation",
            "overleg_type",
            "title",
            "date",
            "start_time",
            "end_time",
            "frequency",
            "until",
            "room",
            "participants",
            "support_kinds",
            "planned_hours",
            "medewerker",
            "notes",
            "over_budget_reason",
        ],
    ),  # fmt: skip
    Target(
        "facilitering:booking_create",
        Role.KETENPARTNER,
        ["overleg_type", "title", "date", "start_time", "end_time", "room", "participants", "support_kinds", "notes"],
    ),  # fmt: skip
    Target(
        "facilitering:agreement_create",
        Role.SECRETARIAAT,
        ["organisation", "overleg_types", "hours_per_week", "valid_from", "valid_until", "contact", "notes"],
    ),  # fmt: skip
    Target("cases:overleg_create", Role.PROCESREGISSEUR, ["datum", "tijd", "locatie", "soort", "voorzitter"]),
    Target("cases:casus_list", Role.PROCESREGISSEUR, ["status", "thema", "pagina", "q"], "get"),
    Target("cases:search", Role.PROCESREGISSEUR, ["naam", "bsn", "geboortedatum", "casusnummer"]),
    Target("cases:overleg_list", Role.SECRETARIAAT, ["pagina"], "get"),
    Target("triage:aanmelding_list", Role.PROCESREGISSEUR, ["status", "pagina"], "get"),
    Target(
        "triage:advies_list",
        Role.PROCESREGISSEUR,
        ["pagina", "datum", "vrager", "vraag", "advies", "tijd_minuten", "betreft_persoon"],
    ),  # fmt: skip
    Target("privacy:login_records", Role.FG, ["soort", "username", "van", "tot", "pagina"], "get"),
    Target("privacy:person_lookup", Role.FG, ["bsn", "achternaam", "geboortedatum"]),
    Target("privacy:user_list", Role.FG, ["van", "tot", "pagina", "q"], "get"),
    Target("reporting:dashboard", Role.MANAGER, ["jaar", "kwartaal"], "get"),
    Target("reporting:figures_csv", Role.MANAGER, ["jaar", "kwartaal"], "get"),
    Target("reporting:report_list", Role.MANAGER, ["jaar", "kwartaal"]),
    Target("role_change_list", Role.FG, ["pagina"], "get"),
    Target("two_factor:login", "", ["auth-username", "auth-password", "login_view-current_step"]),
]
PATH_TARGETS = [
    ("facilitering:booking_detail", Role.SECRETARIAAT),
    ("facilitering:booking_ics", Role.SECRETARIAAT),
    ("facilitering:series_detail", Role.SECRETARIAAT),
    ("reporting:report_detail", Role.MANAGER),
    ("reporting:jaarplan_detail", Role.MANAGER),
]


def _client(role: str) -> Client:
    client = verified_client(make_user(role)) if role else Client()
    client.raise_request_exception = False  # an unhandled exception must show up as the 500 it would be
    return client


def _check(response, what) -> None:
    COUNTER["inputs"] += 1
    assert response.status_code != 500, what
    assert response.status_code < 500 or response.status_code == 503, what


@pytest.mark.parametrize("target", TARGETS, ids=[f"{t.url_name}-{t.role or 'anoniem'}" for t in TARGETS])
def test_no_form_or_query_parameter_gives_a_500(target):
    client = _client(target.role)
    url = reverse(target.url_name, kwargs=target.kwargs)
    values = st.fixed_dictionaries({}, optional={name: st.one_of(text, st.lists(text, max_size=3))
                                                 for name in target.fields})  # fmt: skip

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])  # fmt: skip
    @given(data=values)
    def run(data):
        data = {k: v for k, v in data.items() if "\x00" not in str(v) or target.method == "post"}
        response = getattr(client, target.method)(url, data)
        _check(response, (target.url_name, data))

    run()


@pytest.mark.parametrize(("url_name", "role"), PATH_TARGETS)
def test_no_number_in_a_path_gives_a_500(url_name, role):
    client = _client(role)
    key = "jaar" if url_name.endswith("jaarplan_detail") else "pk"

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
    @given(number=st.one_of(st.integers(min_value=0, max_value=2**80), st.sampled_from([2**63, 2**64, 2**63 - 1])))
    def run(number):
        _check(client.get(reverse(url_name, kwargs={key: number})), (url_name, number))

    run()


def test_zz_report_the_number_of_inputs():
    """Printed with -s (make fuzz shows it); the count is over the targets above in this process."""
    print(f"\nfuzz: {COUNTER['inputs']} inputs, 0 HTTP 500")
