"""ZSM pages: the requester asks and reads the answer (never case contents), the regisseur answers with what the
ZVH knows in view; lists and answers are logged with the requesting organisation; Mijn werk flags the deadline."""

from datetime import datetime, time

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from privacy.models import AccessLogEntry
from tests.conftest import verified_client
from triage.choices import AanmeldingBron
from triage.models import Aanmelding
from zsm import services
from zsm.access import CONTEXTVERZOEK
from zsm.models import Contextverzoek

from .world import later_today, new_verzoek, om

pytestmark = pytest.mark.django_db


def raad():
    from tests.factories import OrganisationFactory

    return OrganisationFactory(name="Raad voor de Kinderbescherming", type="rvdk")


def _form(**extra) -> dict:
    return {
        "partner": "om",
        "voornamen": "Kees",
        "achternaam": "Janssen",
        "geboortedatum": "1990-05-01",
        "leeftijd": "meerderjarig",
        "deadline": later_today().strftime("%H:%M"),
        "vraag": "Afdoening vandaag.",
        **extra,
    }


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("zsm:verzoek_list"))
    assert response.status_code == 302
    assert reverse("two_factor:login") in response["Location"]


def test_the_zsm_account_submits_a_verzoek_without_choosing_its_organisation(zsm_client, zsm_user):
    page = zsm_client.get(reverse("zsm:verzoek_create")).content.decode()
    assert 'name="namens"' not in page and "Nieuw contextverzoek" in page
    response = zsm_client.post(reverse("zsm:verzoek_create"), _form())
    verzoek = Contextverzoek.objects.get()
    assert response["Location"] == reverse("zsm:verzoek_detail", args=[verzoek.pk])
    assert verzoek.partner_organisatie == zsm_user.organisation
    assert timezone.localtime(verzoek.deadline).date() == timezone.localdate()


def test_bad_input_gives_dutch_errors_and_keeps_nothing(zsm_client):
    response = zsm_client.post(reverse("zsm:verzoek_create"), _form(achternaam="", deadline="25:99", bsn="123"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Dit veld is verplicht" in page and "aria-describedby" in page
    assert not Contextverzoek.objects.exists()


def test_a_deadline_already_past_today_is_refused(zsm_user):
    afternoon = timezone.make_aware(datetime.combine(timezone.localdate(), time(14, 0)))
    with time_machine.travel(afternoon, tick=False):
        # Signed in at that moment: a session from the real clock would have passed its idle timeout when the run
        # happens early in the day (14:00 is then hours ahead).
        client = verified_client(zsm_user)
        response = client.post(reverse("zsm:verzoek_create"), _form(deadline="09:00"))
    assert "De deadline ligt na het moment van ontvangst." in response.content.decode()
    assert not Contextverzoek.objects.exists()


def test_the_regisseur_must_name_the_requesting_organisation(regisseur_client):
    response = regisseur_client.post(reverse("zsm:verzoek_create"), _form())
    assert response.status_code == 200 and not Contextverzoek.objects.exists()
    organisation = om()
    response = regisseur_client.post(reverse("zsm:verzoek_create"), _form(namens=organisation.pk))
    assert Contextverzoek.objects.get().partner_organisatie == organisation


def test_the_regisseur_answers_and_the_requester_sees_only_yes_no_and_the_text(
    zsm_user, zsm_client, regisseur, regisseur_client
):
    from cases.access import CASUS
    from tests.cases.world import open_case
    from tests.factories import OrganisationFactory

    verzoek = new_verzoek(zsm_user, voornamen="Jan", tussenvoegsel="de", achternaam="Vries", bsn="999990019")
    casus = open_case(regisseur=regisseur, partner=OrganisationFactory(politie=True), persoon=verzoek.persoon)
    page = regisseur_client.get(reverse("zsm:verzoek_detail", args=[verzoek.pk])).content.decode()
    assert casus.nummer in page and "Antwoord versturen" in page
    consulted = AccessLogEntry.objects.get(object_type=CASUS, user=regisseur, action="list")
    assert consulted.on_behalf_of_id == zsm_user.organisation_id  # looked up for the OM
    response = regisseur_client.post(
        reverse("zsm:verzoek_answer", args=[verzoek.pk]), {"bekend": "ja", "context": "Casus in regie bij het ZVH."}
    )
    assert response.status_code == 302
    page = zsm_client.get(reverse("zsm:verzoek_detail", args=[verzoek.pk])).content.decode()
    assert "Bekend bij het ZVH." in page and "Casus in regie bij het ZVH." in page
    assert "beantwoord binnen de deadline" in page
    assert casus.nummer not in page and "persoon_detail" not in page and "Antwoord versturen" not in page
    assert reverse("cases:persoon_detail", args=[verzoek.persoon_id]) not in page
    read = AccessLogEntry.objects.filter(object_type=CONTEXTVERZOEK, user=zsm_user, action="read").get()
    assert read.on_behalf_of_id == zsm_user.organisation_id


def test_an_answer_with_errors_is_shown_again_in_dutch(zsm_user, regisseur_client):
    verzoek = new_verzoek(zsm_user)
    response = regisseur_client.post(reverse("zsm:verzoek_answer", args=[verzoek.pk]), {"bekend": "ja"})
    assert response.status_code == 200
    assert "Geef de minimale context die ZSM mag ontvangen." in response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.is_open


def test_a_second_answer_changes_nothing(zsm_user, regisseur, regisseur_client):
    verzoek = new_verzoek(zsm_user)
    services.contextverzoek_answer(verzoek=verzoek, by=regisseur, bekend=False)
    response = regisseur_client.post(
        reverse("zsm:verzoek_answer", args=[verzoek.pk]), {"bekend": "ja", "context": "Toch bekend."}, follow=True
    )
    assert "Dit verzoek is al beantwoord." in response.content.decode()
    verzoek.refresh_from_db()
    assert verzoek.bekend is False and verzoek.context == ""


def test_the_list_logs_one_entry_per_requesting_organisation(zsm_user, regisseur, regisseur_client):
    own = new_verzoek(zsm_user)
    other = new_verzoek(regisseur, partner_organisatie=raad())
    regisseur_client.get(reverse("zsm:verzoek_list"))
    entries = AccessLogEntry.objects.filter(object_type=CONTEXTVERZOEK, user=regisseur, action="list")
    assert {(e.on_behalf_of_id, tuple(e.object_ids)) for e in entries} == {
        (own.partner_organisatie_id, (str(own.pk),)),
        (other.partner_organisatie_id, (str(other.pk),)),
    }


def test_the_requesters_list_shows_only_its_own(zsm_user, zsm_client, regisseur):
    new_verzoek(zsm_user, achternaam="Eigenaar")
    new_verzoek(regisseur, partner_organisatie=raad(), achternaam="Vreemd")
    page = zsm_client.get(reverse("zsm:verzoek_list")).content.decode()
    assert "Eigenaar" in page and "Vreemd" not in page
    assert "Buikpijnmelding doen" in page


def test_the_list_keeps_its_query_count_as_verzoeken_grow(
    zsm_user, regisseur, regisseur_client, django_assert_max_num_queries
):
    for _ in range(3):
        new_verzoek(zsm_user)
    with django_assert_max_num_queries(14) as counted:
        regisseur_client.get(reverse("zsm:verzoek_list"))
    before = len(counted.captured_queries)
    for _ in range(15):
        new_verzoek(zsm_user)
    with django_assert_max_num_queries(before):
        regisseur_client.get(reverse("zsm:verzoek_list"))


def test_mijn_werk_flags_overdue_verzoeken_first_and_shows_answers_within_the_deadline(zsm_user, regisseur):
    day = timezone.localdate()
    at = lambda h, m=0: timezone.make_aware(datetime.combine(day, time(h, m)))  # noqa: E731
    with time_machine.travel(at(9), tick=False):
        late = new_verzoek(zsm_user, achternaam="Laat", deadline=at(11))
        later = new_verzoek(zsm_user, achternaam="Straks", deadline=at(16))
        answered = new_verzoek(zsm_user, achternaam="Klaar", deadline=at(12))
    with time_machine.travel(at(10), tick=False):
        services.contextverzoek_answer(verzoek=answered, by=regisseur, bekend=False)
    with time_machine.travel(at(12), tick=False):
        page = verified_client(regisseur).get(reverse("cases:dashboard")).content.decode()
    assert "ZSM: contextverzoeken" in page
    assert page.index("Laat") < page.index("Straks")
    flagged = page[page.index("Laat") - 400 : page.index("Laat")]
    assert "te laat" in flagged
    assert "binnen de deadline" in page[page.index("Vandaag beantwoord") :]
    assert f"zsm/verzoeken/{late.pk}/" in page and f"zsm/verzoeken/{later.pk}/" in page


def test_the_zsm_account_submits_a_buikpijnmelding_as_an_aanmelding_with_bron_zsm(zsm_client, zsm_user, politie):
    page = zsm_client.get(reverse("triage:aanmelding_create")).content.decode()
    assert "Bron: ZSM" in page
    zsm_client.post(
        reverse("triage:aanmelding_create"),
        {
            "aanleiding": "Buikpijn: zorgen om de verdachte.",
            "betrokkenen-TOTAL_FORMS": "0",
            "betrokkenen-INITIAL_FORMS": "0",
        },
    )
    aanmelding = Aanmelding.objects.get(ingediend_door=zsm_user)
    assert aanmelding.bron == AanmeldingBron.ZSM
    verified_client(politie).post(
        reverse("triage:aanmelding_create"),
        {"aanleiding": "Gewone melding.", "betrokkenen-TOTAL_FORMS": "0", "betrokkenen-INITIAL_FORMS": "0"},
    )
    assert Aanmelding.objects.get(ingediend_door=politie).bron == AanmeldingBron.PARTNER


def test_the_te_laat_filter_shows_only_open_verzoeken_past_their_deadline(zsm_user, regisseur_client):
    day = timezone.localdate()
    at = lambda h: timezone.make_aware(datetime.combine(day, time(h, 0)))  # noqa: E731
    with time_machine.travel(at(9), tick=False):
        new_verzoek(zsm_user, achternaam="Verlopen", deadline=at(10))
        new_verzoek(zsm_user, achternaam="Optijd", deadline=at(15))
    with time_machine.travel(at(12), tick=False):
        page = regisseur_client.get(reverse("zsm:verzoek_list") + "?status=te-laat").content.decode()
    assert "Verlopen" in page and "Optijd" not in page
