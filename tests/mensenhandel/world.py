"""A small mensenhandel world, built through the real services.

The matrix's procesregisseur and ketenpartner (Politie) are members of the mensenhandel team here; tests that need a
non-member make one (``make_user``). Politie has:
- ``mh_traject_granted``: a grant on its linked case (so Politie sees the traject);
- ``mh_traject_other``: no grant for Politie;
and the team has ``signaal`` (with a person) and ``procedure`` (the bedenktijd of ``mh_traject_granted``).
"""

from datetime import date, timedelta

from django.utils import timezone

from cases import services as case_services
from mensenhandel import services
from mensenhandel.choices import TEAM, ProcedureSoort
from tests.factories import OrganisationFactory
from zvh.access.models import Team
from zvh.accounts.choices import OrganisationType, Role

OPVANGADRES = "Opvangstraat 7, Breda"


def join_team(*users) -> None:
    team = Team.objects.get(code=TEAM)
    for user in users:
        team.leden.add(user)
        user.forget_memberships()


def gemeente_breda():
    return OrganisationFactory(name="Gemeente Breda", type=OrganisationType.GEMEENTE)


def new_signaal(regisseur, *, persoon_data=None, ontvangen_op=None, **extra):
    return services.signaal_register(
        by=regisseur,
        ontvangen_op=ontvangen_op or timezone.localdate() - timedelta(days=3),
        signalerende_organisatie=extra.pop("signalerende_organisatie", "avim_politie"),
        vorm=extra.pop("vorm", "seksueel"),
        gemeente=extra.pop("gemeente", None) or gemeente_breda(),
        nationaliteit=extra.pop("nationaliteit", "Roemeens"),
        persoon_data=persoon_data,
        **extra,
    )


ANA = {"voornamen": "Ana", "achternaam": "Popescu", "bsn": "999990093", "geboortedatum": date(1999, 4, 2)}


def new_traject(regisseur, *, persoon_data=None, adres=OPVANGADRES, bedenktijd_eind_over=5):
    signaal = new_signaal(regisseur, persoon_data=persoon_data or ANA)
    traject = services.traject_start(by=regisseur, signaal=signaal, opvang_soort="categoraal")
    if adres:
        services.opvangadres_set(traject=traject, by=regisseur, adres=adres)
    if bedenktijd_eind_over is not None:
        today = timezone.localdate()
        services.procedure_update(
            procedure=traject.procedures.get(soort=ProcedureSoort.BEDENKTIJD),
            by=regisseur,
            status="lopend",
            datum=today + timedelta(days=bedenktijd_eind_over - 80),
            einddatum=today + timedelta(days=bedenktijd_eind_over),
        )
    return traject


def build_mensenhandel_world(world: dict) -> None:
    users = world["users"]
    regisseur, partner = users[Role.PROCESREGISSEUR], users[Role.KETENPARTNER]
    join_team(regisseur, partner)
    world["mh_traject_granted"] = new_traject(regisseur)
    case_services.grant_create(
        casus=world["mh_traject_granted"].casus,
        by=regisseur,
        organisatie=partner.organisation,
        rol="deelnemer",
        doel="Betrokken bij de opvang en de aangifte.",
    )
    world["mh_traject_other"] = new_traject(
        regisseur,
        persoon_data={"voornamen": "Olena", "achternaam": "Kovalenko", "geboortedatum": date(2001, 8, 9)},
        adres="Andere Opvang 3, Breda",
    )
    world["signaal"] = world["mh_traject_granted"].signaal
    world["signaal_open"] = new_signaal(regisseur, persoon_data=None, signalerende_organisatie="anoniem")
    world["procedure"] = world["mh_traject_granted"].procedures.get(soort=ProcedureSoort.BEDENKTIJD)
    world["mh_overleg"] = case_services.overleg_create(
        by=regisseur,
        datum_tijd=timezone.now() + timedelta(days=10),
        locatie="ZVH",
        soort="casusoverleg",
        voorzitter=regisseur,
    )
