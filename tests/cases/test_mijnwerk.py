"""Mijn werk (issue 16): where a user lands, afspraken per case with the most urgent first, Gereed and a new
deadline in place (post, redirect, get), the overleggen a partner is invited to, and a page that stays fast."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.choices import AfspraakStatus
from privacy.models import AccessLogEntry
from tests.conftest import make_user, verified_client
from tests.factories import OrganisationFactory
from zvh.accounts.choices import Role

from .world import make_person, open_case

pytestmark = pytest.mark.django_db


def afspraak(casus, by, actie, days, organisatie):
    return services.afspraak_create(
        casus=casus,
        by=by,
        actie=actie,
        deadline=timezone.localdate() + timedelta(days=days),
        eigenaar_organisatie=organisatie,
    )


@pytest.fixture
def two_cases(regisseur, politie):
    calm = open_case(regisseur=regisseur, partner=politie, persoon=make_person("Anna", "Rustig"))
    urgent = open_case(regisseur=regisseur, partner=politie, persoon=make_person("Bram", "Dringend"))
    afspraak(calm, regisseur, "Gesprek school", 3, politie)
    afspraak(calm, regisseur, "Huisbezoek", 10, politie)
    late = afspraak(urgent, regisseur, "Verslag politie", -2, politie)
    afspraak(urgent, regisseur, "Later werk", 60, politie)  # outside the two weeks: not on Mijn werk
    return calm, urgent, late


def test_a_procesregisseur_lands_on_mijn_werk_and_a_manager_on_the_start_page(regisseur):
    landing = reverse("core:landing")
    assert verified_client(regisseur).get(landing)["Location"] == reverse("cases:dashboard")
    manager = make_user(Role.MANAGER)
    assert verified_client(manager).get(landing)["Location"] == reverse("core:home")


def test_afspraken_are_grouped_by_case_with_the_most_urgent_first(regisseur, two_cases):
    calm, urgent, _late = two_cases
    page = verified_client(regisseur).get(reverse("cases:dashboard")).content.decode()
    groups = re.findall(r'id="casus-(\d+)"', page)
    assert groups == [str(urgent.pk), str(calm.pk)]
    assert "1 te laat" in page
    assert "Later werk" not in page
    assert reverse("cases:afspraak_status", args=[_late.pk]) in page  # Gereed in place
    assert f'id="deadline-{_late.pk}"' in page  # a new deadline in place
    # within a case: by deadline
    assert page.index("Gesprek school") < page.index("Huisbezoek")


def test_gereed_in_place_returns_to_mijn_werk(regisseur, two_cases):
    _calm, urgent, late = two_cases
    client = verified_client(regisseur)
    response = client.post(reverse("cases:afspraak_status", args=[late.pk]), {"status": "gereed", "terug": "mijnwerk"})
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:dashboard") + f"#casus-{urgent.pk}"
    late.refresh_from_db()
    assert late.status == AfspraakStatus.GEREED
    page = client.get(response["Location"]).content.decode()
    assert "Verslag politie" in page  # the success message names it ...
    assert f'id="casus-{urgent.pk}"' not in page  # ... and the case has nothing open in the two weeks any more


def test_a_new_deadline_in_place(regisseur, two_cases):
    _calm, _urgent, late = two_cases
    client = verified_client(regisseur)
    url = reverse("cases:afspraak_deadline", args=[late.pk])
    new = timezone.localdate() + timedelta(days=5)
    response = client.post(url, {"deadline": new.isoformat(), "terug": "mijnwerk"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("cases:dashboard"))
    late.refresh_from_db()
    assert late.deadline == new
    # a date in the past is refused with a Dutch message and changes nothing
    response = client.post(url, {"deadline": "2001-01-01", "terug": "mijnwerk"}, follow=True)
    assert "De nieuwe deadline ligt in het verleden" in response.content.decode()
    late.refresh_from_db()
    assert late.deadline == new
    response = client.post(url, {"deadline": "niet-een-datum"}, follow=True)
    assert "Nieuwe deadline niet opgeslagen" in response.content.decode()


def test_deadline_service_rules(regisseur, two_cases):
    _calm, _urgent, late = two_cases
    partner = make_user(Role.KETENPARTNER)
    with pytest.raises(PermissionDenied):
        services.afspraak_set_deadline(afspraak=late, by=partner, deadline=timezone.localdate())
    services.afspraak_set_status(afspraak=late, by=regisseur, status=AfspraakStatus.GEREED)
    with pytest.raises(ValidationError):
        services.afspraak_set_deadline(afspraak=late, by=regisseur, deadline=timezone.localdate())


def test_a_partner_sees_own_afspraken_with_gereed_only_and_the_overleggen_they_are_invited_to(regisseur, politie):
    partner = make_user(Role.KETENPARTNER)
    reclassering = OrganisationFactory(reclassering=True)
    casus = open_case(regisseur=regisseur, partner=politie, persoon=make_person("Jan", "Vries"))
    mine = afspraak(casus, regisseur, "Proces-verbaal opmaken", 4, politie)
    afspraak(casus, regisseur, "Reclasseringsadvies", 4, reclassering)
    overleg = services.overleg_create(
        by=regisseur,
        datum_tijd=timezone.now() + timedelta(days=3),
        locatie="Zaal Mark",
        soort="casusoverleg",
        voorzitter=regisseur,
    )
    services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
    other = services.overleg_create(
        by=regisseur,
        datum_tijd=timezone.now() + timedelta(days=4),
        locatie="Zaal Aa",
        soort="casusoverleg",
        voorzitter=regisseur,
    )
    page = verified_client(partner).get(reverse("cases:dashboard")).content.decode()
    assert "Proces-verbaal opmaken" in page and "Reclasseringsadvies" not in page
    assert reverse("cases:afspraak_status", args=[mine.pk]) in page
    assert reverse("cases:afspraak_deadline", args=[mine.pk]) not in page
    assert "Casusoverleggen waarvoor u bent uitgenodigd" in page
    assert reverse("cases:overleg_detail", args=[overleg.pk]) in page
    assert reverse("cases:overleg_detail", args=[other.pk]) not in page
    # a partner cannot move a deadline, also not with a crafted POST
    response = verified_client(partner).post(
        reverse("cases:afspraak_deadline", args=[mine.pk]), {"deadline": "2030-01-01"}
    )
    assert response.status_code == 403


def test_mijn_werk_logs_the_persons_of_the_afspraken_shown(regisseur, two_cases):
    calm, urgent, _late = two_cases
    verified_client(regisseur).get(reverse("cases:dashboard"))
    entry = AccessLogEntry.objects.filter(user=regisseur, object_type="cases.dashboard").latest("id")
    persons = set(entry.persons.values_list("person_id", flat=True))
    assert {calm.hoofdpersoon_id, urgent.hoofdpersoon_id} <= persons


def _queries(client) -> int:
    client.get(reverse("cases:dashboard"))  # warm: per-process caches (panels, navigation, filter choices)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("cases:dashboard")).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("role", [Role.PROCESREGISSEUR, Role.KETENPARTNER])
def test_mijn_werk_costs_the_same_number_of_queries_for_3_or_60_cases(role, regisseur, politie):
    user = regisseur if role == Role.PROCESREGISSEUR else make_user(Role.KETENPARTNER)
    client = verified_client(user)

    def grow(n):
        for i in range(n):
            casus = open_case(regisseur=regisseur, partner=politie, persoon=make_person("Piet", f"Druk{i}"))
            afspraak(casus, regisseur, f"Actie {i}", i % 12 - 3, politie)
            afspraak(casus, regisseur, f"Tweede actie {i}", i % 9, politie)

    grow(3)
    small = _queries(client)
    grow(57)
    large = _queries(client)
    assert large <= small, (small, large)
    assert large <= 40
    page = client.get(reverse("cases:dashboard")).content.decode()
    assert "Meer afspraken" in page  # the list is capped; the rest is one click away


def test_a_meeting_with_two_of_the_partners_cases_is_listed_once_and_counted_for_the_procesregisseur(
    regisseur, politie
):
    partner = make_user(Role.KETENPARTNER)
    overleg = services.overleg_create(
        by=regisseur,
        datum_tijd=timezone.now() + timedelta(days=2),
        locatie="Zaal Dubbel",
        soort="casusoverleg",
        voorzitter=regisseur,
    )
    for name in ("Eerste", "Tweede"):
        casus = open_case(regisseur=regisseur, partner=politie, persoon=make_person("Kees", name))
        services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
    page = verified_client(partner).get(reverse("cases:dashboard")).content.decode()
    assert page.count(reverse("cases:overleg_detail", args=[overleg.pk])) == 1
    page = verified_client(regisseur).get(reverse("cases:dashboard")).content.decode()
    assert "Zaal Dubbel · 2 agendapunten" in page
