"""Placing an aanmelding on triage (issue 16) and the screening step "aanvulling gevraagd" (issue 13)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from cases.choices import Thema
from cases.models import Grondslag
from privacy.models import AccessLogEntry
from tests.factories import OrganisationFactory
from triage import services
from triage.choices import CRITERIA, AanmeldingStatus, BordSoort
from triage.models import Aanvulling, TriageSessie
from zvh.accounts.choices import Role

from .helpers import bord, decide, placed, text, weegploeg
from .world import person, submitted

pytestmark = pytest.mark.django_db


def url(name: str, obj) -> str:
    return reverse(f"triage:{name}", kwargs={"pk": obj.pk})


def days(n: int):
    return timezone.localdate() + timedelta(days=n)


def moment(soort=BordSoort.MASS_VT, n=7) -> TriageSessie:
    return TriageSessie.objects.get_or_create(bord=bord(soort), datum=days(n))[0]


@pytest.fixture
def melder(user_factory):
    return user_factory(Role.KETENPARTNER)


@pytest.fixture
def regisseur_client(client_for):
    client, regisseur = client_for(Role.PROCESREGISSEUR)
    weegploeg().leden.add(regisseur)
    return client, regisseur


def options(page: str) -> list[str]:
    import re

    select = re.search(r'<select name="sessie"[^>]*>(.*?)</select>', page, re.S)
    return re.findall(r'<option value="(\d+)"( selected)?', select.group(1)) if select else []


# --- Placement: only coming moments of fitting boards, the next one chosen -----------------------------------------


def test_only_coming_moments_of_the_fitting_board_are_offered_and_the_next_is_chosen(regisseur_client, melder):
    client, _regisseur = regisseur_client
    past = moment(n=-60)
    later, sooner = moment(n=14), moment(n=3)
    weegploeg_moment = moment(BordSoort.WEEGPLOEG, n=2)
    aanmelding = submitted(melder)
    offered = options(client.get(url("aanmelding_detail", aanmelding)).content.decode())
    assert [pk for pk, _sel in offered] == [str(sooner.pk), str(later.pk)]
    assert offered[0][1] == " selected"
    assert str(past.pk) not in dict(offered) and str(weegploeg_moment.pk) not in dict(offered)


def test_radicalisering_is_offered_only_the_weegploeg(regisseur_client, melder):
    client, _regisseur = regisseur_client
    moment(n=3)
    weegploeg_moment = moment(BordSoort.WEEGPLOEG, n=10)
    aanmelding = submitted(melder, thema=Thema.RADICALISERING)
    offered = options(client.get(url("aanmelding_detail", aanmelding)).content.decode())
    assert offered == [(str(weegploeg_moment.pk), " selected")]


def test_creating_a_moment_from_the_aanmelding_comes_straight_back_with_it_chosen(regisseur_client, melder):
    client, _regisseur = regisseur_client
    moment(n=2)
    aanmelding = submitted(melder)
    datum = days(21)
    response = client.post(
        url("sessie_create", bord()), {f"bord{bord().pk}-datum": datum.isoformat(), "aanmelding": aanmelding.pk}
    )
    created = TriageSessie.objects.get(bord=bord(), datum=datum)
    assert response.status_code == 302
    assert response["Location"] == f"{url('aanmelding_detail', aanmelding)}?sessie={created.pk}#kop-plaatsen"
    offered = dict(options(client.get(response["Location"]).content.decode()))
    assert offered[str(created.pk)] == " selected"


def test_a_moment_in_the_past_is_refused_from_the_aanmelding_with_a_dutch_message(regisseur_client, melder):
    client, _regisseur = regisseur_client
    aanmelding = submitted(melder)
    response = client.post(
        url("sessie_create", bord()),
        {f"bord{bord().pk}-datum": days(-1).isoformat(), "aanmelding": aanmelding.pk},
        follow=True,
    )
    assert "Kies vandaag of een latere datum" in text(response.content.decode())
    assert not TriageSessie.objects.filter(datum=days(-1)).exists()


def test_from_a_session_page_waiting_aanmeldingen_that_fit_are_added(regisseur_client, melder):
    client, _regisseur = regisseur_client
    sessie = moment(n=5)
    fits = submitted(melder, persons=[person("Ilse", "Kramer")])
    radicaal = submitted(melder, thema=Thema.RADICALISERING, persons=[person("Omar", "Laan")])
    page = client.get(url("sessie_detail", sessie)).content.decode()
    assert "Aanmeldingen die wachten op triage" in page and "Ilse Kramer" in page and "Omar Laan" not in page
    logged = AccessLogEntry.objects.filter(object_type="triage.aanmelding", action="list")
    assert any(str(fits.pk) in map(str, e.object_ids) for e in logged)
    response = client.post(url("sessie_add", sessie), {"aanmeldingen": [fits.pk]})
    assert response.status_code == 302 and response["Location"] == url("sessie_detail", sessie)
    fits.refresh_from_db()
    assert fits.sessie == sessie and fits.status == AanmeldingStatus.GEAGENDEERD
    # Not on this board: refused as an invalid choice, nothing placed.
    client.post(url("sessie_add", sessie), {"aanmeldingen": [radicaal.pk]})
    radicaal.refresh_from_db()
    assert radicaal.sessie is None


def test_the_weging_form_shows_the_aanleiding_and_the_criteria_of_the_landelijk_kader(regisseur_client, melder):
    client, regisseur = regisseur_client
    aanmelding = submitted(melder, aanleiding="Dreigt met brandstichting bij de buren.")
    placed(aanmelding, regisseur, datum=days(3))
    page = text(client.get(url("weging_create", aanmelding)).content.decode())
    assert "Dreigt met brandstichting bij de buren." in page
    assert "verder afglijden" in str(CRITERIA["criterium_1"]) and "verloedering" not in str(CRITERIA["criterium_1"])
    assert str(CRITERIA["criterium_1"]) in page


# --- Screening: aanvulling gevraagd ---------------------------------------------------------------------------------


def test_screening_question_goes_to_the_melder_and_the_answer_returns_it_to_screening(client_for, melder):
    regisseur_client, regisseur = client_for(Role.PROCESREGISSEUR)
    aanmelding = submitted(melder)
    placed(aanmelding, regisseur, datum=days(3))
    response = regisseur_client.post(url("aanvulling_request", aanmelding), {"vraag": "Is er een zorgmachtiging?"})
    assert response.status_code == 302
    aanmelding.refresh_from_db()
    assert aanmelding.status == AanmeldingStatus.AANVULLING and aanmelding.sessie is None
    with pytest.raises(ValidationError, match="Agendeer de aanmelding eerst"):
        decide(aanmelding, regisseur)
    with pytest.raises(ValidationError):
        services.aanmelding_place(aanmelding=aanmelding, sessie=moment(), by=regisseur)

    from tests.conftest import verified_client

    melder_client = verified_client(melder)
    detail = text(melder_client.get(url("aanmelding_detail", aanmelding)).content.decode())
    assert "Is er een zorgmachtiging?" in detail and "Vraag van het ZVH beantwoorden" in detail
    empty = melder_client.post(url("aanvulling_answer", aanmelding), {"antwoord": "  "})
    assert empty.status_code == 200 and "Dit veld is verplicht" in text(empty.content.decode())
    response = melder_client.post(url("aanvulling_answer", aanmelding), {"antwoord": "Ja, sinds maart."})
    assert response.status_code == 302
    aanmelding.refresh_from_db()
    aanvulling = Aanvulling.objects.get(aanmelding=aanmelding)
    assert aanmelding.status == AanmeldingStatus.INGEDIEND
    assert aanvulling.antwoord == "Ja, sinds maart." and aanvulling.beantwoord_door == melder
    placed(aanmelding, regisseur, datum=days(3))
    assert decide(aanmelding, regisseur).pk


def test_only_the_melder_answers_and_only_an_open_question(user_factory, melder):
    regisseur = user_factory(Role.PROCESREGISSEUR)
    aanmelding = submitted(melder)
    with pytest.raises(ValidationError, match="Er staat geen vraag open"):
        services.aanvulling_answer(aanmelding=aanmelding, by=melder, antwoord="x")
    services.aanvulling_request(aanmelding=aanmelding, by=regisseur, vraag="Welke gemeente?")
    stranger = user_factory(Role.KETENPARTNER, organisation=OrganisationFactory(reclassering=True))
    with pytest.raises(PermissionDenied):
        services.aanvulling_answer(aanmelding=aanmelding, by=stranger, antwoord="Breda")
    with pytest.raises(PermissionDenied):
        services.aanvulling_request(aanmelding=aanmelding, by=melder, vraag="?")
    with pytest.raises(ValidationError, match="Schrijf de vraag"):
        services.aanvulling_request(aanmelding=submitted(melder), by=regisseur, vraag=" ")


def test_a_grondslag_the_fg_switched_off_cannot_be_chosen_for_a_new_aanmelding(melder):
    Grondslag.objects.filter(code="toestemming").update(actief=False)
    draft = services.aanmelding_save_draft(by=melder, data={"grondslag": "toestemming"}, betrokkenen=[person()])
    errors = services.aanmelding_errors(draft)
    assert errors["grondslag"] == ["Deze grondslag is niet meer in gebruik. Kies een grondslag uit de lijst."]


def test_the_aanmelding_form_explains_each_grondslag_in_use(client_for):
    client, _melder = client_for(Role.KETENPARTNER)
    Grondslag.objects.filter(code="toestemming").update(actief=False, toelichting="Zelden de juiste grondslag.")
    Grondslag.objects.filter(code="vitaal_belang").update(toelichting="Alleen bij acuut gevaar voor het leven.")
    page = text(client.get(reverse("triage:aanmelding_create")).content.decode())
    assert "Alleen bij acuut gevaar voor het leven." in page and "Zelden de juiste grondslag." not in page
