"""Aanmeldingen and triage moments for tests, built through the real services."""

from datetime import date

from cases.choices import Grondslag, Relatie, Thema
from tests.conftest import make_user
from tests.factories import OrganisationFactory
from triage import services
from triage.choices import BordSoort
from triage.models import TriageBord, TriageSessie
from zvh.accounts.choices import OrganisationType, Role

COMPLETE = {
    "aanleiding": "Overlast en dreiging richting buren.",
    "doel": "Gezamenlijke aanpak.",
    "leefgebieden": ["huisvesting", "psychisch"],
    "thema": Thema.COMPLEX,
    "spoed": False,
    "betrokkene_geinformeerd": True,
    "grondslag": Grondslag.WETTELIJKE_TAAK,
    "grondslag_toelichting": "Politietaak (Politiewet art. 3).",
}


def person(voornamen="Sven", achternaam="Mertens", relatie=Relatie.HOOFDPERSOON, **extra) -> dict:
    return {"relatie": relatie, "voornamen": voornamen, "achternaam": achternaam, **extra}


def submitted(by, *, persons=None, **data):
    gemeente = OrganisationFactory(name="Gemeente Breda", type=OrganisationType.GEMEENTE)
    aanmelding = services.aanmelding_save_draft(
        by=by, data={**COMPLETE, "gemeente": gemeente, **data}, betrokkenen=persons or [person()]
    )
    return services.aanmelding_submit(aanmelding=aanmelding, by=by)


def build_triage_world(world: dict) -> None:
    users = world["users"]
    melder = users[Role.KETENPARTNER]
    regisseur = users[Role.PROCESREGISSEUR]
    other_melder = make_user(
        Role.KETENPARTNER, organisation=world.get("reclassering") or OrganisationFactory(reclassering=True)
    )
    world["aanmelding_own"] = submitted(melder, persons=[person("Sven", "Mertens")])
    world["aanmelding_other"] = submitted(other_melder, persons=[person("Lotte", "Aarts")])
    world["aanmelding_draft"] = services.aanmelding_save_draft(
        by=melder, data={"aanleiding": "Nog niet af"}, betrokkenen=[person("Bram", "Kok")]
    )
    world["aanmelding_aanvulling"] = submitted(melder, persons=[person("Noor", "Vink")])
    services.aanvulling_request(aanmelding=world["aanmelding_aanvulling"], by=regisseur, vraag="Welke school?")
    mass_vt = TriageBord.objects.get(soort=BordSoort.MASS_VT)
    world["bord"] = mass_vt
    world["sessie"] = services.sessie_get_or_create(bord=mass_vt, datum=date(2026, 12, 1), by=regisseur)
    world["aanmelding_placed"] = submitted(melder, persons=[person("Ilse", "Kramer")])
    services.aanmelding_place(aanmelding=world["aanmelding_placed"], sessie=world["sessie"], by=regisseur)
    weegploeg = TriageBord.objects.get(soort=BordSoort.WEEGPLOEG)
    world["bord_weegploeg"] = weegploeg
    world["sessie_weegploeg"] = TriageSessie.objects.create(bord=weegploeg, datum=date(2026, 12, 3))
    hidden = world.setdefault("hidden", {})
    hidden.setdefault(Role.KETENPARTNER, set()).add("Lotte Aarts")  # another organisation's aanmelding
    for role in ("anoniem", "zonder-2fa", Role.SECRETARIAAT, Role.MANAGER, Role.FG, Role.BEHEERDER, "superuser"):
        hidden.setdefault(role, set()).update({"Lotte Aarts", "Sven Mertens", "Noor Vink"})
