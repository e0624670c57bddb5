from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from levensloop import services
from levensloop.choices import DossierStatus, SelectieUitkomst, Titel
from levensloop.models import Review
from tests.conftest import make_user
from tests.triage.world import person, submitted
from zvh.accounts.choices import Role

from .world import CRITERIA, dossier_in_aanpak, gemeente_breda, ggz, include, new_casus, selectie

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "missing",
    [
        {"meerderjarig": False},
        {"gevaarlijk_gedrag": False, "oorzaken": []},
        {"justitiecontacten": False},
        {"langdurig_meervoudig": False},
        {"titel": Titel.ONBEKEND},
    ],
)
def test_inclusie_needs_every_criterion(regisseur, missing):
    casus = new_casus(regisseur, "Erik", "Verhoef")
    with pytest.raises(ValidationError) as exc:
        selectie(regisseur, casus, **missing)
    assert "alle criteria" in str(exc.value)
    dossier = selectie(regisseur, casus, uitkomst=SelectieUitkomst.GEEN_INCLUSIE, **missing)
    assert dossier.status == DossierStatus.GEEN_INCLUSIE
    assert dossier.afgesloten_op == timezone.localdate()


def test_no_title_must_be_explained_and_dangerous_behaviour_needs_its_cause(regisseur):
    casus = new_casus(regisseur, "Erik", "Verhoef")
    with pytest.raises(ValidationError) as exc:
        selectie(regisseur, casus, titel=Titel.GEEN)
    assert "titel_toelichting" in exc.value.error_dict
    with pytest.raises(ValidationError) as exc:
        selectie(regisseur, casus, oorzaken=[])
    assert "oorzaken" in exc.value.error_dict
    dossier = selectie(regisseur, casus, titel=Titel.GEEN, titel_toelichting="Vrijwillig in zorg, titel niet nodig.")
    assert dossier.status == DossierStatus.AANGEMELD


def test_motivering_is_required_and_only_a_procesregisseur_selects(regisseur):
    casus = new_casus(regisseur, "Erik", "Verhoef")
    with pytest.raises(ValidationError):
        services.selectie_record(
            by=regisseur,
            persoon=casus.hoofdpersoon,
            casus=casus,
            meerderjarig=True,
            gevaarlijk_gedrag=False,
            oorzaken=[],
            justitiecontacten=False,
            langdurig_meervoudig=False,
            titel="",
            uitkomst=SelectieUitkomst.GEEN_INCLUSIE,
            motivering="  ",
        )
    with pytest.raises(PermissionDenied):
        selectie(make_user(Role.KETENPARTNER), casus)


def test_one_open_dossier_per_person(regisseur):
    casus = new_casus(regisseur, "Erik", "Verhoef")
    selectie(regisseur, casus)
    with pytest.raises(ValidationError) as exc:
        selectie(regisseur, casus)
    assert "al aangemeld" in str(exc.value)


def test_selectie_on_an_aanmelding_takes_its_case_when_there_is_one(regisseur):
    aanmelding = submitted(make_user(Role.KETENPARTNER), persons=[person("Wim", "Brand")])
    persoon = aanmelding.betrokkenen.get().persoon
    dossier = services.selectie_record(
        by=regisseur,
        persoon=persoon,
        aanmelding=aanmelding,
        uitkomst=SelectieUitkomst.INCLUSIE,
        motivering="Voldoet.",
        **CRITERIA,
    )
    assert dossier.casus_id is None
    with pytest.raises(ValidationError) as exc:
        include(regisseur, dossier)
    assert "nog geen casus" in str(exc.value)


def test_inclusietafel_requires_aanbieder_casusregisseur_plan_and_a_first_review(regisseur):
    dossier = selectie(regisseur, new_casus(regisseur, "Erik", "Verhoef"))
    base = {
        "dossier": dossier,
        "by": regisseur,
        "opgenomen": True,
        "motivering": "Hoog risico.",
        "levensloopaanbieder": ggz(),
        "casusregisseur_gemeente": gemeente_breda(),
        "casusregisseur_naam": "Mark de Wit",
        "levensloopplan": "Plan.",
        "volgende_review": timezone.localdate() + timedelta(days=90),
    }
    for field, value in [
        ("levensloopaanbieder", None),
        ("casusregisseur_gemeente", ggz()),
        ("casusregisseur_naam", ""),
        ("levensloopplan", ""),
        ("volgende_review", None),
        ("volgende_review", timezone.localdate() + timedelta(days=400)),
    ]:
        with pytest.raises(ValidationError) as exc:
            services.inclusie_besluit(**{**base, field: value})
        assert field in exc.value.error_dict, field
    dossier = services.inclusie_besluit(**base)
    assert dossier.status == DossierStatus.IN_AANPAK
    assert dossier.eerste_review == dossier.volgende_review == base["volgende_review"]
    with pytest.raises(ValidationError):
        services.inclusie_besluit(**base)  # decided once


def test_niet_opgenomen_closes_the_dossier(regisseur):
    dossier = selectie(regisseur, new_casus(regisseur, "Erik", "Verhoef"))
    dossier = services.inclusie_besluit(dossier=dossier, by=regisseur, opgenomen=False, motivering="Reguliere zorg.")
    assert dossier.status == DossierStatus.NIET_OPGENOMEN
    assert dossier.afgesloten_op == timezone.localdate()
    assert dossier.levensloopaanbieder is None


def test_a_review_plans_the_next_and_clears_the_overdue_flag(regisseur):
    today = timezone.localdate()
    dossier = dossier_in_aanpak(regisseur, "Erik", "Verhoef", review_over=-7)
    assert dossier.review_te_laat(today)
    with pytest.raises(ValidationError) as exc:
        services.review_record(
            dossier=dossier, by=regisseur, gehouden_op=today, conclusie="Goed.", volgende_review=None
        )
    assert "volgende_review" in exc.value.error_dict
    with pytest.raises(ValidationError) as exc:
        services.review_record(
            dossier=dossier,
            by=regisseur,
            gehouden_op=today + timedelta(days=1),
            conclusie="Goed.",
            volgende_review=today + timedelta(days=90),
        )
    assert "gehouden_op" in exc.value.error_dict
    services.review_record(
        dossier=dossier,
        by=regisseur,
        gehouden_op=today,
        conclusie="Stabiel.",
        volgende_review=today + timedelta(days=90),
        levensloopplan="Nieuw plan.",
    )
    dossier.refresh_from_db()
    assert not dossier.review_te_laat(today)
    assert dossier.volgende_review == today + timedelta(days=90)
    assert dossier.levensloopplan == "Nieuw plan."
    assert Review.objects.filter(dossier=dossier).count() == 1


def test_no_automatic_end_uitstroom_only_by_decision_with_reason(regisseur):
    today = timezone.localdate()
    dossier = dossier_in_aanpak(regisseur, "Erik", "Verhoef", review_over=-7)

    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.IN_AANPAK
    with pytest.raises(ValidationError) as exc:
        services.uitstroom_record(dossier=dossier, by=regisseur, op=today, reden="", toelichting="x")
    assert "reden" in exc.value.error_dict
    with pytest.raises(ValidationError) as exc:
        services.uitstroom_record(dossier=dossier, by=regisseur, op=today, reden="verhuisd", toelichting=" ")
    assert "toelichting" in exc.value.error_dict
    dossier = services.uitstroom_record(
        dossier=dossier, by=regisseur, op=today, reden="verhuisd", toelichting="Warme overdracht naar Tilburg."
    )
    assert (dossier.status, dossier.afgesloten_op, dossier.volgende_review) == (DossierStatus.UITGESTROOMD, today, None)
    with pytest.raises(ValidationError):
        services.review_record(
            dossier=dossier, by=regisseur, gehouden_op=today, conclusie="x", volgende_review=today + timedelta(days=9)
        )
