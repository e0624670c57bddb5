"""Triage: boards and triage moments, the Weegploeg, the weging against the national criteria, and the melder."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.access import casus_queryset_for
from cases.choices import Relatie, Thema
from cases.models import Casus
from tests.conftest import make_user
from tests.factories import OrganisationFactory
from triage import services
from triage.choices import CRITERIA, CRITERIA_RULE, AanmeldingStatus, BordSoort, Uitkomst
from triage.models import TriageSessie, Weging
from triage.tasks import send_triage_outcome
from zvh.accounts.choices import Role

from .helpers import CRITERIA_MET, bord, decide, field_errors, placed, text, weegploeg
from .world import person, submitted

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
BOARDS = reverse("triage:board_list")
NUMBER = re.compile(r"^ZVH-(\d{4})-(\d{4})$")


@pytest.fixture
def regisseur(user_factory):
    return user_factory(Role.PROCESREGISSEUR)


@pytest.fixture
def melder(user_factory):
    return user_factory(Role.KETENPARTNER)


@pytest.fixture
def member(user_factory):
    user = user_factory(Role.PROCESREGISSEUR)
    weegploeg().leden.add(user)
    return user


def url(name: str, obj) -> str:
    return reverse(f"triage:{name}", kwargs={"pk": obj.pk})


def sessie(regisseur, soort=BordSoort.MASS_VT, datum=date(2022, 3, 15)) -> TriageSessie:
    return services.sessie_get_or_create(bord=bord(soort), datum=datum, by=regisseur)


# --- Triage moments and placing ------------------------------------------------------------------------------------


def test_procesregisseur_opens_a_triage_moment_and_places_an_aanmelding(client_for, melder):
    client, _regisseur = client_for(Role.PROCESREGISSEUR)
    aanmelding = submitted(melder, spoed=True)
    coming = timezone.localdate() + timedelta(days=7)  # only coming moments are offered
    response = client.post(url("sessie_create", bord()), {"datum": coming.isoformat()})
    moment = TriageSessie.objects.get(bord=bord(), datum=coming)
    assert response.status_code == 302 and response["Location"] == url("sessie_detail", moment)
    detail = client.get(url("aanmelding_detail", aanmelding)).content.decode()
    assert "Agenderen voor triage" in detail and f'<option value="{moment.pk}"' in detail
    response = client.post(url("aanmelding_place", aanmelding), {"sessie": moment.pk})
    assert response.status_code == 302 and response["Location"] == url("sessie_detail", moment)
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.GEAGENDEERD and aanmelding.sessie == moment
    page = client.get(url("sessie_detail", moment)).content.decode()
    assert "Sven Mertens" in page and url("weging_create", aanmelding) in page


def test_the_same_date_on_the_same_board_is_one_triage_moment(regisseur):
    assert sessie(regisseur) == sessie(regisseur)
    assert TriageSessie.objects.filter(bord=bord()).count() == 1


def test_only_a_submitted_undecided_aanmelding_can_be_placed(regisseur, melder):
    concept = services.aanmelding_save_draft(by=melder, data={}, betrokkenen=[person()])
    with pytest.raises(ValidationError, match="Alleen een ingediende aanmelding zonder besluit kan worden geagendeerd"):
        services.aanmelding_place(aanmelding=concept, sessie=sessie(regisseur), by=regisseur)
    decided = submitted(melder)
    placed(decided, regisseur)
    decide(decided, regisseur, uitkomst=Uitkomst.ADVIES)
    decided.refresh_from_db()
    with pytest.raises(ValidationError):
        services.aanmelding_place(aanmelding=decided, sessie=sessie(regisseur, datum=date(2022, 3, 22)), by=regisseur)


def test_a_partner_cannot_open_or_place_on_a_triage_moment(client_for, regisseur):
    client, partner = client_for(Role.KETENPARTNER)
    aanmelding = submitted(partner)
    with pytest.raises(PermissionDenied):
        services.sessie_get_or_create(bord=bord(), datum=date(2022, 3, 15), by=partner)
    with pytest.raises(PermissionDenied):
        services.aanmelding_place(aanmelding=aanmelding, sessie=sessie(regisseur), by=partner)
    assert client.post(url("aanmelding_place", aanmelding), {"sessie": sessie(regisseur).pk}).status_code == 403
    assert client.get(BOARDS).status_code == 403


@pytest.mark.parametrize("name", ["board_list", "sessie_detail", "weging_create", "aanmelding_place"])
def test_anonymous_is_sent_to_the_login(client, regisseur, melder, name):
    aanmelding = placed(submitted(melder), regisseur)
    target = {"sessie_detail": aanmelding.sessie}.get(name, aanmelding)
    path = BOARDS if name == "board_list" else url(name, target)
    response = client.post(path) if name == "aanmelding_place" else client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('two_factor:login')}?next={path}"


# --- The Weegploeg ------------------------------------------------------------------------------------------------


def test_the_weegploeg_board_is_hidden_from_non_members(client_for, member):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    weegploeg_sessie = sessie(member, BordSoort.WEEGPLOEG)
    page = client.get(BOARDS).content.decode()
    assert bord(BordSoort.MASS_VT).naam in page and bord(BordSoort.WEEGPLOEG).naam not in page
    assert client.get(url("sessie_detail", weegploeg_sessie)).status_code == 404
    assert client.post(url("sessie_create", bord(BordSoort.WEEGPLOEG)), {"datum": "2022-04-05"}).status_code == 404
    assert not TriageSessie.objects.filter(datum=date(2022, 4, 5)).exists()
    with pytest.raises(PermissionDenied):
        services.sessie_get_or_create(bord=bord(BordSoort.WEEGPLOEG), datum=date(2022, 4, 5), by=regisseur)


def test_a_non_member_cannot_place_on_or_decide_for_the_weegploeg(client_for, member, melder):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    aanmelding = submitted(melder)  # not radicalisering: the non-member may see the aanmelding itself
    weegploeg_sessie = sessie(member, BordSoort.WEEGPLOEG)
    with pytest.raises(PermissionDenied):
        services.aanmelding_place(aanmelding=aanmelding, sessie=weegploeg_sessie, by=regisseur)
    client.post(url("aanmelding_place", aanmelding), {"sessie": weegploeg_sessie.pk})
    aanmelding.refresh_from_db()
    assert aanmelding.sessie is None and aanmelding.status == AanmeldingStatus.INGEDIEND
    services.aanmelding_place(aanmelding=aanmelding, sessie=weegploeg_sessie, by=member)
    with pytest.raises(PermissionDenied):
        decide(aanmelding, regisseur)
    assert client.get(url("weging_create", aanmelding)).status_code == 404
    response = client.post(url("weging_create", aanmelding), {**_post(CRITERIA_MET), "uitkomst": "advies"})
    assert response.status_code == 404
    assert not Weging.objects.exists()


def test_a_member_works_the_weegploeg_board(client_for, melder):
    client, member = client_for(Role.PROCESREGISSEUR)
    weegploeg().leden.add(member)
    aanmelding = submitted(melder, thema=Thema.RADICALISERING)
    assert bord(BordSoort.WEEGPLOEG).naam in client.get(BOARDS).content.decode()
    response = client.post(url("sessie_create", bord(BordSoort.WEEGPLOEG)), {"datum": "2022-04-05"})
    moment = TriageSessie.objects.get(bord=bord(BordSoort.WEEGPLOEG))
    assert response["Location"] == url("sessie_detail", moment)
    client.post(url("aanmelding_place", aanmelding), {"sessie": moment.pk})
    aanmelding.refresh_from_db()
    assert aanmelding.sessie == moment
    response = client.post(
        url("weging_create", aanmelding), {**_post(CRITERIA_MET), "uitkomst": "opschalen", "motivering": "Nodig."}
    )
    assert response.status_code == 302
    assert Casus.objects.get(aanmelding=aanmelding).thema == Thema.RADICALISERING


def test_radicalisering_must_go_to_the_weegploeg(client_for, melder):
    client, member = client_for(Role.PROCESREGISSEUR)
    weegploeg().leden.add(member)
    aanmelding = submitted(melder, thema=Thema.RADICALISERING)
    with pytest.raises(ValidationError) as exc:
        services.aanmelding_place(aanmelding=aanmelding, sessie=sessie(member), by=member)
    assert exc.value.messages == ["Aanmeldingen over radicalisering worden gewogen op het triagebord van hun team."]
    response = client.post(url("aanmelding_place", aanmelding), {"sessie": sessie(member).pk}, follow=True)
    assert (
        "Aanmeldingen over radicalisering worden gewogen op het triagebord van hun team." in response.content.decode()
    )
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.INGEDIEND and aanmelding.sessie is None


def test_radicalisering_aanmeldingen_are_hidden_from_non_members(client_for, melder):
    client, _regisseur = client_for(Role.PROCESREGISSEUR)
    aanmelding = submitted(melder, thema=Thema.RADICALISERING, persons=[person("Karel", "Willems")])
    assert client.get(url("aanmelding_detail", aanmelding)).status_code == 404
    assert "Karel Willems" not in client.get(BOARDS).content.decode()


# --- The weging -----------------------------------------------------------------------------------------------------


def _post(criteria: dict) -> dict:
    return {name: "on" for name, value in criteria.items() if value}


def test_the_weging_page_shows_the_rule_and_the_four_criteria(client_for, melder):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    aanmelding = placed(submitted(melder), regisseur)
    page = text(client.get(url("weging_create", aanmelding)).content.decode())
    assert "Opschalen past bij criteria 1 én 2, plus 3 of 4." in page and str(CRITERIA_RULE) in page
    for label in CRITERIA.values():
        assert str(label) in page


CRITERIA_CASES = [
    ((True, True, True, False), True),
    ((True, True, False, True), True),
    ((True, True, True, True), True),
    ((True, True, False, False), False),
    ((True, False, True, True), False),
    ((False, True, True, True), False),
    ((False, False, False, False), False),
]


@pytest.mark.parametrize(("criteria", "meets"), CRITERIA_CASES, ids=[str(c[0]) for c in CRITERIA_CASES])
def test_opschalen_against_the_criteria_needs_a_reason(regisseur, melder, criteria, meets):
    aanmelding = placed(submitted(melder), regisseur)
    kwargs = dict(zip(("criterium_1", "criterium_2", "criterium_3", "criterium_4"), criteria, strict=True))
    if meets:
        weging = decide(aanmelding, regisseur, **kwargs)
        assert weging.voldoet_aan_criteria and weging.afwijking_reden == ""
        return
    with pytest.raises(ValidationError) as exc:
        decide(aanmelding, regisseur, **kwargs, afwijking_reden="   ")
    assert exc.value.message_dict == {
        "afwijking_reden": [
            "Opschalen past niet bij de criteria (1 én 2, plus 3 of 4). Geef de reden om toch op te schalen."
        ]
    }
    assert not Weging.objects.exists() and not Casus.objects.exists()
    weging = decide(aanmelding, regisseur, **kwargs, afwijking_reden="Acuut gevaar voor de kinderen.")
    assert not weging.voldoet_aan_criteria and weging.afwijking_reden == "Acuut gevaar voor de kinderen."
    assert Casus.objects.filter(aanmelding=aanmelding).exists()


def test_other_outcomes_need_no_criteria(regisseur, melder):
    aanmelding = placed(submitted(melder), regisseur)
    weging = decide(aanmelding, regisseur, criterium_1=False, criterium_2=False, uitkomst=Uitkomst.NIET_ONTVANKELIJK)
    assert weging.uitkomst == Uitkomst.NIET_ONTVANKELIJK and not Casus.objects.exists()


def test_the_criteria_error_appears_next_to_the_field(client_for, melder):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    aanmelding = placed(submitted(melder), regisseur)
    response = client.post(
        url("weging_create", aanmelding),
        {"criterium_1": "on", "uitkomst": "opschalen", "motivering": "Toch opschalen."},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert field_errors(page, "id_afwijking_reden") == (
        "Fout: Opschalen past niet bij de criteria (1 én 2, plus 3 of 4). Geef de reden om toch op te schalen."
    )
    assert "Toch opschalen." in page  # what was typed stays
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.GEAGENDEERD and not Weging.objects.exists()


def test_doorgeleiden_needs_a_named_partner(client_for, melder):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    aanmelding = placed(submitted(melder), regisseur)
    with pytest.raises(ValidationError) as exc:
        decide(aanmelding, regisseur, uitkomst=Uitkomst.DOORGELEIDEN)
    assert exc.value.message_dict == {"doorgeleid_naar": ["Kies de partner waarnaar wordt doorgeleid."]}
    response = client.post(
        url("weging_create", aanmelding), {"uitkomst": "doorgeleiden", "motivering": "Past bij het wijkteam."}
    )
    assert field_errors(response.content.decode(), "id_doorgeleid_naar") == (
        "Fout: Kies de partner waarnaar wordt doorgeleid."
    )
    mass = OrganisationFactory(name="MaSS Breda", type="mass")
    weging = decide(aanmelding, regisseur, uitkomst=Uitkomst.DOORGELEIDEN, doorgeleid_naar=mass)
    assert weging.doorgeleid_naar == mass and not Casus.objects.exists()


def test_a_partner_named_for_another_outcome_is_not_stored(regisseur, melder):
    aanmelding = placed(submitted(melder), regisseur)
    weging = decide(aanmelding, regisseur, uitkomst=Uitkomst.ADVIES, doorgeleid_naar=OrganisationFactory())
    assert Weging.objects.get(pk=weging.pk).doorgeleid_naar is None


def test_a_motivering_is_required(client_for, melder):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    aanmelding = placed(submitted(melder), regisseur)
    with pytest.raises(ValidationError) as exc:
        decide(aanmelding, regisseur, uitkomst=Uitkomst.ADVIES, motivering="  \n ")
    assert exc.value.message_dict == {"motivering": ["Motiveer het besluit."]}
    response = client.post(url("weging_create", aanmelding), {**_post(CRITERIA_MET), "uitkomst": "advies"})
    assert field_errors(response.content.decode(), "id_motivering") == "Fout: Dit veld is verplicht."
    assert not Weging.objects.exists()


def test_only_a_placed_aanmelding_is_decided_and_only_once(regisseur, melder):
    aanmelding = submitted(melder)
    with pytest.raises(ValidationError, match="Agendeer de aanmelding eerst op een triagemoment."):
        decide(aanmelding, regisseur)
    placed(aanmelding, regisseur)
    decide(aanmelding, regisseur)
    with pytest.raises(ValidationError):
        decide(aanmelding, regisseur, uitkomst=Uitkomst.ADVIES)
    assert Weging.objects.count() == 1 and Casus.objects.count() == 1


def test_a_partner_cannot_decide(regisseur, melder):
    aanmelding = placed(submitted(melder), regisseur)
    with pytest.raises(PermissionDenied):
        decide(aanmelding, melder)


# --- Opschalen opens a case -------------------------------------------------------------------------------------


def test_opschalen_opens_a_numbered_case_with_the_aanbrengende_partner_granted(client_for, regisseur):
    partner_client, melder = client_for(Role.KETENPARTNER)
    aanmelding = submitted(
        melder,
        persons=[person("Sven", "Mertens", bsn="999990007"), person("Anna", "Mertens", relatie=Relatie.PARTNER)],
    )
    placed(aanmelding, regisseur)
    decide(aanmelding, regisseur)
    casus = Casus.objects.get(aanmelding=aanmelding)
    year = datetime.now(AMS).year
    assert NUMBER.match(casus.nummer) and casus.nummer == f"ZVH-{year}-0001"
    assert casus.aanbrengende_partner == melder.organisation and casus.procesregisseur == regisseur
    assert (casus.grondslag, casus.thema) == (aanmelding.grondslag, aanmelding.thema)
    assert casus.hoofdpersoon.bsn == "999990007"
    assert {(b.persoon.voornamen, b.relatie) for b in casus.betrokkenen.select_related("persoon")} == {
        ("Sven", Relatie.HOOFDPERSOON),
        ("Anna", Relatie.PARTNER),
    }
    grant = casus.grants.get(organisatie=melder.organisation)
    assert grant.ingetrokken_op is None and grant.geldig_tot is None
    assert casus_queryset_for(melder).filter(pk=casus.pk).exists()
    assert partner_client.get(reverse("cases:casus_detail", kwargs={"pk": casus.pk})).status_code == 200
    other_partner = make_user(Role.KETENPARTNER, organisation=OrganisationFactory(reclassering=True))
    assert not casus_queryset_for(other_partner).filter(pk=casus.pk).exists()


def test_case_numbers_follow_the_local_year_of_the_decision(regisseur, melder):
    moments = [
        datetime(2025, 12, 31, 23, 30, tzinfo=AMS),  # 22:30 UTC: still 2025
        datetime(2026, 1, 1, 0, 30, tzinfo=AMS),  # 23:30 UTC on 31 December: already 2026 here
        datetime(2026, 1, 2, 9, 0, tzinfo=AMS),
    ]
    numbers = []
    for moment in moments:
        aanmelding = placed(submitted(melder), regisseur)
        decide(aanmelding, regisseur, decided_at=moment)
        numbers.append(Casus.objects.get(aanmelding=aanmelding).nummer)
    assert numbers == ["ZVH-2025-0001", "ZVH-2026-0001", "ZVH-2026-0002"]


@pytest.mark.parametrize("uitkomst", [Uitkomst.ADVIES, Uitkomst.NIET_ONTVANKELIJK])
def test_other_outcomes_open_no_case(regisseur, melder, uitkomst):
    aanmelding = placed(submitted(melder), regisseur)
    decide(aanmelding, regisseur, uitkomst=uitkomst)
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.BESLOTEN and not Casus.objects.exists()


# --- The melder hears the outcome ----------------------------------------------------------------------------------


def test_the_melder_sees_the_outcome_in_the_app(client_for, regisseur):
    client, melder = client_for(Role.KETENPARTNER)
    aanmelding = placed(submitted(melder), regisseur)
    decide(aanmelding, regisseur, motivering="Zorg en straf zijn beide nodig.")
    casus = Casus.objects.get(aanmelding=aanmelding)
    detail = text(client.get(url("aanmelding_detail", aanmelding)).content.decode())
    assert "Uitkomst van de triage" in detail and "Opschalen (casusoverleg bij het ZVH)" in detail
    assert "Zorg en straf zijn beide nodig." in detail and casus.nummer in detail
    mijn_werk = text(client.get(reverse("cases:dashboard")).content.decode())
    assert "opschalen (casusoverleg bij het ZVH)" in mijn_werk and f"({casus.nummer})" in mijn_werk


def test_the_melder_gets_exactly_one_e_mail_without_personal_data(
    client_for, melder, django_capture_on_commit_callbacks
):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    aanmelding = placed(
        submitted(
            melder,
            persons=[
                person(
                    "Sven",
                    "Mertens",
                    bsn="999990007",
                    geboortedatum=date(1990, 5, 1),
                    straat="Lange Brugstraat",
                    woonplaats="Teteringen",
                )
            ],
        ),
        regisseur,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("weging_create", aanmelding),
            {**_post(CRITERIA_MET), "uitkomst": "opschalen", "motivering": "Mertens heeft zorg en straf nodig."},
        )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [melder.email]
    assert message.subject == f"Uitkomst triage van uw aanmelding {aanmelding.pk}"
    assert "opschalen (casusoverleg bij het ZVH)" in message.body
    content = f"{message.subject}\n{message.body}"
    for personal in ("Sven", "Mertens", "999990007", "1990", "01-05", "Lange Brugstraat", "Teteringen"):
        assert personal not in content, personal
    weging = Weging.objects.get()
    assert weging.melder_gemaild_op is not None
    # Re-delivered or queued again: nothing is sent twice.
    assert send_triage_outcome(weging.pk) is False
    send_triage_outcome.delay(weging.pk)
    assert len(mail.outbox) == 1


def test_the_e_mail_waits_for_the_commit(regisseur, melder, django_capture_on_commit_callbacks):
    aanmelding = placed(submitted(melder), regisseur)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        weging = decide(aanmelding, regisseur, uitkomst=Uitkomst.ADVIES)
    assert len(callbacks) == 1 and mail.outbox == []
    callbacks[0]()
    assert len(mail.outbox) == 1
    assert Weging.objects.get(pk=weging.pk).melder_gemaild_op is not None


def test_the_task_sends_once_when_called_directly(regisseur, melder):
    aanmelding = placed(submitted(melder), regisseur)
    weging = decide(aanmelding, regisseur, uitkomst=Uitkomst.ADVIES)  # on_commit never runs here
    assert mail.outbox == []
    assert send_triage_outcome(weging.pk) is True
    assert send_triage_outcome(weging.pk) is False
    assert len(mail.outbox) == 1


def test_the_triage_moment_page_does_not_query_per_aanmelding(client_for, melder, django_assert_max_num_queries):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    for n in range(8):
        aanmelding = placed(submitted(melder, persons=[person(f"Persoon{n}", "Mertens")]), regisseur)
        if n % 2:
            decide(aanmelding, regisseur, uitkomst=Uitkomst.OPSCHALEN if n % 4 == 1 else Uitkomst.ADVIES)
    moment = TriageSessie.objects.get()
    with django_assert_max_num_queries(16):  # 14 today, the same for 2 or 8 aanmeldingen
        page = client.get(url("sessie_detail", moment)).content.decode()
    assert all(f"Persoon{n}" in page for n in range(8))


def test_the_board_shows_the_longest_waiting_and_links_to_all_of_them(client_for, melder, monkeypatch):
    from privacy.models import AccessLogEntry
    from triage import views

    monkeypatch.setattr(views, "WAITING_ON_BOARD", 2)
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    first, second, _third = (submitted(melder, persons=[person(f"Persoon{n}", "Mertens")]) for n in range(3))
    page = client.get(BOARDS).content.decode()
    assert "Persoon0" in page and "Persoon1" in page and "Persoon2" not in page  # the oldest first
    assert "De 2 die het langst wachten (spoed eerst), van 3." in page
    assert f'href="{reverse("triage:aanmelding_list")}?status=ingediend">Alle 3 wachtende aanmeldingen' in page
    entry = AccessLogEntry.objects.filter(user=regisseur, object_type="triage.aanmelding").latest("id")
    assert entry.object_ids == [str(first.pk), str(second.pk)]  # only what was shown


def test_a_busy_triage_moment_is_shown_and_logged_a_page_at_a_time(client_for, melder, monkeypatch):
    from privacy.models import AccessLogEntry
    from triage import selectors

    monkeypatch.setattr(selectors, "SESSIE_PAGE_SIZE", 2)
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    aanmeldingen = [placed(submitted(melder, persons=[person(f"Persoon{n}", "Mertens")]), regisseur) for n in range(3)]
    moment = TriageSessie.objects.get()
    first = client.get(url("sessie_detail", moment)).content.decode()
    assert "3 aanmeldingen op dit triagemoment" in first and "Pagina 1 van 2" in first
    assert "Persoon0" in first and "Persoon1" in first and "Persoon2" not in first
    second = client.get(url("sessie_detail", moment), {"pagina": "2"}).content.decode()
    assert "Persoon2" in second and "Persoon0" not in second
    entry = AccessLogEntry.objects.filter(user=regisseur, object_type="triage.aanmelding").latest("id")
    assert entry.object_ids == [str(aanmeldingen[2].pk)]
