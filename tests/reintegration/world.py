"""Trajecten and ISD-trajecten for tests, built through the real services.

For the authorization matrix (the ketenpartner works at Politie):
- ``traject_granted``: Gemeente Breda, a TrajectToegang for Politie;
- ``traject_acting``: Politie acts on onderdak, consent given (Politie sees that voorwaarde only);
- ``traject_withdrawn``: Politie acted on onderdak, consent withdrawn: Politie sees nothing;
- ``traject_other``: no link with Politie at all;
- ``isd``: an ISD-traject of Gemeente Breda (never a partner's).
"""

from datetime import date, timedelta

from django.utils import timezone

from reintegration import services
from reintegration.access import COORDINATOR_TEAM
from reintegration.choices import Toestemming, VoorwaardeSoort, VoorwaardeStatus
from tests.conftest import make_user
from tests.factories import OrganisationFactory
from zvh.access.models import Team
from zvh.accounts.choices import OrganisationType, Role


def gemeente(name: str = "Breda"):
    return OrganisationFactory(name=f"Gemeente {name}", type=OrganisationType.GEMEENTE)


def coordinator(name: str = "Breda", **extra):
    user = make_user(Role.KETENPARTNER, organisation=gemeente(name), **extra)
    Team.objects.get(code=COORDINATOR_TEAM).leden.add(user)
    user.forget_memberships()
    return user


def persoon(voornamen="Ronald", achternaam="Kok", geboortedatum=date(1985, 3, 14), **extra) -> dict:
    return {"voornamen": voornamen, "achternaam": achternaam, "geboortedatum": geboortedatum, **extra}


def traject(by, *, person=None, gem=None, begin=None, release=None, **extra):
    today = timezone.localdate()
    return services.traject_create(
        by=by,
        persoon=person or persoon(),
        gemeente=gem or gemeente(),
        begin_detentie=begin or today - timedelta(days=200),
        verwachte_vrijlating=release or today + timedelta(days=30),
        inrichting=extra.pop("inrichting", "PI Breda"),
        dji_casemanager="M. de Groot",
        dji_contact="m.degroot@dji.invalid",
        **extra,
    )


def voorwaarde(traject_obj, soort=VoorwaardeSoort.ONDERDAK):
    return traject_obj.voorwaarden.get(soort=soort)


def act_with_consent(by, traject_obj, organisatie, soort=VoorwaardeSoort.ONDERDAK):
    v = voorwaarde(traject_obj, soort)
    services.voorwaarde_update(
        voorwaarde=v, by=by, status=VoorwaardeStatus.IN_BEHANDELING, organisatie=organisatie, notitie="Loopt."
    )
    return services.voorwaarde_consent(voorwaarde=v, by=by, toestemming=Toestemming.GEGEVEN)


def build_reintegratie_world(world: dict) -> None:
    regisseur = world["users"][Role.PROCESREGISSEUR]
    politie = world["users"][Role.KETENPARTNER].organisation
    world["traject_granted"] = traject(regisseur, person=persoon("Ronald", "Kok"))
    world["toegang"] = services.toegang_grant(
        traject=world["traject_granted"], by=regisseur, organisatie=politie, doel="Zicht op terugkeer."
    )
    world["traject_acting"] = traject(regisseur, person=persoon("Tom", "Visser", date(1990, 5, 1)))
    world["voorwaarde_acting"] = act_with_consent(regisseur, world["traject_acting"], politie)
    world["voorwaarde_hidden"] = voorwaarde(world["traject_acting"], VoorwaardeSoort.SCHULDEN)
    world["traject_withdrawn"] = traject(regisseur, person=persoon("Wim", "Bos", date(1979, 8, 9)))
    v = act_with_consent(regisseur, world["traject_withdrawn"], politie)
    services.voorwaarde_consent(voorwaarde=v, by=regisseur, toestemming=Toestemming.INGETROKKEN)
    world["traject_other"] = traject(regisseur, person=persoon("Eva", "Smit", date(1992, 2, 2)))
    world["voorwaarde_other"] = voorwaarde(world["traject_other"])
    today = timezone.localdate()
    world["isd"] = services.isd_create(
        by=regisseur,
        persoon=persoon("Sander", "de Bruijn", date(1988, 6, 6)),
        gemeente=gemeente(),
        vonnis_datum=today - timedelta(days=400),
        startdatum=today - timedelta(days=380),
        inrichting="PI Vught (ISD)",
    )
    world["isd_fase"] = world["isd"].fasen.get(soort="reintegratie")
