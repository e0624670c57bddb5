"""The access log (NEN 7513 by analogy): what every view of personal data writes, append-only, and the FG's screens."""

import re
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.contrib import admin
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from cases.choices import Relatie, Thema
from privacy.admin import AccessLogEntryAdmin
from privacy.choices import AccessAction, AccessResult
from privacy.models import AccessLogEntry, AccessLogPerson, AppendOnlyError
from privacy.selectors import person_access_log
from privacy.services import access_log_record
from tests.cases.world import make_person, open_case
from tests.conftest import make_user, verified_client
from tests.factories import OrganisationFactory
from tests.triage.world import person, submitted
from triage import services as triage_services
from triage.choices import BordSoort
from triage.models import TriageBord
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db
IP = "203.0.113.7"


@pytest.fixture
def regisseur(user_factory):
    return user_factory(Role.PROCESREGISSEUR)


@pytest.fixture
def reclassering(db):
    return OrganisationFactory(reclassering=True)


@pytest.fixture
def fg(client_for):
    return client_for(Role.FG)


def casus_url(casus) -> str:
    return reverse("cases:casus_detail", kwargs={"pk": casus.pk})


def new_entries(before_id: int):
    return list(AccessLogEntry.objects.filter(id__gt=before_id).order_by("id"))


def last_id() -> int:
    return AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0


def person_ids(entry) -> set[int]:
    return set(entry.persons.values_list("person_id", flat=True))


def case_with_family(regisseur, partner, thema=Thema.COMPLEX):
    hoofd = make_person("Jan", "Vries", tussenvoegsel="de", bsn="999990019", geboortedatum=date(1979, 3, 14))
    kind = make_person("Mila", "Vries", geboortedatum=date(2012, 6, 1))
    casus = open_case(regisseur=regisseur, partner=partner, persoon=hoofd, thema=thema, betrokkenen=[(kind, "kind")])
    return casus, hoofd, kind


# --- What a row holds -------------------------------------------------------------------------------------------


def test_a_case_detail_writes_a_complete_row(client_for, regisseur):
    client, partner = client_for(Role.KETENPARTNER)
    casus, hoofd, kind = case_with_family(regisseur, partner.organisation)
    correlation_id = uuid.uuid4().hex
    start, before = timezone.now(), last_id()
    response = client.get(casus_url(casus), REMOTE_ADDR=IP, HTTP_X_CORRELATION_ID=correlation_id)
    assert response.status_code == 200
    [entry] = new_entries(before)
    assert start <= entry.timestamp <= timezone.now()
    assert (entry.user, entry.username, entry.organisation) == (partner, partner.username, partner.organisation)
    assert entry.role == Role.KETENPARTNER and entry.on_behalf_of == casus.aanbrengende_partner
    assert (entry.action, entry.object_type, entry.object_ids) == (AccessAction.READ, "cases.casus", [str(casus.pk)])
    assert person_ids(entry) == {hoofd.pk, kind.pk}
    assert entry.result == AccessResult.ALLOWED
    assert entry.ip_address == IP
    # The server's id, never the client's (issue 15, finding 6); the response carries the stored one.
    assert entry.correlation_id != correlation_id and response["X-Correlation-ID"] == entry.correlation_id
    assert entry.view_name == "cases:casus_detail"


def test_on_behalf_of_is_the_aanbrengende_partner_not_the_viewers_organisation(client_for, reclassering):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    casus, _hoofd, _kind = case_with_family(regisseur, reclassering)
    before = last_id()
    client.get(casus_url(casus))
    [entry] = new_entries(before)
    assert entry.on_behalf_of == reclassering and entry.organisation == regisseur.organisation
    assert entry.role == Role.PROCESREGISSEUR


def test_without_a_correlation_header_a_fresh_id_is_stored_and_returned(client_for, regisseur):
    client, partner = client_for(Role.KETENPARTNER)
    casus, _hoofd, _kind = case_with_family(regisseur, partner.organisation)
    before = last_id()
    response = client.get(casus_url(casus))
    [entry] = new_entries(before)
    assert re.fullmatch(r"[0-9a-f]{32}", entry.correlation_id)
    assert response["X-Correlation-ID"] == entry.correlation_id


def test_a_list_logs_exactly_the_ids_shown_on_that_page(client_for):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    partner = OrganisationFactory(politie=True)
    cases = [open_case(regisseur=regisseur, partner=partner, persoon=make_person("P", f"Nr{n:02d}")) for n in range(27)]
    before = last_id()
    client.get(reverse("cases:casus_list"))
    client.get(reverse("cases:casus_list"), {"pagina": 2})
    first, second = new_entries(before)
    assert len(first.object_ids) == 25 and len(second.object_ids) == 2
    assert set(first.object_ids) | set(second.object_ids) == {str(c.pk) for c in cases}
    by_pk = {str(c.pk): c.hoofdpersoon_id for c in cases}
    assert person_ids(first) == {by_pk[pk] for pk in first.object_ids}
    assert person_ids(second) == {by_pk[pk] for pk in second.object_ids}


def test_a_filtered_list_logs_only_what_the_filter_shows(client_for):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    partner = OrganisationFactory(politie=True)
    shown = open_case(regisseur=regisseur, partner=partner, persoon=make_person("Ada", "Zichtbaar"), thema="jeugd")
    open_case(regisseur=regisseur, partner=partner, persoon=make_person("Bob", "Verborgen"))
    before = last_id()
    page = client.get(reverse("cases:casus_list"), {"thema": "jeugd"}).content.decode()
    assert "Zichtbaar" in page and "Verborgen" not in page
    [entry] = new_entries(before)
    assert entry.object_ids == [str(shown.pk)] and person_ids(entry) == {shown.hoofdpersoon_id}


def test_a_search_logs_the_persons_found(client_for, regisseur):
    client, partner = client_for(Role.KETENPARTNER)
    casus, hoofd, kind = case_with_family(regisseur, partner.organisation)
    make_person("Karel", "Vries")  # not in any case of the partner: never shown, never logged
    before = last_id()
    response = client.post(reverse("cases:search"), {"naam": "Vries"}, follow=True)
    assert response.status_code == 200
    [entry] = new_entries(before)
    assert (entry.action, entry.object_type) == (AccessAction.SEARCH, "cases.persoon")
    assert person_ids(entry) == {hoofd.pk, kind.pk}
    assert "Karel" not in response.content.decode()


def test_a_denied_attempt_on_an_existing_case_is_logged(client_for, regisseur, reclassering):
    client, partner = client_for(Role.KETENPARTNER)
    casus, hoofd, kind = case_with_family(regisseur, reclassering)
    correlation_id = uuid.uuid4().hex
    before = last_id()
    response = client.get(casus_url(casus), REMOTE_ADDR=IP, HTTP_X_CORRELATION_ID=correlation_id)
    assert response.status_code == 404
    assert "Vries" not in response.content.decode()
    [entry] = new_entries(before)
    assert (entry.result, entry.user, entry.role) == (AccessResult.DENIED, partner, Role.KETENPARTNER)
    assert (entry.object_type, entry.object_ids) == ("cases.casus", [str(casus.pk)])
    assert entry.on_behalf_of == reclassering and person_ids(entry) == {hoofd.pk, kind.pk}
    assert entry.ip_address == IP and entry.correlation_id not in ("", correlation_id)


def test_an_expired_grant_is_a_denied_attempt(client_for, regisseur, reclassering):
    client, partner = client_for(Role.KETENPARTNER)
    casus, _hoofd, _kind = case_with_family(regisseur, reclassering)
    now = timezone.now()
    case_services.grant_create(
        casus=casus,
        by=regisseur,
        organisatie=partner.organisation,
        rol="deelnemer",
        doel="Was betrokken",
        geldig_van=now - timedelta(days=60),
        geldig_tot=now - timedelta(days=1),
    )
    before = last_id()
    assert client.get(casus_url(casus)).status_code == 404
    [entry] = new_entries(before)
    assert entry.result == AccessResult.DENIED


def test_a_non_existing_case_writes_nothing(client_for):
    client, _partner = client_for(Role.KETENPARTNER)
    before = AccessLogEntry.objects.count()
    assert client.get(reverse("cases:casus_detail", kwargs={"pk": 424242})).status_code == 404
    assert AccessLogEntry.objects.count() == before and AccessLogPerson.objects.count() == 0


def test_a_restricted_theme_is_denied_and_logged_even_with_a_grant(client_for, regisseur):
    client, partner = client_for(Role.KETENPARTNER)
    casus, _hoofd, _kind = case_with_family(regisseur, partner.organisation, thema=Thema.RADICALISERING)
    before = last_id()
    assert client.get(casus_url(casus)).status_code == 404
    [entry] = new_entries(before)
    assert entry.result == AccessResult.DENIED and entry.object_ids == [str(casus.pk)]


# --- Every view of personal data writes a row ---------------------------------------------------------------------


@pytest.fixture
def world(client_for, reclassering):
    """One of everything a procesregisseur can look at, built through the services."""
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    melder = make_user(Role.KETENPARTNER)
    casus, hoofd, kind = case_with_family(regisseur, reclassering)
    overleg = case_services.overleg_create(
        by=regisseur,
        datum_tijd=timezone.now() + timedelta(days=7),
        locatie="ZVH",
        soort="casusoverleg",
        voorzitter=regisseur,
    )
    case_services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
    waiting = submitted(melder, persons=[person("Wacht", "Nogeven")])
    on_board = submitted(melder, persons=[person("Op", "Hetbord")])
    moment = triage_services.sessie_get_or_create(
        bord=TriageBord.objects.get(soort=BordSoort.MASS_VT), datum=date(2022, 3, 15), by=regisseur
    )
    triage_services.aanmelding_place(aanmelding=on_board, sessie=moment, by=regisseur)
    advies = triage_services.advies_register(
        by=regisseur,
        datum=date(2022, 3, 10),
        organisatie=reclassering,
        vrager="Reclasseringswerker",
        thema=Thema.COMPLEX,
        vraag="Vraag",
        advies="Advies",
        tijd_minuten=10,
        betreft_persoon="Jan de Vries",
    )

    def persons(aanmelding):
        return set(aanmelding.betrokkenen.values_list("persoon_id", flat=True))

    return {
        "client": client,
        "regisseur": regisseur,
        "casus": casus,
        "case_persons": {hoofd.pk, kind.pk},
        "hoofd": hoofd,
        "overleg": overleg,
        "waiting": waiting,
        "on_board": on_board,
        "moment": moment,
        "advies": advies,
        "aanmelding_persons": persons(waiting) | persons(on_board),
        "board_persons": persons(on_board),
        "waiting_persons": persons(waiting),
    }


# (url name, kwargs, object type, action, person ids that must be in the row)
PERSONAL_VIEWS = [
    ("cases:casus_detail", lambda w: {"pk": w["casus"].pk}, "cases.casus", "read", lambda w: w["case_persons"]),
    ("cases:casus_list", lambda w: {}, "cases.casus", "list", lambda w: {w["hoofd"].pk}),
    ("cases:grant_list", lambda w: {"pk": w["casus"].pk}, "cases.casus", "read", lambda w: w["case_persons"]),
    ("cases:plan_edit", lambda w: {"pk": w["casus"].pk}, "cases.casus", "update", lambda w: w["case_persons"]),
    ("cases:persoon_detail", lambda w: {"pk": w["hoofd"].pk}, "cases.persoon", "read", lambda w: {w["hoofd"].pk}),
    (
        "cases:overleg_detail",
        lambda w: {"pk": w["overleg"].pk},
        "cases.casusoverleg",
        "read",
        lambda w: {w["hoofd"].pk},
    ),
    ("cases:dashboard", lambda w: {}, "cases.dashboard", "list", lambda w: {w["hoofd"].pk} | w["aanmelding_persons"]),
    ("triage:aanmelding_list", lambda w: {}, "triage.aanmelding", "list", lambda w: w["aanmelding_persons"]),
    (
        "triage:aanmelding_detail",
        lambda w: {"pk": w["waiting"].pk},
        "triage.aanmelding",
        "read",
        lambda w: w["waiting_persons"],
    ),
    ("triage:board_list", lambda w: {}, "triage.aanmelding", "list", lambda w: w["waiting_persons"]),
    (
        "triage:sessie_detail",
        lambda w: {"pk": w["moment"].pk},
        "triage.aanmelding",
        "list",
        lambda w: w["board_persons"],
    ),
    (
        "triage:weging_create",
        lambda w: {"pk": w["on_board"].pk},
        "triage.aanmelding",
        "update",
        lambda w: w["board_persons"],
    ),
    ("triage:advies_list", lambda w: {}, "triage.advies", "list", lambda w: set()),
]


@pytest.mark.parametrize(
    ("name", "kwargs", "object_type", "action", "persons"), PERSONAL_VIEWS, ids=[v[0] for v in PERSONAL_VIEWS]
)
def test_every_view_of_personal_data_writes_a_row(world, name, kwargs, object_type, action, persons):
    correlation_id = uuid.uuid4().hex
    before = last_id()
    response = world["client"].get(
        reverse(name, kwargs=kwargs(world)), REMOTE_ADDR=IP, HTTP_X_CORRELATION_ID=correlation_id
    )
    assert response.status_code == 200
    # A page may show a second list (a triage moment: the aanmeldingen waiting for one), logged in the same request.
    entry, *others = new_entries(before)
    assert all((o.correlation_id, o.result) == (entry.correlation_id, AccessResult.ALLOWED) for o in others)
    assert (entry.user, entry.role, entry.result) == (world["regisseur"], Role.PROCESREGISSEUR, AccessResult.ALLOWED)
    assert (entry.object_type, entry.action) == (object_type, action)
    assert entry.ip_address == IP and entry.correlation_id not in ("", correlation_id)
    assert person_ids(entry) == persons(world)


def test_printing_an_agenda_is_logged_as_an_export(world):
    before = last_id()
    assert world["client"].get(reverse("cases:overleg_print", kwargs={"pk": world["overleg"].pk})).status_code == 200
    [entry] = new_entries(before)
    assert entry.object_type == "cases.casusoverleg" and person_ids(entry) == {world["hoofd"].pk}
    assert entry.action == AccessAction.EXPORT


# --- Append-only ---------------------------------------------------------------------------------------------------


@pytest.fixture
def entry(regisseur):
    persoon = make_person("Jan", "Vries")
    return access_log_record(
        request=None,
        user=regisseur,
        action=AccessAction.READ,
        object_type="cases.casus",
        object_ids=[1],
        person_ids=[persoon.pk],
    )


WRITES = {
    "manager.update": lambda e: AccessLogEntry.objects.update(action="delete"),
    "filter.update": lambda e: AccessLogEntry.objects.filter(pk=e.pk).update(result="denied"),
    "update_or_create": lambda e: AccessLogEntry.objects.update_or_create(pk=e.pk, defaults={"result": "denied"}),
    "bulk_update": lambda e: AccessLogEntry.objects.bulk_update([e], ["result"]),
    "manager.delete": lambda e: AccessLogEntry.objects.all().delete(),
    "filter.delete": lambda e: AccessLogEntry.objects.filter(pk=e.pk).delete(),
    "instance.save": lambda e: (setattr(e, "result", "denied"), e.save()),
    "instance.delete": lambda e: e.delete(),
    "persons.update": lambda e: AccessLogPerson.objects.filter(entry=e).update(person_id=0),
    "persons.delete": lambda e: AccessLogPerson.objects.filter(entry=e).delete(),
    "person.save": lambda e: e.persons.get().save(),
    "person.delete": lambda e: e.persons.get().delete(),
    "related.delete": lambda e: e.persons.all().delete(),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_rows_cannot_be_changed_or_removed_through_the_application(entry, write):
    person_id = entry.persons.get().person_id
    with pytest.raises(AppendOnlyError), transaction.atomic():
        write(entry)
    stored = AccessLogEntry.objects.get(pk=entry.pk)
    assert (stored.action, stored.result) == (AccessAction.READ, AccessResult.ALLOWED)
    assert list(stored.persons.values_list("person_id", flat=True)) == [person_id]


def test_the_admin_is_read_only_even_for_a_superuser(entry):
    superuser = make_user(Role.BEHEERDER, is_superuser=True)
    request = RequestFactory().get("/")
    request.user = superuser
    model_admin = AccessLogEntryAdmin(AccessLogEntry, admin.site)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    assert "delete_selected" not in model_admin.get_actions(request)
    client = verified_client(superuser)
    base = "/beheer/privacy/accesslogentry/"
    assert client.get(f"{base}add/").status_code == 403
    assert client.post(f"{base}add/", {"action": "read"}).status_code == 403
    assert client.post(f"{base}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"{base}{entry.pk}/change/", {"result": "denied"}).status_code == 403
    client.post(base, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"})
    assert AccessLogEntry.objects.filter(pk=entry.pk, result=AccessResult.ALLOWED).exists()


def test_the_beheerder_cannot_read_the_access_log_in_the_admin(entry):
    client = verified_client(make_user(Role.BEHEERDER))
    assert client.get("/beheer/privacy/accesslogentry/").status_code == 403
    assert client.get(f"/beheer/privacy/accesslogentry/{entry.pk}/change/").status_code == 403


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE privacy_accesslogentry SET result = 'denied' WHERE id = %s",
        "DELETE FROM privacy_accesslogentry WHERE id = %s",
        "UPDATE privacy_accesslogperson SET person_id = 0 WHERE entry_id = %s",
        "DELETE FROM privacy_accesslogperson WHERE entry_id = %s",
    ],
    ids=["update-entry", "delete-entry", "update-person", "delete-person"],
)
def test_the_database_refuses_raw_update_and_delete(entry, sql):
    with (
        pytest.raises(DatabaseError, match="alleen aan te vullen"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [entry.pk])
    stored = AccessLogEntry.objects.get(pk=entry.pk)
    assert stored.result == AccessResult.ALLOWED and stored.persons.count() == 1


# --- The FG's screens -------------------------------------------------------------------------------------------------


def record_at(moment: datetime, user, persons, *, result=AccessResult.ALLOWED, on_behalf_of=None, object_ids=(1,)):
    with time_machine.travel(moment, tick=False):
        return access_log_record(
            request=None,
            user=user,
            action=AccessAction.READ,
            object_type="cases.casus",
            object_ids=object_ids,
            person_ids=[p.pk for p in persons],
            result=result,
            on_behalf_of_id=on_behalf_of.pk if on_behalf_of else None,
        )


def person_log_url(persoon) -> str:
    return reverse("privacy:person_log", kwargs={"pk": persoon.pk})


def user_log_url(user) -> str:
    return reverse("privacy:user_log", kwargs={"pk": user.pk})


def row_times(page: str) -> list[str]:
    return re.findall(r'<time datetime="([^"]+)">', page)


def test_per_person_who_saw_the_dossier_newest_first(fg, regisseur, reclassering):
    client, _fg_user = fg
    jan, other = make_person("Jan", "Vries"), make_person("Piet", "Anders")
    partner = make_user(Role.KETENPARTNER)
    record_at(datetime(2022, 3, 1, 9, tzinfo=UTC), regisseur, [jan], on_behalf_of=reclassering)
    record_at(datetime(2022, 3, 31, 22, 30, tzinfo=UTC), partner, [jan], result=AccessResult.DENIED)
    record_at(datetime(2022, 2, 1, 9, tzinfo=UTC), regisseur, [jan, other])
    record_at(datetime(2022, 3, 15, 9, tzinfo=UTC), partner, [other])  # not about Jan
    page = client.get(person_log_url(jan), {"van": "2022-01-01", "tot": "2022-12-31"}).content.decode()
    assert "Wie heeft het dossier van Jan Vries ingezien" in page
    assert row_times(page) == [
        "2022-04-01T00:30:00+02:00",  # local time: already 1 April
        "2022-03-01T10:00:00+01:00",
        "2022-02-01T10:00:00+01:00",
    ]
    assert "01-04-2022 00:30:00" in page and "geweigerd" in page
    assert partner.display_name in page and regisseur.display_name in page and str(reclassering) in page
    assert "3 registraties, nieuwste eerst" in page


def test_per_person_period_filter_uses_local_dates(fg, regisseur):
    client, _fg_user = fg
    jan = make_person("Jan", "Vries")
    record_at(datetime(2022, 3, 31, 21, 30, tzinfo=UTC), regisseur, [jan])  # 23:30 local, 31 March
    record_at(datetime(2022, 3, 31, 22, 30, tzinfo=UTC), regisseur, [jan])  # 00:30 local, 1 April
    march = client.get(person_log_url(jan), {"van": "2022-03-01", "tot": "2022-03-31"}).content.decode()
    assert row_times(march) == ["2022-03-31T23:30:00+02:00"]
    april = client.get(person_log_url(jan), {"van": "2022-04-01", "tot": "2022-04-30"}).content.decode()
    assert row_times(april) == ["2022-04-01T00:30:00+02:00"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"van": "gisteren"}, "Voer een geldige datum in."),
        ({"tot": "2022-13-45"}, "Voer een geldige datum in."),
        ({"van": "2022-05-01", "tot": "2022-04-01"}, "‘Vanaf’ ligt na ‘tot en met’."),
    ],
)
def test_bad_dates_give_a_dutch_message_not_an_error(fg, regisseur, params, message):
    client, _fg_user = fg
    jan = make_person("Jan", "Vries")
    for url in (person_log_url(jan), user_log_url(regisseur)):
        response = client.get(url, params)
        assert response.status_code == 200
        assert message in response.content.decode()


def test_per_user_what_they_saw(fg, regisseur):
    client, _fg_user = fg
    jan, piet = make_person("Jan", "Vries"), make_person("Piet", "Anders")
    colleague = make_user(Role.PROCESREGISSEUR)
    record_at(datetime(2022, 3, 1, 9, tzinfo=UTC), regisseur, [jan], object_ids=[11])
    record_at(datetime(2022, 3, 2, 9, tzinfo=UTC), regisseur, [piet], object_ids=[12])
    record_at(datetime(2022, 3, 3, 9, tzinfo=UTC), colleague, [jan], object_ids=[13])
    page = client.get(user_log_url(regisseur), {"van": "2022-01-01", "tot": "2022-12-31"}).content.decode()
    assert row_times(page) == ["2022-03-02T10:00:00+01:00", "2022-03-01T10:00:00+01:00"]
    assert person_log_url(jan) in page and person_log_url(piet) in page
    assert re.findall(r'casus <span class="muted">([^<]*)</span>', page) == ["12", "11"]
    assert "2 registraties, nieuwste eerst" in page


def test_the_fgs_own_viewing_is_logged(fg, regisseur):
    client, fg_user = fg
    jan, piet = make_person("Jan", "Vries"), make_person("Piet", "Anders")
    record_at(datetime(2022, 3, 1, 9, tzinfo=UTC), regisseur, [jan, piet])
    before = last_id()
    client.get(person_log_url(jan), REMOTE_ADDR=IP)
    client.get(user_log_url(regisseur))
    per_person, per_user = new_entries(before)
    assert (per_person.user, per_person.role, per_person.ip_address) == (fg_user, Role.FG, IP)
    assert per_person.object_type == "privacy.toegangsregistratie" and person_ids(per_person) == {jan.pk}
    assert per_user.user == fg_user and per_user.object_ids == [f"gebruiker:{regisseur.pk}"]
    assert person_ids(per_user) == {jan.pk, piet.pk}


def test_the_fg_sees_the_registrations_made_before_opening_the_page(fg, regisseur):
    client, _fg_user = fg
    jan = make_person("Jan", "Vries")
    record_at(datetime(2022, 3, 1, 9, tzinfo=UTC), regisseur, [jan])
    page = client.get(person_log_url(jan)).content.decode()
    assert row_times(page) == ["2022-03-01T10:00:00+01:00"]
    assert "1 registratie, nieuwste eerst" in page and regisseur.display_name in page


def test_the_person_lookup_is_a_post_and_the_bsn_never_in_a_url(fg, regisseur):
    client, fg_user = fg
    jan = make_person("Jan", "Vries", bsn="999990019", geboortedatum=date(1979, 3, 14))
    make_person("Jan", "Anders", bsn="999990020")
    url = reverse("privacy:person_lookup")
    before = last_id()
    page = client.get(url, {"bsn": "999990019"}).content.decode()
    assert "Jan Vries" not in page and new_entries(before) == []  # a GET never searches
    [lookup_form] = [f for f in re.findall(r"<form[^>]*>.*?</form>", page, re.S) if 'name="bsn"' in f]
    assert lookup_form.startswith('<form method="post"') and "csrfmiddlewaretoken" in lookup_form
    response = client.post(url, {"bsn": "999990019"})
    page = response.content.decode()
    assert response.status_code == 200 and "Jan Vries" in page and "Jan Anders" not in page
    assert person_log_url(jan) in page
    assert not [href for href in re.findall(r'(?:href|action)="([^"]*)"', page) if "999990019" in href]
    [entry] = new_entries(before)
    assert (entry.user, entry.action, entry.object_type) == (fg_user, AccessAction.SEARCH, "cases.persoon")
    assert person_ids(entry) == {jan.pk}
    assert "999990019" not in entry.object_ids


def test_the_person_lookup_asks_for_a_bsn_or_name_in_dutch(fg):
    client, _fg_user = fg
    response = client.post(reverse("privacy:person_lookup"), {})
    assert response.status_code == 200 and "Vul een BSN of een achternaam in." in response.content.decode()


FG_SCREENS = [
    ("privacy:person_lookup", None),
    ("privacy:person_log", "persoon"),
    ("privacy:user_list", None),
    ("privacy:user_log", "user"),
]


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.FG])
@pytest.mark.parametrize(("name", "kind"), FG_SCREENS, ids=[s[0] for s in FG_SCREENS])
def test_only_the_fg_may_open_the_screens(client_for, regisseur, role, name, kind):
    jan = make_person("Jan", "Vries")
    kwargs = {"pk": jan.pk} if kind == "persoon" else {"pk": regisseur.pk} if kind == "user" else {}
    client, _user = client_for(role)
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 403
    if name == "privacy:person_lookup":
        assert client.post(reverse(name), {"bsn": "999990019"}).status_code == 403


@pytest.mark.parametrize(("name", "kind"), FG_SCREENS, ids=[s[0] for s in FG_SCREENS])
def test_the_fg_opens_the_screens(fg, regisseur, name, kind):
    client, _fg_user = fg
    jan = make_person("Jan", "Vries")
    kwargs = {"pk": jan.pk} if kind == "persoon" else {"pk": regisseur.pk} if kind == "user" else {}
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200


def test_unknown_person_or_user_is_404(fg):
    client, _fg_user = fg
    assert client.get(reverse("privacy:person_log", kwargs={"pk": 999999})).status_code == 404
    assert client.get(reverse("privacy:user_log", kwargs={"pk": 999999})).status_code == 404


def test_the_fg_screens_do_not_query_per_row(fg, regisseur, reclassering, django_assert_max_num_queries):
    client, _fg_user = fg
    jan = make_person("Jan", "Vries")
    others = [make_person("Kind", f"Vries {n}") for n in range(3)]
    users = [make_user(Role.KETENPARTNER, organisation=OrganisationFactory(name=f"Partner {n}")) for n in range(5)]
    for n in range(30):
        record_at(datetime(2022, 3, 1, 9, n, tzinfo=UTC), users[n % 5], [jan, *others], on_behalf_of=reclassering)
        record_at(datetime(2022, 3, 1, 10, n, tzinfo=UTC), regisseur, [jan, others[n % 3]], on_behalf_of=reclassering)
    with django_assert_max_num_queries(16):
        page = client.get(person_log_url(jan), {"van": "2022-03-01"}).content.decode()
    assert len(row_times(page)) == 50
    with django_assert_max_num_queries(16):
        page = client.get(user_log_url(regisseur), {"van": "2022-03-01"}).content.decode()
    assert len(row_times(page)) == 30


def test_anonymous_is_sent_to_the_login(client):
    url = reverse("privacy:person_lookup")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == f"{reverse('two_factor:login')}?next={url}"


def test_a_case_view_is_found_under_every_person_in_the_case(client_for, regisseur):
    client, partner = client_for(Role.KETENPARTNER)
    casus, hoofd, kind = case_with_family(regisseur, partner.organisation)
    assert casus.betrokkenen.get(persoon=kind).relatie == Relatie.KIND
    assert client.get(casus_url(casus)).status_code == 200
    for persoon in (hoofd, kind):
        [row] = person_access_log(person_id=persoon.pk)
        assert row.entry.user == partner and row.entry.object_ids == [str(casus.pk)]


def test_a_long_user_history_is_counted_about_and_still_links_every_person(fg, regisseur, monkeypatch):
    from zvh.core.pagination import BoundedCountPaginator

    monkeypatch.setattr(BoundedCountPaginator, "exact_limit", 2)
    client, fg_user = fg
    jan, piet = make_person("Jan", "Vries"), make_person("Piet", "Anders")
    for day in (1, 2, 3):
        record_at(datetime(2022, 3, day, 9, tzinfo=UTC), regisseur, [jan, piet], object_ids=[day])
    before = last_id()
    page = client.get(user_log_url(regisseur)).content.decode()
    assert len(row_times(page)) == 3
    if connection.vendor == "postgresql":
        assert re.search(r"ongeveer \d+ registraties, nieuwste eerst", page)
    else:
        assert "3 registraties, nieuwste eerst" in page
    links = f'<a href="{person_log_url(jan)}">{jan.pk}</a>, <a href="{person_log_url(piet)}">{piet.pk}</a>'
    assert page.count(links) == 3
    [entry] = new_entries(before)
    assert person_ids(entry) == {jan.pk, piet.pk}
