from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cases.choices import Thema
from mensenhandel import services
from mensenhandel.choices import ProcedureSoort, SignaalUitkomst
from mensenhandel.models import Opvangadres, Procedure, Signaal, add_months
from tests.conftest import make_user
from zvh.accounts.choices import Role

from .world import ANA, OPVANGADRES, gemeente_breda, new_signaal, new_traject

pytestmark = pytest.mark.django_db


def test_an_anonymous_signal_has_no_person(regisseur):
    signaal = new_signaal(regisseur, persoon_data=None, signalerende_organisatie="anoniem")
    assert signaal.persoon is None
    assert signaal.uitkomst == ""


def test_a_signal_links_a_known_bsn_only_when_name_and_birth_date_agree(regisseur):
    first = new_signaal(regisseur, persoon_data=ANA)
    second = new_signaal(regisseur, persoon_data=ANA)
    assert first.persoon_id == second.persoon_id
    with pytest.raises(ValidationError) as exc:
        new_signaal(regisseur, persoon_data={**ANA, "voornamen": "Anna"})
    assert "bsn" in exc.value.error_dict


def test_only_team_regisseurs_register_signals(outsider):
    with pytest.raises(PermissionDenied):
        new_signaal(outsider)
    partner = make_user(Role.KETENPARTNER)
    with pytest.raises(PermissionDenied):
        new_signaal(partner)
    assert not Signaal.objects.exists()


def test_signal_in_the_future_or_outside_a_gemeente_is_refused(regisseur):
    with pytest.raises(ValidationError) as exc:
        new_signaal(regisseur, ontvangen_op=timezone.localdate() + timedelta(days=1))
    assert "ontvangen_op" in exc.value.error_dict
    from tests.factories import OrganisationFactory

    with pytest.raises(ValidationError) as exc:
        new_signaal(regisseur, gemeente=OrganisationFactory(name="GGD West-Brabant"))
    assert "gemeente" in exc.value.error_dict


def test_an_outcome_needs_a_reason(regisseur):
    signaal = new_signaal(regisseur)
    with pytest.raises(ValidationError) as exc:
        services.signaal_decide(signaal=signaal, by=regisseur, uitkomst=SignaalUitkomst.GEEN_SLACHTOFFER, reden=" ")
    assert "uitkomst_reden" in exc.value.error_dict
    services.signaal_decide(signaal=signaal, by=regisseur, uitkomst="doorverwezen", reden="Naar de GGD.")
    signaal.refresh_from_db()
    assert signaal.uitkomst == "doorverwezen"


def test_starting_a_traject_opens_a_restricted_case_and_the_procedure_tracker(regisseur):
    traject = new_traject(regisseur, adres=None, bedenktijd_eind_over=None)
    assert traject.casus.thema == Thema.MENSENHANDEL
    assert traject.casus.hoofdpersoon_id == traject.persoon_id
    assert traject.casus.aanbrengende_partner.name == "Gemeente Breda"
    assert sorted(traject.procedures.values_list("soort", flat=True)) == sorted(ProcedureSoort.values)
    traject.signaal.refresh_from_db()
    assert traject.signaal.uitkomst == SignaalUitkomst.ZORGCOORDINATIE


def test_one_traject_per_signal(regisseur):
    traject = new_traject(regisseur, adres=None, bedenktijd_eind_over=None)
    with pytest.raises(ValidationError):
        services.traject_start(by=regisseur, signaal=traject.signaal)


def test_a_traject_needs_a_victim(regisseur):
    signaal = new_signaal(regisseur, persoon_data=None)
    with pytest.raises(ValidationError):
        services.traject_start(by=regisseur, signaal=signaal)


def test_the_zorgcoordinator_is_a_team_member(regisseur, outsider):
    with pytest.raises(ValidationError) as exc:
        services.traject_start(by=regisseur, persoon_data=ANA, gemeente=gemeente_breda(), zorgcoordinator=outsider)
    assert "zorgcoordinator" in exc.value.error_dict


def _bedenktijd(traject) -> Procedure:
    return traject.procedures.get(soort=ProcedureSoort.BEDENKTIJD)


def test_bedenktijd_runs_three_months_by_default_and_never_longer(regisseur):
    traject = new_traject(regisseur, adres=None, bedenktijd_eind_over=None)
    start = date(2026, 11, 30)
    procedure = services.procedure_update(
        procedure=_bedenktijd(traject), by=regisseur, status="lopend", datum=start, einddatum=None
    )
    assert procedure.einddatum == date(2027, 2, 28) == add_months(start, 3)
    with pytest.raises(ValidationError) as exc:
        services.procedure_update(
            procedure=_bedenktijd(traject), by=regisseur, status="lopend", datum=start, einddatum=date(2027, 3, 1)
        )
    assert "einddatum" in exc.value.error_dict


def test_bedenktijd_is_flagged_from_14_days_before_its_end(regisseur):
    traject = new_traject(regisseur, adres=None, bedenktijd_eind_over=None)
    today = date(2026, 11, 30)
    procedure = services.procedure_update(
        procedure=_bedenktijd(traject),
        by=regisseur,
        status="lopend",
        datum=today - timedelta(days=30),
        einddatum=today + timedelta(days=15),
    )
    assert not procedure.bedenktijd_signaal(today)
    assert procedure.bedenktijd_signaal(today + timedelta(days=1))
    procedure.status = "afgerond"
    assert not procedure.bedenktijd_signaal(today + timedelta(days=1))


def test_only_comensha_has_a_reference_and_only_bedenktijd_an_end(regisseur):
    traject = new_traject(regisseur, adres=None, bedenktijd_eind_over=None)
    uitkering = traject.procedures.get(soort=ProcedureSoort.UITKERING)
    with pytest.raises(ValidationError):
        services.procedure_update(
            procedure=uitkering, by=regisseur, status="lopend", datum=date(2026, 1, 1), referentie="CM-1"
        )
    with pytest.raises(ValidationError) as exc:
        services.procedure_update(procedure=uitkering, by=regisseur, status="lopend", datum=None)
    assert "datum" in exc.value.error_dict
    comensha = traject.procedures.get(soort=ProcedureSoort.COMENSHA)
    services.procedure_update(
        procedure=comensha, by=regisseur, status="afgerond", datum=date(2026, 1, 1), referentie="CM-2026-0042"
    )
    assert traject.procedures.get(soort=ProcedureSoort.COMENSHA).referentie == "CM-2026-0042"


def test_the_shelter_address_is_stored_apart_and_cleared_by_an_empty_value(regisseur):
    traject = new_traject(regisseur)
    assert Opvangadres.objects.get(traject=traject).adres == OPVANGADRES
    services.opvangadres_set(traject=traject, by=regisseur, adres="")
    assert not Opvangadres.objects.filter(traject=traject).exists()


def test_an_outsider_cannot_set_the_shelter_address(regisseur, outsider):
    traject = new_traject(regisseur, adres=None)
    with pytest.raises(PermissionDenied):
        services.opvangadres_set(traject=traject, by=outsider, adres="Ergens 1")
