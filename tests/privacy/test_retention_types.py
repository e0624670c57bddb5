"""Retention per dossier type: distinct-person figures survive anonymisation, and *vernietigen* works end to end
(BIJ trigger, foreign keys of BIJ / mensenhandel / 18b, a failing dossier is reported and skipped)."""

from datetime import date, datetime

import pytest
import time_machine
from django.db import connection

from bij import metrics as bij_metrics
from bij import services as bij_services
from bij.models import Melding, Overgang, Uitwisseling18b
from cases.models import Casus
from mensenhandel import services as mh_services
from mensenhandel.models import Traject as MhTraject
from privacy.choices import Wijze
from privacy.models import Bewaartermijn, Pseudoniem, Vernietigingsregel
from privacy.services import retention
from reintegration import metrics as reintegratie_metrics
from reintegration import services as reintegratie_services
from reintegration.models import Traject as ReTraject
from tests.bij.world import bij_regisseur
from tests.bij.world import melding as new_melding
from tests.cases.world import make_person, open_case
from tests.factories import OrganisationFactory
from tests.mensenhandel.world import join_team, new_traject
from tests.reintegration.world import coordinator
from tests.reintegration.world import traject as new_re_traject
from zvh.persons.models import Persoon

from .retention_world import AMS, at, close

pytestmark = pytest.mark.django_db
YEAR_2022 = (datetime(2022, 1, 1, tzinfo=AMS), datetime(2023, 1, 1, tzinfo=AMS))
LATER = at(2027, 12, 1)


def terms(wijze: str, *keys: str) -> None:
    retention.bewaartermijnen_defaults()
    Bewaartermijn.objects.filter(soort__in=keys).update(wijze=wijze, maanden=60)


def closed_melding(by, persoon: dict, when: date) -> Melding:
    with time_machine.travel(datetime.combine(when, datetime.min.time(), AMS).replace(hour=10), tick=False):
        m = new_melding(by, persoon=persoon, ontvangen_op=when)
        return bij_services.melding_transition(
            melding=m, name="afronden", by=by, reden="Geen aanpak nodig.", afsluitreden="overig"
        )


HENDRIK = {"voornamen": "Hendrik", "achternaam": "Visser", "geboortedatum": date(1970, 5, 4), "bsn": "999990020"}
GERRIT = {"voornamen": "Gerrit", "achternaam": "Mol", "geboortedatum": date(1966, 1, 9), "bsn": "999990068"}


# --- 1. Distinct-person figures survive anonymisation -------------------------------------------------------------


def test_bij_personen_of_2022_is_the_same_after_anonymisation_across_runs():
    regisseur = bij_regisseur()
    closed_melding(regisseur, HENDRIK, date(2022, 2, 1))
    closed_melding(regisseur, GERRIT, date(2022, 3, 1))
    later = new_melding(regisseur, persoon=HENDRIK, ontvangen_op=date(2022, 9, 1))  # closed a year later
    with time_machine.travel(at(2023, 9, 1), tick=False):
        bij_services.melding_transition(
            melding=later, name="afronden", by=regisseur, reden="Klaar.", afsluitreden="overig"
        )
    terms(Wijze.ANONIMISEREN, "bij.melding")
    before = bij_metrics.personen(*YEAR_2022)
    assert before == 2
    with time_machine.travel(at(2027, 6, 1), tick=False):  # the two early ones; Hendrik still has a live melding
        first = {r.soort: r for r in retention.retention_run()}
    assert first["bij.melding"].aantal_dossiers == 2
    assert bij_metrics.personen(*YEAR_2022) == before
    # Gerrit is gone with his link; Hendrik is still in the register: his stand-in is kept for later.
    assert Pseudoniem.objects.count() == 1
    with time_machine.travel(at(2028, 10, 1), tick=False):
        second = {r.soort: r for r in retention.retention_run()}
    assert second["bij.melding"].aantal_dossiers == 1
    assert bij_metrics.personen(*YEAR_2022) == before  # the same stand-in: Hendrik still counts once
    assert not Persoon.objects.filter(achternaam__in=["Visser", "Mol"]).exists()
    assert not Pseudoniem.objects.exists()  # nobody left to link a stand-in to
    assert set(Melding.objects.values_list("persoon__achternaam", flat=True)) == {retention.ANONIEM}


def test_reintegratie_personen_survives_anonymisation_and_the_unique_detention_rule_holds():
    coord = coordinator("Breda")
    ronald = {"voornamen": "Ronald", "achternaam": "Kok", "geboortedatum": date(1985, 3, 14)}
    eva = {"voornamen": "Eva", "achternaam": "Smit", "geboortedatum": date(1992, 2, 2)}
    begin = date(2021, 6, 1)
    made = []
    with time_machine.travel(at(2022, 3, 1), tick=False):
        for person, start in ((ronald, begin), (ronald, date(2021, 9, 1)), (eva, begin)):  # Eva: same start
            made.append(new_re_traject(coord, person=person, begin=start, release=date(2022, 4, 1)))
    with time_machine.travel(at(2022, 5, 1), tick=False):
        for t in made:
            reintegratie_services.traject_transition(traject=t, by=coord, name="vrijlaten", datum=date(2022, 4, 1))
            reintegratie_services.traject_transition(traject=t, by=coord, name="afronden")
    retention.bewaartermijnen_defaults()
    assert Bewaartermijn.objects.get(soort="reintegration.traject").wijze == Wijze.ANONIMISEREN  # the new default
    before = reintegratie_metrics.personen(*YEAR_2022)
    assert before == 2
    with time_machine.travel(LATER, tick=False):
        row = {r.soort: r for r in retention.retention_run()}["reintegration.traject"]
    assert row.aantal_dossiers == 3 and row.aantal_mislukt == 0
    assert reintegratie_metrics.personen(*YEAR_2022) == before
    assert not Persoon.objects.filter(achternaam__in=["Kok", "Smit"]).exists()
    assert ReTraject.objects.filter(inrichting="").count() == 3


# --- 2. Vernietigen end to end -------------------------------------------------------------------------------------


def test_a_bij_melding_is_destroyed_despite_the_trigger_which_still_guards_everything_else():
    regisseur = bij_regisseur()
    m = closed_melding(regisseur, HENDRIK, date(2022, 2, 1))
    terms(Wijze.VERNIETIGEN, "bij.melding")
    with time_machine.travel(LATER, tick=False):
        row = {r.soort: r for r in retention.retention_run()}["bij.melding"]
    assert row.aantal_dossiers == 1 and row.aantal_mislukt == 0 and row.aantallen["bij.Overgang"] == 2
    assert not Melding.objects.filter(pk=m.pk).exists()
    assert not Persoon.objects.filter(achternaam="Visser").exists()
    if connection.vendor == "postgresql":  # outside the retention job the database still refuses
        other = closed_melding(regisseur, GERRIT, date(2022, 3, 1))
        with pytest.raises(Exception, match="niet toegestaan"), connection.cursor() as cursor:
            from django.db import transaction

            with transaction.atomic():
                cursor.execute("DELETE FROM bij_melding WHERE id = %s", [other.pk])


def test_destroying_a_case_detaches_its_bij_melding_and_18b_and_deletes_its_own_18b():
    regisseur = bij_regisseur()
    with time_machine.travel(at(2022, 2, 1), tick=False):
        casus = open_case(
            regisseur=regisseur, partner=OrganisationFactory(), persoon=make_person("Karel", "Willems", bsn="999990044")
        )
        m = new_melding(regisseur, persoon=HENDRIK, ontvangen_op=date(2022, 2, 1))
        bij_services.melding_transition(melding=m, name="onderzoeken", by=regisseur)
        bij_services.melding_transition(melding=m, name="opschalen", by=regisseur, reden="Regie nodig.", casus=casus)
        shared = Uitwisseling18b.objects.create(
            richting="ontvangen",
            datum=date(2022, 2, 1),
            grondslag="pbw_18b",
            melding=m,
            casus=casus,
            geregistreerd_door=regisseur,
        )
        own = Uitwisseling18b.objects.create(
            richting="ontvangen", datum=date(2022, 2, 1), grondslag="pbw_18b", casus=casus, geregistreerd_door=regisseur
        )
        close(casus, regisseur, at(2022, 6, 10))
    terms(Wijze.VERNIETIGEN, "cases.casus", "bij.melding")
    Bewaartermijn.objects.filter(soort="bij.melding").update(maanden=120)  # the melding is kept longer
    with time_machine.travel(LATER, tick=False):
        rows = {r.soort: r for r in retention.retention_run()}
    assert rows["cases.casus"].aantal_dossiers == 1, rows["cases.casus"].mislukt
    assert not Casus.objects.filter(pk=casus.pk).exists()
    assert not Uitwisseling18b.objects.filter(pk=own.pk).exists()
    # The melding has its own term: its link to the case is emptied, and it goes in its turn.
    assert rows["bij.melding"].aantal_dossiers == 0
    assert Melding.objects.get(pk=m.pk).casus_id is None
    assert Uitwisseling18b.objects.get(pk=shared.pk).casus_id is None
    with time_machine.travel(at(2032, 3, 1), tick=False):
        retention.retention_run()
    assert not Melding.objects.filter(pk=m.pk).exists()
    assert not Overgang.objects.filter(melding_id=m.pk).exists()


def mh_closed_traject(regisseur, when: date):
    with time_machine.travel(at(when.year, when.month, when.day), tick=False):
        traject = new_traject(regisseur, bedenktijd_eind_over=None)
        return mh_services.traject_update(
            traject=traject, by=regisseur, status="afgesloten", opvang_soort="categoraal", zorgcoordinator=regisseur
        )


def test_a_mensenhandel_traject_goes_before_its_case_and_a_blocked_case_is_reported_not_fatal():
    regisseur = bij_regisseur()
    join_team(regisseur)
    traject = mh_closed_traject(regisseur, date(2022, 3, 1))
    close(traject.casus, regisseur, at(2022, 6, 10))
    with time_machine.travel(at(2022, 2, 1), tick=False):  # an ordinary case, due at the same time
        plain = open_case(
            regisseur=regisseur, partner=OrganisationFactory(), persoon=make_person("Karel", "Willems", bsn="999990044")
        )
    close(plain, regisseur, at(2022, 6, 10))
    # The traject is anonymised (its skeleton keeps the case), the case is to be destroyed: the case cannot go.
    terms(Wijze.ANONIMISEREN, "mensenhandel.traject", "mensenhandel.signaal")
    terms(Wijze.VERNIETIGEN, "cases.casus", "triage.aanmelding")
    Bewaartermijn.objects.filter(soort__in=["mensenhandel.traject", "mensenhandel.signaal"]).update(
        wijze=Wijze.ANONIMISEREN
    )
    with time_machine.travel(LATER, tick=False):
        rows = {r.soort: r for r in retention.retention_run()}
    case_row = rows["cases.casus"]
    assert case_row.dossiernummers == [plain.nummer]  # the other case went on
    assert case_row.aantal_mislukt == 1
    assert case_row.mislukt[0]["nummer"] == traject.casus.nummer
    assert "zorgcoördinatietraject" in case_row.mislukt[0]["reden"]
    assert "Popescu" not in str(case_row.mislukt)
    assert Casus.objects.filter(pk=traject.casus_id).exists()


def test_with_both_to_be_destroyed_the_traject_goes_first_and_then_its_case():
    regisseur = bij_regisseur()
    join_team(regisseur)
    traject = mh_closed_traject(regisseur, date(2022, 3, 1))
    close(traject.casus, regisseur, at(2022, 6, 10))
    terms(Wijze.VERNIETIGEN, "cases.casus", "mensenhandel.traject", "mensenhandel.signaal", "triage.aanmelding")
    with time_machine.travel(LATER, tick=False):
        rows = {r.soort: r for r in retention.retention_run()}
    assert rows["mensenhandel.traject"].aantal_dossiers == 1
    assert rows["cases.casus"].aantal_dossiers == 1 and rows["cases.casus"].aantal_mislukt == 0
    assert not MhTraject.objects.exists() and not Casus.objects.filter(pk=traject.casus_id).exists()
    assert not Persoon.objects.filter(bsn="999990093").exists()
    order = list(Vernietigingsregel.objects.order_by("pk").values_list("soort", flat=True))
    assert order.index("mensenhandel.traject") < order.index("cases.casus")


def test_one_failing_dossier_does_not_stop_the_others(monkeypatch):
    regisseur = bij_regisseur()
    good = closed_melding(regisseur, HENDRIK, date(2022, 2, 1))
    bad = closed_melding(regisseur, GERRIT, date(2022, 2, 2))
    terms(Wijze.VERNIETIGEN, "bij.melding")
    real = retention._apply

    def failing(avg, ids, wijze, counts, now):
        if bad.pk in ids:
            raise RuntimeError("Gerrit Mol")  # a message with personal data must not reach the register
        return real(avg, ids, wijze, counts, now)

    monkeypatch.setattr(retention, "_apply", failing)
    with time_machine.travel(LATER, tick=False):
        row = {r.soort: r for r in retention.retention_run()}["bij.melding"]
    assert row.dossiernummers == [good.nummer]
    assert row.mislukt == [{"nummer": bad.nummer, "reden": "technische fout (RuntimeError)"}]
    assert Melding.objects.filter(pk=bad.pk).exists() and not Melding.objects.filter(pk=good.pk).exists()


def test_a_reintegratie_traject_is_destroyed_with_its_grants_steps_and_person():
    from reintegration.models import Basisvoorwaarde, TrajectStap, TrajectToegang
    from tests.factories import OrganisationFactory as Org

    coord = coordinator("Breda")
    with time_machine.travel(at(2022, 3, 1), tick=False):
        t = new_re_traject(coord, begin=date(2021, 6, 1), release=date(2022, 4, 1))
        reintegratie_services.toegang_grant(traject=t, by=coord, organisatie=Org(), doel="Toezicht.")
    with time_machine.travel(at(2022, 5, 1), tick=False):
        reintegratie_services.traject_transition(traject=t, by=coord, name="vrijlaten", datum=date(2022, 4, 1))
        reintegratie_services.traject_transition(traject=t, by=coord, name="afronden")
    terms(Wijze.VERNIETIGEN, "reintegration.traject")
    with time_machine.travel(LATER, tick=False):
        row = {r.soort: r for r in retention.retention_run()}["reintegration.traject"]
    assert row.aantal_dossiers == 1 and row.aantal_mislukt == 0 and row.aantal_personen == 1
    assert not ReTraject.objects.filter(pk=t.pk).exists()
    for model in (TrajectToegang, Basisvoorwaarde, TrajectStap):
        assert not model.objects.filter(traject_id=t.pk).exists()
    assert not Persoon.objects.filter(achternaam="Kok").exists()
