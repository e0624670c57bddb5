from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from reintegration import services
from reintegration.choices import Toestemming, TrajectStatus, VoorwaardeSoort, VoorwaardeStatus
from reintegration.models import Traject, TrajectStap
from tests.conftest import make_user
from zvh.accounts.choices import Role
from zvh.persons.models import Persoon

from .world import coordinator, gemeente, persoon, traject, voorwaarde

pytestmark = pytest.mark.django_db


def test_traject_create_opens_five_voorwaarden_and_records_the_melding(regisseur):
    t = traject(regisseur, person=persoon(bsn="999990068"))
    assert t.status == TrajectStatus.GEMELD
    assert sorted(t.voorwaarden.values_list("soort", flat=True)) == sorted(VoorwaardeSoort.values)
    assert set(t.voorwaarden.values_list("status", flat=True)) == {VoorwaardeStatus.ONBEKEND}
    step = t.stappen.get()
    assert (step.van, step.naar, step.door) == ("", TrajectStatus.GEMELD, regisseur)


def test_same_detention_twice_is_refused(regisseur):
    begin = date(2026, 1, 5)
    traject(regisseur, begin=begin)
    with pytest.raises(ValidationError, match="al gemeld"):
        traject(regisseur, begin=begin)
    assert Traject.objects.count() == 1


def test_bsn_links_only_with_matching_name_and_birth_date(regisseur):
    first = traject(regisseur, person=persoon(bsn="999990068"), begin=date(2025, 1, 1))
    second = traject(regisseur, person=persoon(bsn="999990068"), begin=date(2026, 1, 1))
    assert first.persoon_id == second.persoon_id
    with pytest.raises(ValidationError) as exc:
        traject(regisseur, person=persoon("Rob", "Kok", bsn="999990068"), begin=date(2026, 2, 1))
    assert "bsn" in exc.value.error_dict
    assert Persoon.objects.get(bsn="999990068").voornamen == "Ronald"


def test_release_before_begin_is_refused(regisseur):
    with pytest.raises(ValidationError):
        traject(regisseur, begin=date(2026, 5, 1), release=date(2026, 4, 1))


def test_a_partner_may_not_create_a_traject(politie_user):
    with pytest.raises(PermissionDenied):
        traject(politie_user)


def test_coordinator_creates_only_for_own_gemeente(coord):
    assert traject(coord).gemeente == coord.organisation
    with pytest.raises(ValidationError, match="eigen gemeente"):
        traject(coord, person=persoon("Ada", "Berg"), gem=gemeente("Oosterhout"))


def test_a_coordinator_outside_the_team_is_just_a_partner(db):
    user = make_user(Role.KETENPARTNER, organisation=gemeente("Breda"))
    with pytest.raises(PermissionDenied):
        traject(user)


def test_transitions_follow_the_path_and_record_who_when_why(regisseur):
    t = traject(regisseur)
    services.traject_transition(traject=t, by=regisseur, name="voorbereiden", reden="Casemanager gebeld")
    today = timezone.localdate()
    services.traject_transition(traject=t, by=regisseur, name="vrijlaten", datum=today)
    t.refresh_from_db()
    assert (t.status, t.werkelijke_vrijlating, t.zelfde_dag) == (TrajectStatus.NAZORG, today, False)
    services.traject_transition(traject=t, by=regisseur, name="afronden", reden="Alles geregeld")
    t.refresh_from_db()
    assert t.status == TrajectStatus.AFGEROND and t.afgerond_op == today
    path = list(t.stappen.values_list("van", "naar", "reden"))
    assert path[1:] == [
        ("gemeld", "voorbereiding", "Casemanager gebeld"),
        ("voorbereiding", "nazorg", ""),
        ("nazorg", "afgerond", "Alles geregeld"),
    ]
    with pytest.raises(ValidationError):
        services.traject_transition(traject=t, by=regisseur, name="vrijlaten")


def test_same_day_release_is_its_own_path_and_needs_a_reason(regisseur):
    t = traject(regisseur)
    with pytest.raises(ValidationError):
        services.traject_transition(traject=t, by=regisseur, name="zelfde_dag")
    services.traject_transition(traject=t, by=regisseur, name="zelfde_dag", reden="Melding kwam op de dag zelf")
    t.refresh_from_db()
    assert t.status == TrajectStatus.NAZORG and t.zelfde_dag
    prepared = traject(regisseur, person=persoon("Ada", "Berg"))
    services.traject_transition(traject=prepared, by=regisseur, name="voorbereiden")
    with pytest.raises(ValidationError):
        services.traject_transition(traject=prepared, by=regisseur, name="zelfde_dag", reden="x")


def test_release_in_the_future_is_refused(regisseur):
    t = traject(regisseur)
    with pytest.raises(ValidationError):
        services.traject_transition(
            traject=t, by=regisseur, name="vrijlaten", datum=timezone.localdate() + timedelta(days=1)
        )
    assert TrajectStap.objects.filter(traject=t).count() == 1


def test_opschalen_needs_a_reason(regisseur):
    t = traject(regisseur)
    with pytest.raises(ValidationError):
        services.traject_transition(traject=t, by=regisseur, name="opschalen")
    services.traject_transition(traject=t, by=regisseur, name="opschalen", reden="Meerdere leefgebieden")
    t.refresh_from_db()
    assert t.status == TrajectStatus.OPGESCHAALD


def test_coordinator_of_another_gemeente_may_not_transition(regisseur):
    t = traject(regisseur)
    other = coordinator("Oosterhout")
    with pytest.raises(PermissionDenied):
        services.traject_transition(traject=t, by=other, name="voorbereiden")


def test_voorwaarde_update_and_consent(regisseur):
    t = traject(regisseur)
    v = voorwaarde(t)
    reclassering = gemeente("Reclassering-test")
    services.voorwaarde_update(
        voorwaarde=v, by=regisseur, status=VoorwaardeStatus.KNELPUNT, organisatie=reclassering, notitie=" Geen plek "
    )
    v.refresh_from_db()
    assert (v.status, v.organisatie, v.notitie) == (VoorwaardeStatus.KNELPUNT, reclassering, "Geen plek")
    with pytest.raises(ValidationError, match="geen toestemming"):
        services.voorwaarde_consent(voorwaarde=v, by=regisseur, toestemming=Toestemming.INGETROKKEN)
    services.voorwaarde_consent(voorwaarde=v, by=regisseur, toestemming=Toestemming.GEGEVEN, datum=date(2026, 1, 2))
    v.refresh_from_db()
    assert v.toestemming_geldt and v.toestemming_datum == date(2026, 1, 2)
    with pytest.raises(ValidationError):
        services.voorwaarde_update(voorwaarde=v, by=regisseur, status="bestaat-niet")


def test_isd_end_is_computed_at_two_years_and_longer_is_refused(regisseur):
    start = date(2026, 3, 1)
    isd = services.isd_create(
        by=regisseur,
        persoon=persoon("Sander", "de Bruijn"),
        gemeente=gemeente(),
        vonnis_datum=date(2026, 2, 1),
        startdatum=start,
        inrichting="PI Vught",
    )
    assert isd.einddatum == date(2028, 3, 1)
    assert [f.soort for f in isd.fasen.order_by("pk")] == ["aanloop", "detentie", "reintegratie"]
    with pytest.raises(ValidationError, match="ten hoogste twee jaar"):
        services.isd_create(
            by=regisseur,
            persoon=persoon("Sander", "de Bruijn"),
            gemeente=gemeente(),
            vonnis_datum=date(2026, 2, 1),
            startdatum=start,
            einddatum=date(2028, 3, 2),
            inrichting="PI Vught",
        )


def test_isd_leap_day_start_ends_on_28_february():
    assert services.isd_max_einde(date(2028, 2, 29)) == date(2030, 2, 28)


def test_isd_phase_plan_and_current_phase(regisseur):
    isd = services.isd_create(
        by=regisseur,
        persoon=persoon("Sander", "de Bruijn"),
        gemeente=gemeente(),
        vonnis_datum=date(2026, 2, 1),
        startdatum=date(2026, 3, 1),
        inrichting="PI Vught",
    )
    fase = isd.fasen.get(soort="detentie")
    services.isd_fase_update(
        fase=fase, by=regisseur, startdatum=date(2026, 6, 1), einddatum=None, plan="Dagprogramma", huidig=True
    )
    isd.refresh_from_db()
    assert isd.fase == "detentie"
    with pytest.raises(ValidationError, match="looptijd"):
        services.isd_fase_update(
            fase=fase, by=regisseur, startdatum=date(2029, 1, 1), einddatum=None, plan="", huidig=False
        )
