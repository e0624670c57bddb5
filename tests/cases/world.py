"""A small, complete world of case work for tests: built through the real services.

Politie (the ketenpartner's organisation in the authorization matrix) has:
- ``casus_granted``: brought in by Politie (automatic grant), on the meeting's agenda;
- ``casus_other``: brought in by Reclassering, no grant for Politie, on the meeting's agenda;
- ``casus_expired``: Politie's grant ended yesterday; not on any agenda;
- ``casus_restricted``: radicalisering, granted to Politie, but nobody here is a Weegploeg member.
"""

from datetime import date, timedelta

from django.utils import timezone

from cases import services
from cases.choices import Grondslag, Thema
from tests.factories import OrganisationFactory
from zvh.accounts.choices import OrganisationType, Role  # noqa: I001
from zvh.persons import services as person_services
from zvh.persons.models import Persoon


def make_person(voornamen: str, achternaam: str, **extra) -> Persoon:
    persoon, _created = person_services.persoon_link_or_create(voornamen=voornamen, achternaam=achternaam, **extra)
    return persoon


def open_case(*, regisseur, partner, persoon, thema=Thema.COMPLEX, gemeente=None, **extra):
    gemeente = gemeente or OrganisationFactory(name="Gemeente Breda", type=OrganisationType.GEMEENTE)
    return services.casus_open(
        by=regisseur,
        thema=thema,
        hoofdpersoon=persoon,
        aanbrengende_partner=partner,
        grondslag=Grondslag.WETTELIJKE_TAAK,
        grondslag_toelichting="Taak van de aanbrengende partner.",
        gemeente=gemeente,
        leefgebieden=["huisvesting", "justitie"],
        **extra,
    )


def case_and_triage_world() -> dict:
    """One user per role (the ketenpartner is Politie's) with the case and the triage worlds built for them."""
    from tests.conftest import make_user
    from tests.triage.world import build_triage_world

    users = {role: make_user(role) for role in Role.values}
    world = {"users": users, "user": users[Role.KETENPARTNER]}
    build_case_world(world)
    build_triage_world(world)
    return world


def build_case_world(world: dict) -> None:
    users = world["users"]
    regisseur = users[Role.PROCESREGISSEUR]
    politie = users[Role.KETENPARTNER].organisation
    reclassering = OrganisationFactory(reclassering=True)
    world["reclassering"] = reclassering
    now = timezone.now()
    world["p_granted"] = make_person(
        "Jan", "Vries", tussenvoegsel="de", bsn="999990019", geboortedatum=date(1979, 3, 14)
    )
    world["p_other"] = make_person("Petra", "Bakker", bsn="999990032", geboortedatum=date(1988, 11, 23))
    world["p_expired"] = make_person("Henk", "Jansen", geboortedatum=date(1970, 1, 1))
    world["p_restricted"] = make_person("Karel", "Willems", bsn="999990044")
    world["casus_granted"] = open_case(regisseur=regisseur, partner=politie, persoon=world["p_granted"])
    world["casus_other"] = open_case(regisseur=regisseur, partner=reclassering, persoon=world["p_other"])
    world["casus_expired"] = open_case(regisseur=regisseur, partner=reclassering, persoon=world["p_expired"])
    world["grant_expired"] = services.grant_create(
        casus=world["casus_expired"],
        by=regisseur,
        organisatie=politie,
        rol="deelnemer",
        doel="Was betrokken",
        geldig_van=now - timedelta(days=60),
        geldig_tot=now - timedelta(days=1),
    )
    world["casus_restricted"] = open_case(
        regisseur=regisseur, partner=politie, persoon=world["p_restricted"], thema=Thema.RADICALISERING
    )
    world["grant"] = world["casus_granted"].grants.get(organisatie=politie)
    world["afspraak"] = services.afspraak_create(
        casus=world["casus_granted"],
        by=regisseur,
        actie="Huisbezoek",
        deadline=date.today(),
        eigenaar_organisatie=politie,
    )
    world["afspraak_other"] = services.afspraak_create(
        casus=world["casus_other"],
        by=regisseur,
        actie="Advies",
        deadline=date.today(),
        eigenaar_organisatie=reclassering,
    )
    world["overleg"] = services.overleg_create(
        by=regisseur,
        datum_tijd=now + timedelta(days=7),
        locatie="ZVH",
        soort="casusoverleg",
        voorzitter=regisseur,
        ondersteuning=[users[Role.SECRETARIAAT]],
    )
    world["punt_granted"] = services.agendapunt_add(
        overleg=world["overleg"], casus=world["casus_granted"], by=regisseur
    )
    world["punt_other"] = services.agendapunt_add(overleg=world["overleg"], casus=world["casus_other"], by=regisseur)
    world["overleg_other"] = services.overleg_create(
        by=regisseur, datum_tijd=now + timedelta(days=14), locatie="ZVH", soort="casusoverleg", voorzitter=regisseur
    )
    services.agendapunt_add(overleg=world["overleg_other"], casus=world["casus_expired"], by=regisseur)
    declare_hidden(world)


def declare_hidden(world: dict) -> None:
    """Who must never be shown whom (checked on every page of the authorization matrix)."""
    jan, petra, henk, karel = (
        ("Jan de Vries", "999990019"),
        ("Petra Bakker", "999990032"),
        ("Henk Jansen",),
        (
            "Karel Willems",
            "999990044",
        ),
    )
    hidden = world.setdefault("hidden", {})
    hidden.setdefault("*", set()).update(karel)  # radicalisering, and nobody in this world is in the Weegploeg
    for role in ("anoniem", "zonder-2fa", Role.MANAGER, Role.BEHEERDER, "superuser"):
        hidden.setdefault(role, set()).update(jan + petra + henk)
    hidden.setdefault(Role.FG, set()).update(petra + henk)  # the FG's screens name only the person looked up
    hidden.setdefault(Role.KETENPARTNER, set()).update(petra + henk)  # not granted / grant expired
    hidden.setdefault(Role.SECRETARIAAT, set()).update(henk)  # on an agenda they do not support
