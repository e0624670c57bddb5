"""Need-to-know in practice: a partner never sees a person outside their grants — on any page, search result,
agenda or print — and every view of personal data (and every denied attempt) is in the access log."""

import re
from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from cases import services
from cases.choices import LogboekSoort
from privacy.models import AccessLogEntry, AccessLogPerson
from tests.cases.world import case_and_triage_world
from tests.conftest import verified_client
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return case_and_triage_world()


def forbidden_marks(world) -> list[str]:
    """What a Politie partner may never see: persons and case numbers outside their grants."""
    marks = []
    for key in ("p_other", "p_expired", "p_restricted"):
        person = world[key]
        marks += [person.achternaam, person.volledige_naam]
        if person.bsn:
            marks.append(person.bsn)
    marks += [world[k].nummer for k in ("casus_other", "casus_expired", "casus_restricted")]
    return marks


def pages_for_partner(world) -> list[tuple[str, str, dict | None]]:
    overleg, granted = world["overleg"], world["casus_granted"]
    return [
        ("get", reverse("cases:dashboard"), None),
        ("get", reverse("cases:casus_list"), None),
        ("get", reverse("cases:casus_detail", args=[granted.pk]), None),
        ("get", reverse("cases:persoon_detail", args=[granted.hoofdpersoon_id]), None),
        ("get", reverse("cases:overleg_list"), None),
        ("get", reverse("cases:overleg_detail", args=[overleg.pk]), None),
        ("get", reverse("cases:overleg_print", args=[overleg.pk]), None),
        ("get", reverse("triage:aanmelding_list"), None),
        ("post", reverse("cases:search"), {"naam": "Bakker"}),
        ("post", reverse("cases:search"), {"naam": "Jansen"}),
        ("post", reverse("cases:search"), {"naam": "Willems"}),
        ("post", reverse("cases:search"), {"bsn": "999990032"}),
        ("post", reverse("cases:search"), {"bsn": "999990044"}),
        ("post", reverse("cases:search"), {"geboortedatum": "1988-11-23"}),
        ("post", reverse("cases:search"), {"casusnummer": world["casus_other"].nummer}),
    ]


def test_a_non_granted_person_never_appears_anywhere_for_a_partner(world):
    client = verified_client(world["users"][Role.KETENPARTNER])
    marks = forbidden_marks(world)
    for method, url, data in pages_for_partner(world):
        # A search is posted and redirected (post, redirect, get): follow it to the results.
        response = getattr(client, method)(url, data or {}, **({"follow": True} if method == "post" else {}))
        assert response.status_code == 200, url
        # The search form echoes what the user typed; only what the application adds can leak.
        page = re.sub(r'value="[^"]*"', "", response.content.decode())
        leaked = [m for m in marks if m in page]
        assert not leaked, f"{url} {data}: shows {leaked}"
    # ... while the granted person is there where expected
    response = client.post(reverse("cases:search"), {"naam": "Vries"}, follow=True)
    assert world["p_granted"].volledige_naam in response.content.decode()


def test_the_agenda_shows_other_items_only_as_existing(world):
    client = verified_client(world["users"][Role.KETENPARTNER])
    for name in ("cases:overleg_detail", "cases:overleg_print"):
        page = client.get(reverse(name, args=[world["overleg"].pk])).content.decode()
        assert "Agendapunt 1 — " in page and world["casus_granted"].nummer in page
        assert "Agendapunt 2 — geen toegang" in page
        assert world["casus_other"].nummer not in page and "Bakker" not in page


def test_zvh_staff_see_the_whole_agenda(world):
    for role in (Role.PROCESREGISSEUR, Role.SECRETARIAAT):
        page = verified_client(world["users"][role]).get(reverse("cases:overleg_detail", args=[world["overleg"].pk]))
        assert "Bakker" in page.content.decode() and "geen toegang" not in page.content.decode()


def test_case_detail_read_is_logged_with_persons_role_and_on_behalf_of(world):
    user = world["users"][Role.KETENPARTNER]
    casus = world["casus_granted"]
    verified_client(user).get(reverse("cases:casus_detail", args=[casus.pk]), HTTP_X_CORRELATION_ID="b" * 32)
    entry = AccessLogEntry.objects.filter(object_type="cases.casus", object_ids=[str(casus.pk)]).latest("id")
    assert entry.user == user and entry.role == "ketenpartner" and entry.organisation == user.organisation
    assert entry.on_behalf_of == casus.aanbrengende_partner
    assert entry.action == "read" and entry.result == "allowed"
    assert entry.correlation_id not in ("", "b" * 32) and entry.ip_address == "127.0.0.1"  # the server's id
    assert set(entry.persons.values_list("person_id", flat=True)) == {casus.hoofdpersoon_id}


def test_a_denied_attempt_on_an_existing_case_is_logged(world):
    user = world["users"][Role.KETENPARTNER]
    other = world["casus_other"]
    response = verified_client(user).get(reverse("cases:casus_detail", args=[other.pk]))
    assert response.status_code == 404
    entry = AccessLogEntry.objects.get(user=user, result="denied")
    assert entry.object_ids == [str(other.pk)] and entry.on_behalf_of == other.aanbrengende_partner
    assert set(entry.persons.values_list("person_id", flat=True)) == {other.hoofdpersoon_id}
    verified_client(user).get(reverse("cases:casus_detail", args=[999999]))
    assert AccessLogEntry.objects.filter(user=user, result="denied").count() == 1  # non-existing: nothing to log


def test_lists_and_searches_log_the_persons_shown(world):
    regisseur = world["users"][Role.PROCESREGISSEUR]
    client = verified_client(regisseur)
    client.get(reverse("cases:casus_list"))
    listed = AccessLogEntry.objects.filter(user=regisseur, object_type="cases.casus").latest("id")
    shown = {world[k].hoofdpersoon_id for k in ("casus_granted", "casus_other", "casus_expired")}
    assert set(listed.persons.values_list("person_id", flat=True)) == shown  # not the restricted one
    client.post(reverse("cases:search"), {"naam": "Bakker"}, follow=True)
    search = AccessLogEntry.objects.filter(user=regisseur, action="search").latest("id")
    assert list(search.persons.values_list("person_id", flat=True)) == [world["p_other"].pk]


def test_agenda_and_print_are_logged(world):
    user = world["users"][Role.KETENPARTNER]
    client = verified_client(user)
    for name in ("cases:overleg_detail", "cases:overleg_print"):
        client.get(reverse(name, args=[world["overleg"].pk]))
    entries = AccessLogEntry.objects.filter(user=user, object_type="cases.casusoverleg")
    assert entries.count() == 2
    for entry in entries:
        assert set(entry.persons.values_list("person_id", flat=True)) == {world["casus_granted"].hoofdpersoon_id}


def test_partners_do_not_see_internal_logbook_entries(world):
    regisseur = world["users"][Role.PROCESREGISSEUR]
    casus = world["casus_granted"]
    services.logboek_add(
        casus=casus, by=regisseur, soort=LogboekSoort.NOTITIE, tekst="Interne inschatting XYZ", alleen_procesregie=True
    )
    services.logboek_add(casus=casus, by=regisseur, soort=LogboekSoort.NOTITIE, tekst="Gedeelde notitie ABC")
    url = reverse("cases:casus_detail", args=[casus.pk])
    partner_page = verified_client(world["users"][Role.KETENPARTNER]).get(url).content.decode()
    assert "Gedeelde notitie ABC" in partner_page and "Interne inschatting XYZ" not in partner_page
    assert "Interne inschatting XYZ" in verified_client(regisseur).get(url).content.decode()


def test_partner_adds_information_but_not_internal_notes(world):
    user = world["users"][Role.KETENPARTNER]
    casus = world["casus_granted"]
    response = verified_client(user).post(
        reverse("cases:logboek_create", args=[casus.pk]),
        {"tekst": "Aangifte opgenomen", "soort": "notitie", "alleen_procesregie": "on"},
    )
    assert response.status_code == 302
    entry = casus.logboek.get(tekst="Aangifte opgenomen")
    assert entry.soort == LogboekSoort.INFORMATIE_PARTNER and not entry.alleen_procesregie
    assert entry.bron == user.organisation.name


# Fixed per request: session, user + organisation, 2FA device, roles + teams. The access log is one statement on
# PostgreSQL; on SQLite it is a savepoint, two inserts and a release (+3).
LOG_EXTRA = 0 if connection.vendor == "postgresql" else 3
LIST_BUDGET = 10 + LOG_EXTRA  # + granted ids (partner), count, rows, access log, filter choices
# + the case, plan goals, persons, access log, afspraken, timeline, grants, the grondslag's name (the FG's list) and,
# for the procesregisseur, the coming overleggen of "Op de agenda zetten".
DETAIL_BUDGET = 13 + LOG_EXTRA


@pytest.mark.parametrize("role", [Role.PROCESREGISSEUR, Role.KETENPARTNER])
def test_list_and_detail_keep_a_fixed_query_budget(world, role, django_assert_max_num_queries):
    """Independent of page size and of how much a case holds: no query per row."""
    regisseur = world["users"][Role.PROCESREGISSEUR]
    client = verified_client(world["users"][role])
    client.get(reverse("cases:casus_list"))  # session settles
    with django_assert_max_num_queries(LIST_BUDGET):
        client.get(reverse("cases:casus_list"))
    casus = world["casus_granted"]
    with django_assert_max_num_queries(DETAIL_BUDGET) as before:
        client.get(reverse("cases:casus_detail", args=[casus.pk]))
    for i in range(5):
        services.logboek_add(casus=casus, by=regisseur, soort="notitie", tekst=f"regel {i}")
        services.afspraak_create(
            casus=casus,
            by=regisseur,
            actie=f"actie {i}",
            deadline=date(2030, 1, 1),
            eigenaar_organisatie=casus.aanbrengende_partner,
        )
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(reverse("cases:casus_detail", args=[casus.pk]))
    assert AccessLogPerson.objects.exists()
