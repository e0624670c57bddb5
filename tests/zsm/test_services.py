"""Contextverzoek services: who may ask and answer, the same-day deadline, the person link that tells the requester
nothing, and the access log with the requester as recipient."""

from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from privacy.models import AccessLogEntry
from tests.conftest import make_user
from zsm import services
from zsm.access import CONTEXTVERZOEK
from zsm.choices import ZsmPartner
from zvh.accounts.choices import Role
from zvh.persons.models import Persoon

from .world import JAN, JAN_GEBOORTEDATUM, new_verzoek, om

pytestmark = pytest.mark.django_db


def _entries(verzoek, action):
    return AccessLogEntry.objects.filter(object_type=CONTEXTVERZOEK, action=action, object_ids=[str(verzoek.pk)])


def test_a_zsm_partner_asks_for_its_own_organisation_and_the_request_is_logged_with_it(zsm_user):
    verzoek = new_verzoek(zsm_user, partner_organisatie=om())
    assert verzoek.partner_organisatie == zsm_user.organisation
    assert verzoek.partner == ZsmPartner.OM  # from the organisation's type
    entry = _entries(verzoek, "create").get()
    assert entry.user == zsm_user
    assert entry.on_behalf_of_id == zsm_user.organisation_id
    assert list(entry.persons.values_list("person_id", flat=True)) == [verzoek.persoon_id]


def test_a_regisseur_enters_a_request_on_behalf_of_a_partner_and_must_name_it(regisseur):
    with pytest.raises(ValidationError) as exc:
        new_verzoek(regisseur)
    assert "partner_organisatie" in exc.value.error_dict
    verzoek = new_verzoek(regisseur, partner_organisatie=om())
    assert verzoek.partner_organisatie.name == "Openbaar Ministerie"
    assert _entries(verzoek, "create").get().on_behalf_of_id == verzoek.partner_organisatie_id


def test_a_partner_outside_the_zsm_team_and_other_roles_cannot_ask(politie):
    with pytest.raises(PermissionDenied):
        new_verzoek(politie, partner_organisatie=om())
    for role in (Role.SECRETARIAAT, Role.MANAGER, Role.FG, Role.BEHEERDER):
        with pytest.raises(PermissionDenied):
            new_verzoek(make_user(role), partner_organisatie=om())


def test_the_deadline_is_later_on_the_day_of_receipt(zsm_user):
    tomorrow = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        new_verzoek(zsm_user, deadline=tomorrow)
    assert exc.value.message_dict["deadline"] == ["De deadline valt op de dag van ontvangst."]
    received = timezone.now() - timedelta(minutes=1)
    with pytest.raises(ValidationError) as exc:
        new_verzoek(zsm_user, ontvangen_op=received, deadline=received - timedelta(seconds=1))
    assert "deadline" in exc.value.message_dict


def test_minor_or_adult_must_fit_the_birth_date(zsm_user):
    with pytest.raises(ValidationError) as exc:
        new_verzoek(zsm_user, geboortedatum=timezone.localdate() - timedelta(days=365 * 10), minderjarig=False)
    assert "minderjarig" in exc.value.message_dict
    minor = new_verzoek(zsm_user, geboortedatum=timezone.localdate() - timedelta(days=365 * 15), minderjarig=True)
    assert minor.minderjarig


def test_the_suspect_links_to_the_registered_person_by_the_register_rules(zsm_user):
    jan = Persoon.objects.create(**JAN, geboortedatum=JAN_GEBOORTEDATUM, straat="Haagweg")
    verzoek = new_verzoek(zsm_user, **JAN, geboortedatum=JAN_GEBOORTEDATUM)
    assert verzoek.persoon == jan
    jan.refresh_from_db()
    assert jan.straat == "Haagweg"  # the register is never changed by what a requester typed


def test_a_bsn_that_does_not_fit_links_nobody_and_tells_the_requester_nothing(zsm_user):
    Persoon.objects.create(**JAN, geboortedatum=JAN_GEBOORTEDATUM)
    count = Persoon.objects.count()
    verzoek = new_verzoek(zsm_user, **{**JAN, "voornamen": "Johan"}, geboortedatum=JAN_GEBOORTEDATUM)
    assert verzoek.persoon is None  # no error: an error would say the BSN is registered, i.e. known at the ZVH
    assert verzoek.bsn == JAN["bsn"] and verzoek.voornamen == "Johan"
    assert Persoon.objects.count() == count


def test_an_unknown_suspect_is_registered_as_a_new_person(zsm_user):
    verzoek = new_verzoek(zsm_user, voornamen="Nieuw", achternaam="Persoon", geboortedatum=date(1985, 1, 1))
    assert verzoek.persoon.achternaam == "Persoon"


def test_the_regisseur_answers_known_with_minimal_context_logged_to_the_requester(zsm_user, regisseur):
    verzoek = new_verzoek(zsm_user)
    services.contextverzoek_answer(verzoek=verzoek, by=regisseur, bekend=True, context="Casus in regie bij het ZVH.")
    verzoek.refresh_from_db()
    assert (verzoek.bekend, verzoek.context, verzoek.beantwoord_door) == (
        True,
        "Casus in regie bij het ZVH.",
        regisseur,
    )
    assert verzoek.binnen_termijn is True
    entry = _entries(verzoek, "update").get()
    assert entry.user == regisseur
    assert entry.on_behalf_of_id == zsm_user.organisation_id  # the recipient of the answer
    assert list(entry.persons.values_list("person_id", flat=True)) == [verzoek.persoon_id]


def test_an_answer_needs_context_when_known_and_none_when_not(zsm_user, regisseur):
    verzoek = new_verzoek(zsm_user)
    with pytest.raises(ValidationError) as exc:
        services.contextverzoek_answer(verzoek=verzoek, by=regisseur, bekend=True, context="  ")
    assert "context" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.contextverzoek_answer(verzoek=verzoek, by=regisseur, bekend=False, context="Toch iets.")
    assert "context" in exc.value.message_dict
    with pytest.raises(ValidationError):
        services.contextverzoek_answer(verzoek=verzoek, by=regisseur, bekend=True, context="x" * 601)
    services.contextverzoek_answer(verzoek=verzoek, by=regisseur, bekend=False)
    verzoek.refresh_from_db()
    assert verzoek.bekend is False and verzoek.context == ""


def test_only_a_regisseur_answers_and_only_once(zsm_user, regisseur):
    verzoek = new_verzoek(zsm_user)
    with pytest.raises(PermissionDenied):
        services.contextverzoek_answer(verzoek=verzoek, by=zsm_user, bekend=False)
    services.contextverzoek_answer(verzoek=verzoek, by=regisseur, bekend=False)
    with pytest.raises(ValidationError, match="al beantwoord"):
        services.contextverzoek_answer(verzoek=verzoek, by=regisseur, bekend=True, context="Later bedacht.")


def test_an_answer_after_the_deadline_is_flagged_late(zsm_user, regisseur):
    morning = timezone.make_aware(datetime.combine(timezone.localdate(), time(10, 0)))
    with time_machine.travel(morning, tick=False):
        verzoek = new_verzoek(zsm_user, deadline=morning + timedelta(hours=1))
        assert verzoek.is_open and not verzoek.te_laat
    with time_machine.travel(morning + timedelta(hours=1, minutes=30), tick=False):
        assert verzoek.te_laat
        services.contextverzoek_answer(verzoek=verzoek, by=regisseur, bekend=False)
    verzoek.refresh_from_db()
    assert verzoek.binnen_termijn is False
    assert not verzoek.te_laat  # answered: no longer flagged
