"""BIJ-meldingen: registration, duplicates, the state machine with who/when/why, advice and besluit."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.utils import InternalError

from bij import services
from bij.choices import MeldingStatus
from bij.models import Melding, Overgang
from tests.conftest import make_user
from zvh.accounts.choices import Role

from .world import advised, bij_regisseur, gemeente, melding, oov_adviseur

pytestmark = pytest.mark.django_db


def test_registration_links_the_person_and_records_the_first_step():
    regisseur = bij_regisseur()
    m = melding(regisseur)
    assert m.status == MeldingStatus.ONTVANGEN
    assert m.persoon.achternaam == "Visser"
    step = m.overgangen.get()
    assert (step.van, step.naar, step.door, step.stap) == ("", "ontvangen", regisseur, "registreren")


def test_only_the_bij_team_registers():
    outsider = make_user(Role.PROCESREGISSEUR)
    with pytest.raises(PermissionDenied):
        melding(outsider)


def test_verlof_needs_its_kind_and_definitief_drops_it():
    regisseur = bij_regisseur()
    with pytest.raises(ValidationError) as exc:
        melding(regisseur, soort="verlof", verlof_soort="")
    assert "verlof_soort" in exc.value.error_dict
    m = melding(regisseur, soort="definitief", verlof_soort="begeleid")
    assert m.verlof_soort == ""


def test_brp_gemeente_must_be_a_gemeente():
    from tests.factories import OrganisationFactory

    with pytest.raises(ValidationError) as exc:
        melding(bij_regisseur(), brp_gemeente=OrganisationFactory(politie=True))
    assert "brp_gemeente" in exc.value.error_dict


def test_second_melding_for_same_person_and_date_is_flagged_not_refused():
    regisseur = bij_regisseur()
    first = melding(regisseur, days=20)
    second = melding(regisseur, days=20)
    other_date = melding(regisseur, days=21)
    assert not first.mogelijk_dubbel
    assert second.mogelijk_dubbel and second.dubbel_van == first
    assert not other_date.mogelijk_dubbel
    assert Melding.objects.count() == 3


def test_the_full_flow_records_who_when_and_why():
    regisseur = bij_regisseur()
    oov = oov_adviseur()
    m = melding(regisseur)
    advies = advised(regisseur, m, gemeente_org=oov.organisation)
    m.refresh_from_db()
    assert m.status == MeldingStatus.ADVIES_UITGEBRACHT
    services.besluit_registreren(advies=advies, by=oov, datum=date.today(), maatregelen="Gebiedsverbod centrum.")
    m.refresh_from_db()
    assert m.status == MeldingStatus.BESLUIT_ONTVANGEN
    services.melding_transition(
        melding=m, name="afronden", by=regisseur, reden="Besluit uitgevoerd", afsluitreden="afgehandeld"
    )
    m.refresh_from_db()
    assert m.status == MeldingStatus.AFGEROND and m.afsluitreden == "afgehandeld"
    steps = list(m.overgangen.values_list("stap", "door_id"))
    assert steps == [
        ("registreren", regisseur.pk),
        ("onderzoeken", regisseur.pk),
        ("advies_uitbrengen", regisseur.pk),
        ("besluit_registreren", oov.pk),
        ("afronden", regisseur.pk),
    ]
    assert m.overgangen.last().reden == "Besluit uitgevoerd"


def test_closing_needs_a_reason_and_a_closing_reason():
    regisseur = bij_regisseur()
    m = melding(regisseur)
    with pytest.raises(ValidationError) as exc:
        services.melding_transition(melding=m, name="afronden", by=regisseur, reden="", afsluitreden="dubbel")
    assert "reden" in exc.value.error_dict
    with pytest.raises(ValidationError) as exc:
        services.melding_transition(melding=m, name="afronden", by=regisseur, reden="dubbel")
    assert "afsluitreden" in exc.value.error_dict


def test_steps_out_of_order_are_refused_in_dutch():
    regisseur = bij_regisseur()
    m = melding(regisseur)
    with pytest.raises(ValidationError, match="kan niet"):
        services.melding_transition(melding=m, name="heropenen", by=regisseur, reden="x")
    with pytest.raises(ValidationError, match="eigen scherm"):
        services.melding_transition(melding=m, name="besluit_registreren", by=regisseur)


def test_opschalen_needs_a_casus():
    regisseur = bij_regisseur()
    m = melding(regisseur)
    services.melding_transition(melding=m, name="onderzoeken", by=regisseur)
    with pytest.raises(ValidationError) as exc:
        services.melding_transition(melding=m, name="opschalen", by=regisseur, reden="Aanpak nodig")
    assert "casus" in exc.value.error_dict


def test_only_the_oov_adviseur_of_that_gemeente_records_the_besluit():
    regisseur = bij_regisseur()
    m = melding(regisseur)
    advies = advised(regisseur, m, gemeente_org=gemeente("Gemeente Breda"))
    for user in (oov_adviseur("Gemeente Oosterhout"), regisseur, make_user(Role.KETENPARTNER, organisation=gemeente())):
        with pytest.raises(PermissionDenied):
            services.besluit_registreren(advies=advies, by=user, datum=date.today(), maatregelen="x")


def test_besluit_needs_measures_and_not_before_the_advice():
    regisseur = bij_regisseur()
    oov = oov_adviseur()
    advies = advised(regisseur, melding(regisseur), gemeente_org=oov.organisation)
    with pytest.raises(ValidationError):
        services.besluit_registreren(advies=advies, by=oov, datum=date.today(), maatregelen=" ")
    with pytest.raises(ValidationError):
        services.besluit_registreren(advies=advies, by=oov, datum=date.today() - timedelta(days=3), maatregelen="x")


def test_a_second_advice_is_refused():
    regisseur = bij_regisseur()
    m = melding(regisseur)
    advised(regisseur, m)
    with pytest.raises(ValidationError):
        services.advies_uitbrengen(melding=m, by=regisseur, tekst="x", datum=date.today(), gemeente=gemeente())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_the_database_refuses_to_delete_a_melding_or_rewrite_its_history():
    m = melding(bij_regisseur())
    with pytest.raises(InternalError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM bij_melding WHERE id = %s", [m.pk])
    assert Melding.objects.filter(pk=m.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_the_database_refuses_to_change_a_recorded_step():
    m = melding(bij_regisseur())
    with pytest.raises(InternalError), transaction.atomic():
        Overgang.objects.filter(melding=m).update(reden="herschreven")
