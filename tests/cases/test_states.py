"""The case state machine: every allowed step, refusals in Dutch, and the record of who, when and why."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cases import services
from cases.choices import CasusStatus as S
from cases.models import StatusWijziging
from tests.conftest import make_user
from zvh.accounts.choices import Role

pytestmark = pytest.mark.django_db


def step(casus, name, by, **kw):
    return services.casus_transition(casus=casus, name=name, by=by, **kw)


def to_uitvoering(casus, regisseur):
    casus = step(casus, "overleg_plannen", regisseur)
    services.plan_save(casus=casus, by=regisseur, samenvatting="", doelen=["Woning", "Zorg"])
    casus = step(casus, "plan_vaststellen", regisseur)
    return step(casus, "uitvoeren", regisseur)


def test_the_whole_path_is_recorded_with_who_when_and_why(casus, regisseur):
    casus = to_uitvoering(casus, regisseur)
    casus = step(casus, "afschalen", regisseur, reden="Warme overdracht aan het wijkteam")
    casus = step(casus, "afsluiten", regisseur, afsluitreden="doel_bereikt", resultaat="doorbraak")
    assert casus.status == S.AFGESLOTEN and casus.afgesloten_op and casus.afgeschaald_op
    steps = list(StatusWijziging.objects.filter(casus=casus).values_list("van", "naar"))
    assert steps == [
        ("", S.AANGEMAAKT),
        (S.AANGEMAAKT, S.OVERLEG_GEPLAND),
        (S.OVERLEG_GEPLAND, S.PLAN_VASTGESTELD),
        (S.PLAN_VASTGESTELD, S.IN_UITVOERING),
        (S.IN_UITVOERING, S.AFGESCHAALD),
        (S.AFGESCHAALD, S.AFGESLOTEN),
    ]
    afschaling = StatusWijziging.objects.get(casus=casus, naar=S.AFGESCHAALD)
    assert afschaling.door == regisseur and afschaling.reden == "Warme overdracht aan het wijkteam"
    assert abs(afschaling.op - timezone.now()) < timedelta(minutes=1)


def test_an_invalid_step_gets_a_clear_dutch_message(casus, regisseur):
    with pytest.raises(ValidationError) as excinfo:
        step(casus, "afschalen", regisseur, reden="x")
    message = excinfo.value.messages[0]
    assert "Dit kan niet" in message and "aangemaakt" in message and "casusoverleg gepland" in message
    casus.refresh_from_db()
    assert casus.status == S.AANGEMAAKT


def test_plan_must_exist_before_it_is_adopted(casus, regisseur):
    casus = step(casus, "overleg_plannen", regisseur)
    with pytest.raises(ValidationError) as excinfo:
        step(casus, "plan_vaststellen", regisseur)
    assert "plan van aanpak" in " ".join(excinfo.value.messages)


def test_closing_requires_reason_and_result(casus, regisseur):
    casus = to_uitvoering(casus, regisseur)
    casus = step(casus, "afschalen", regisseur, reden="klaar")
    with pytest.raises(ValidationError) as excinfo:
        step(casus, "afsluiten", regisseur)
    assert set(excinfo.value.message_dict) == {"afsluitreden", "resultaat"}


def test_afschalen_needs_a_reason(casus, regisseur):
    casus = to_uitvoering(casus, regisseur)
    with pytest.raises(ValidationError) as excinfo:
        step(casus, "afschalen", regisseur, reden="  ")
    assert "reden" in excinfo.value.message_dict


def test_closing_early_from_any_open_status(casus, regisseur):
    casus = step(casus, "voortijdig_afsluiten", regisseur, reden="Verhuisd", afsluitreden="verhuisd", resultaat="geen")
    assert casus.status == S.AFGESLOTEN


def test_reopening_needs_a_reason_and_clears_the_closing(casus, regisseur):
    casus = step(casus, "voortijdig_afsluiten", regisseur, reden="x", afsluitreden="overig", resultaat="geen")
    with pytest.raises(ValidationError):
        step(casus, "heropenen", regisseur)
    casus = step(casus, "heropenen", regisseur, reden="Nieuwe escalatie")
    assert casus.status == S.IN_UITVOERING and casus.afgesloten_op is None and casus.resultaat == ""


def test_only_a_procesregisseur_moves_a_case(casus):
    for role in (Role.KETENPARTNER, Role.SECRETARIAAT, Role.MANAGER):
        with pytest.raises(PermissionDenied):
            step(casus, "overleg_plannen", make_user(role))


def test_putting_a_new_case_on_an_agenda_plans_the_casusoverleg(casus, regisseur):
    overleg = services.overleg_create(
        by=regisseur, datum_tijd=timezone.now(), locatie="ZVH", soort="casusoverleg", voorzitter=regisseur
    )
    services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
    casus.refresh_from_db()
    assert casus.status == S.OVERLEG_GEPLAND
    with pytest.raises(ValidationError):
        services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)  # twice on one agenda
