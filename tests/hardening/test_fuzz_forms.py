"""Fast fuzzing: every form and filter class of the project, bound directly (no HTTP), with hostile input.

The HTTP-level fuzz (test_fuzz.py) costs ~0.2 s per input through middleware, login checks and templates; here one
input costs about a millisecond, so ``make fuzz`` runs well over 50,000 inputs in minutes. Each form is bound with
generated data (the same hostile values as test_fuzz.py, mixed with the field's own valid choices so that inputs
also get past the first check), ``is_valid()`` must return without an exception, and where the view then calls a
cheap selector (search, filter querysets) that is called as well. An exception of any kind would be an HTTP 500.

Every form and FilterSet class found in the project's form, filter and admin modules must have a builder below
(``test_every_form_class_is_fuzzed``), so a new form cannot slip past.

Budget: ``FUZZ_FORM_EXAMPLES`` examples per form variant (default 15 in the default suite; make fuzz: 1,500).
"""

import contextlib
import importlib
import inspect
import os
import time

import django_filters
import pytest
from django import forms
from django.test import RequestFactory
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.choices import CasusStatus
from cases.models import Casus
from zvh.accounts.choices import Role
from zvh.accounts.models import Organisation, User

from ..conftest import make_user
from .test_fuzz import text

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

EXAMPLES = int(os.environ.get("FUZZ_FORM_EXAMPLES", "15"))
COUNTER = {"inputs": 0, "valid": 0, "seconds": 0.0}
MODULES = [
    "cases.forms",
    "triage.forms",
    "reporting.forms",
    "facilitering.forms",
    "facilitering.filters",
    "privacy.forms",
    "privacy.filters",
    "zvh.accounts.forms",
    "zvh.accounts.admin",
    "zsm.forms",
    "netwerk.forms",
    "zvh.notifications.forms",
]


def discovered() -> set[str]:
    """Every concrete form / FilterSet class defined in the project modules above."""
    found = set()
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, obj in vars(module).items():
            if not inspect.isclass(obj) or obj.__module__ != name or attr.startswith("_"):
                continue
            if issubclass(obj, forms.BaseForm) or issubclass(obj, django_filters.FilterSet):
                found.add(f"{name}.{attr}")
    return found


def _request(user):
    request = RequestFactory().post("/")
    request.user = user
    request.session = {}
    return request


def _cheap_search(form, world):
    """What cases.views.search does with a valid ZoekForm."""
    from cases.selectors import casus_by_number, persoon_search

    data = form.cleaned_data
    if data["casusnummer"]:
        list(casus_by_number(user=world["regisseur"], nummer=data["casusnummer"]))
    if data["naam"] or data["bsn"] or data["geboortedatum"]:
        list(
            persoon_search(
                user=world["regisseur"], naam=data["naam"], bsn=data["bsn"], geboortedatum=data["geboortedatum"]
            )
        )


def _filter_qs(filterset, world):
    list(filterset.qs[:5])


def _variants(world) -> dict[str, list[dict]]:
    """class path → list of constructor kwargs (one fuzz target each); ``None`` key ``_after``: the cheap call."""
    from cases.models import Casusoverleg
    from cases.selectors import casus_list
    from facilitering.selectors.bookings import bookings_for_user
    from privacy import selectors as privacy_selectors
    from reporting.choices import Soort
    from reporting.models import Activiteit
    from triage.models import Aanmelding, TriageSessie

    partners = Organisation.objects.all()
    sec, regisseur = world["secretariaat"], world["regisseur"]
    return {
        "zvh.accounts.forms.LoginForm": [{"request": _request(User())}],
        "zvh.accounts.admin.UserAddForm": [{}],
        "privacy.forms.PeriodForm": [{}],
        "privacy.forms.PersonLookupForm": [{}],
        "privacy.filters.LoginFilter": [{"queryset": privacy_selectors.login_records(), "_after": _filter_qs}],
        "privacy.filters.LoginFailureFilter": [{"queryset": privacy_selectors.login_failures(), "_after": _filter_qs}],
        "cases.forms.CasusFilter": [
            {"queryset": casus_list(regisseur), "user": regisseur, "_after": _filter_qs},
            {"queryset": casus_list(world["partner"]), "user": world["partner"], "_after": _filter_qs},
        ],
        "cases.forms.TransitionForm": [{"casus": Casus(status=status)} for status in CasusStatus.values],
        "cases.forms.PlanForm": [{}],
        "cases.forms.AfspraakForm": [{}],
        "cases.forms.AfspraakStatusForm": [{}],
        "cases.forms.AfspraakDeadlineForm": [{}],
        "cases.forms.LogboekForm": [{"partner": False}, {"partner": True}],
        "cases.forms.GrantForm": [{}],
        "cases.forms.GrantChangeForm": [{}],
        "cases.forms.OverlegForm": [{}],
        "cases.forms.AgendapuntForm": [{}],
        "cases.forms.WachtendeCasussenForm": [{"casussen": casus_list(regisseur)}],
        "cases.forms.AgenderenForm": [{"overleggen": list(Casusoverleg.objects.all())}, {"overleggen": []}],
        "cases.forms.GrondslagForm": [{"editing": False}, {"editing": True}],
        "cases.forms.VerslagForm": [{}],
        "cases.forms.DeelnemerForm": [{}],
        "cases.forms.ZoekForm": [{"_after": _cheap_search}],
        "triage.forms.AanmeldingForm": [{"on_behalf": False}, {"on_behalf": True}],
        "triage.forms.BetrokkeneForm": [{}],
        "triage.forms.PlaatsenForm": [{"sessies": TriageSessie.objects.all()}],
        "triage.forms.SessieForm": [{}, {"upcoming": True}],
        "triage.forms.WachtendeAanmeldingenForm": [{"aanmeldingen": Aanmelding.objects.all()}],
        "triage.forms.AanvullingVraagForm": [{}],
        "triage.forms.AanvullingAntwoordForm": [{}],
        "triage.forms.WegingForm": [{}],
        "triage.forms.AdviesForm": [{}],
        "reporting.forms.PeriodForm": [{}],
        "reporting.forms.JaarplanCopyForm": [{}],
        "reporting.forms.ActiviteitForm": [{}],
        "reporting.forms.RealisatieForm": [
            {"activiteit": Activiteit(soort=soort), "measured": measured}
            for soort in Soort.values
            for measured in (False, True)
        ],
        "facilitering.forms.BookingForm": [
            {"user": sec, "partners": partners, "staff": True, "series": True},
            {"user": world["partner"], "partners": partners, "staff": False, "series": False},
        ],
        "netwerk.forms.ActiviteitForm": [{}],
        "netwerk.forms.DeelnameForm": [{}],
        "netwerk.forms.JaarForm": [{}],
        "facilitering.forms.ConfirmForm": [{}],
        "facilitering.forms.RealiseForm": [{}],
        "facilitering.forms.CancelForm": [{}],
        "facilitering.forms.SeriesCancelForm": [{}],
        "facilitering.forms.AgreementForm": [{"editing": False}, {"editing": True}],
        "facilitering.forms.CalendarForm": [{"partners": partners}],
        "facilitering.forms.BudgetForm": [{}],
        "zsm.forms.ContextverzoekForm": [
            {"on_behalf": False, "organisation": world["partner"].organisation},
            {"on_behalf": True},
        ],
        "zsm.forms.AntwoordForm": [{}],
        "zvh.notifications.forms.PreferenceForm": [{}],
        "facilitering.filters.BookingFilter": [
            {"queryset": bookings_for_user(sec), "request": _request(sec), "_after": _filter_qs}
        ],
    }


@pytest.fixture
def world(db):
    return {
        "regisseur": make_user(Role.PROCESREGISSEUR),
        "secretariaat": make_user(Role.SECRETARIAAT),
        "partner": make_user(Role.KETENPARTNER),
    }


def _field_values(field) -> list:
    """Valid-looking values for one field, so generated input also reaches the later checks."""
    values: list = []
    choices = getattr(field, "choices", None)
    if choices is not None:
        with contextlib.suppress(TypeError):  # a callable or lazy iterator that cannot be listed
            values += [str(key) for key, _label in list(choices)[:20] if key not in ("", None)]
    if isinstance(field, forms.DateField | forms.DateTimeField):
        values += ["2022-03-15", "15-03-2022", "1900-01-01", "2100-12-31"]
    if isinstance(field, forms.TimeField):
        values += ["09:00", "23:59", "24:00", "00:00"]
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        values += ["0", "1", "-1", "12,5", "99999999999"]
    if isinstance(field, forms.BooleanField | forms.NullBooleanField):
        values += ["on", "true", "false", "2"]
    return values


def _strategy(fields: dict) -> st.SearchStrategy:
    def value_for(field):
        own = _field_values(field)
        single = st.one_of(text, st.sampled_from(own)) if own else text
        return st.lists(single, min_size=1, max_size=3)

    return st.fixed_dictionaries({}, optional={name: value_for(field) for name, field in fields.items()})


def _build(path: str, kwargs: dict, data=None):
    module, attr = path.rsplit(".", 1)
    cls = getattr(importlib.import_module(module), attr)
    kwargs = {k: v for k, v in kwargs.items() if k != "_after"}
    return cls(data=data, **kwargs)


def test_every_form_class_is_fuzzed(world):
    assert discovered() == set(_variants(world))


def _fuzz(path: str, kwargs: dict, world: dict) -> None:
    unbound = _build(path, kwargs)
    fields = unbound.form.fields if isinstance(unbound, django_filters.FilterSet) else unbound.fields
    after = kwargs.get("_after")

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])  # fmt: skip
    @given(data=_strategy(fields))
    def run(data):
        COUNTER["inputs"] += 1
        bound = _build(path, kwargs, MultiValueDict(data))
        if bound.is_valid():
            COUNTER["valid"] += 1
            if after is not None:
                after(bound, world)

    run()


@pytest.mark.parametrize("path", sorted(discovered()))
def test_no_bound_form_raises(path, world):
    start = time.monotonic()
    for kwargs in _variants(world)[path]:
        _fuzz(path, kwargs, world)
    COUNTER["seconds"] += time.monotonic() - start


def test_zz_report_the_number_of_form_inputs():
    """Printed with -s (make fuzz shows it)."""
    print(
        f"\nfuzz (forms, direct): {COUNTER['inputs']} inputs ({COUNTER['valid']} valid) in {COUNTER['seconds']:.0f} s,"
        " 0 exceptions"
    )
