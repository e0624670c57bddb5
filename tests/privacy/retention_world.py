"""A past year of case work (2022) for the retention tests, built through the real services."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from cases import services as case_services
from cases.choices import Relatie
from tests.cases.world import make_person, open_case
from tests.conftest import make_user
from tests.factories import OrganisationFactory
from tests.triage.helpers import decide, placed
from tests.triage.world import person, submitted
from triage.choices import Uitkomst
from zvh.accounts.choices import Role

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args) -> datetime:
    return datetime(*args, 12, tzinfo=AMS)


def close(casus, regisseur, when):
    return case_services.casus_transition(
        casus=casus,
        name="voortijdig_afsluiten",
        by=regisseur,
        reden="Geen grond meer voor regie.",
        afsluitreden="regulier",
        resultaat="doorbraak",
        at=when,
    )


def build_2022(world: dict) -> None:
    """Jan de Vries: one case closed in June 2022 (with Petra Bakker as betrokkene, who also has an open case).
    Karel: a case closed in June 2022 under legal hold. Sven: an aanmelding answered with advice in March 2022.
    Lotte: an aanmelding scaled up in March 2022 (its case is still open)."""
    with time_machine.travel(at(2022, 2, 1), tick=False):
        regisseur = make_user(Role.PROCESREGISSEUR)
        melder = make_user(Role.KETENPARTNER)
        politie = melder.organisation
        world.update(regisseur=regisseur, melder=melder, politie=politie)
        jan = make_person("Jan", "Vries", tussenvoegsel="de", bsn="999990019", geboortedatum=date(1979, 3, 14))
        petra = make_person("Petra", "Bakker", bsn="999990032", geboortedatum=date(1988, 11, 23))
        karel = make_person("Karel", "Willems", bsn="999990044")
        world["casus_jan"] = open_case(
            regisseur=regisseur, partner=politie, persoon=jan, betrokkenen=[(petra, Relatie.PARTNER)]
        )
        case_services.logboek_add(casus=world["casus_jan"], by=regisseur, soort="notitie", tekst="Gesprek met Jan.")
        world["casus_petra"] = open_case(
            regisseur=regisseur, partner=OrganisationFactory(reclassering=True), persoon=petra
        )
        world["casus_karel"] = open_case(regisseur=regisseur, partner=politie, persoon=karel)
    with time_machine.travel(at(2022, 3, 1), tick=False):
        world["aanmelding_sven"] = submitted(melder, persons=[person("Sven", "Mertens", bsn="999990056")])
        world["aanmelding_lotte"] = submitted(melder, persons=[person("Lotte", "Aarts")])
        for aanmelding in (world["aanmelding_sven"], world["aanmelding_lotte"]):
            placed(aanmelding, regisseur, datum=date(2022, 3, 15))
    with time_machine.travel(at(2022, 3, 15), tick=False):
        decide(world["aanmelding_sven"], regisseur, uitkomst=Uitkomst.ADVIES)
        decide(world["aanmelding_lotte"], regisseur)
    with time_machine.travel(at(2022, 6, 10), tick=False):
        close(world["casus_jan"], regisseur, at(2022, 6, 10))
        close(world["casus_karel"], regisseur, at(2022, 6, 10))


def facilitering_partners() -> None:
    """The organisations the jaarplan's facilitering metric is bound to (the figures need them to exist)."""
    from zvh.accounts.models import Organisation

    for name in ("MaSS", "Veilig Thuis West-Brabant", "KR8-kollektief"):
        if not Organisation.objects.filter(name=name).exists():
            OrganisationFactory(name=name)
