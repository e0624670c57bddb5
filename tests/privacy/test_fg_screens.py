"""Issue 16, "FG screens in plain words": plain Dutch actions, full names and organisations, "laatste maand", CSV."""

import csv
import io
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from privacy.choices import AccessAction, AccessResult
from privacy.models import AccessLogEntry
from privacy.services import access_log_record
from tests.cases.world import make_person
from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def fg():
    return verified_client(make_user(Role.FG))


@pytest.fixture
def partner():
    return make_user(Role.KETENPARTNER, first_name="Sanne", last_name="de Wit", username="swit01")


def record(user, persons, action=AccessAction.READ, result=AccessResult.ALLOWED, when=None):
    with time_machine.travel(when or timezone.now(), tick=False):
        return access_log_record(
            request=None,
            user=user,
            action=action,
            object_type="cases.casus",
            object_ids=[7],
            person_ids=[p.pk for p in persons],
            result=result,
        )


def test_the_person_screen_speaks_plain_dutch_with_names_and_organisations(fg, partner):
    jan = make_person("Jan", "Vries")
    record(partner, [jan], AccessAction.READ)
    record(partner, [jan], AccessAction.LIST)
    record(partner, [jan], AccessAction.READ, AccessResult.DENIED)
    page = fg.get(reverse("privacy:person_log", args=[jan.pk])).content.decode()
    assert "opende het dossier" in page and "zag de naam in een lijst" in page
    assert "probeerde: opende het dossier (geweigerd)" in page
    assert "Sanne de Wit" in page and str(partner.organisation) in page and "Ketenpartner" in page
    assert "swit01" not in page and "cases.casus" not in page
    assert "in een lijst getoond" not in page  # the old technical label


def test_laatste_maand_shows_only_the_last_month(fg, partner):
    jan = make_person("Jan", "Vries")
    record(partner, [jan], when=timezone.now() - timedelta(days=45))
    record(partner, [jan], when=timezone.now() - timedelta(days=3))
    page = fg.get(reverse("privacy:person_log", args=[jan.pk]), {"periode": "maand"}).content.decode()
    assert "1 registratie, nieuwste eerst" in page
    assert "laatste maand" in page
    everything = fg.get(reverse("privacy:person_log", args=[jan.pk])).content.decode()
    assert "3 registraties, nieuwste eerst" in everything  # both, and the FG's own first look


def test_the_csv_follows_the_screen_is_safe_and_logged(fg, partner):
    jan = make_person("Jan", "Vries")
    record(partner, [jan], when=timezone.now() - timedelta(days=45))
    record(partner, [jan], AccessAction.LIST, when=timezone.now() - timedelta(days=2))
    partner.first_name = "=HYPERLINK(1)"
    partner.save()
    before = AccessLogEntry.objects.count()
    response = fg.get(reverse("privacy:person_log_csv", args=[jan.pk]), {"periode": "maand"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Tijdstip", "Wie", "Organisatie", "Rol", "Wat"]
    assert len(rows) == 2  # the header and the one row of the last month
    assert rows[1][1].startswith("'=HYPERLINK")  # neutralised by zvh/csv.py
    assert rows[1][4] == "zag de naam in een lijst" and rows[1][5] == "casus"
    assert "Vries" not in response.content.decode()  # the person is in the URL's number only, never named
    logged = AccessLogEntry.objects.filter(pk__gt=before, action=AccessAction.EXPORT).get()
    assert logged.object_type == "privacy.toegangsregistratie" and list(
        logged.persons.values_list("person_id", flat=True)
    ) == [jan.pk]


def test_the_user_csv_lists_what_the_user_saw(fg, partner):
    jan = make_person("Jan", "Vries")
    record(partner, [jan])
    response = fg.get(reverse("privacy:user_log_csv", args=[partner.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][1] == "Sanne de Wit" and rows[1][4] == "opende het dossier" and rows[1][-1] == str(jan.pk)
    page = fg.get(reverse("privacy:user_log", args=[partner.pk])).content.decode()
    assert reverse("privacy:user_log_csv", args=[partner.pk]) in page and "swit01" not in page


def test_the_csv_is_for_the_fg_only(partner):
    jan = make_person("Jan", "Vries")
    regisseur = verified_client(make_user(Role.PROCESREGISSEUR))
    assert regisseur.get(reverse("privacy:person_log_csv", args=[jan.pk])).status_code == 403
