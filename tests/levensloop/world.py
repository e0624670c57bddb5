"""A small levensloop world, built through the real services.

Politie (the matrix's ketenpartner) has a grant on the case of ``ll_dossier_granted`` and none on the case of
``ll_dossier_other``; ``ll_dossier_aangemeld`` waits for the inclusietafel; ``ll_casus_nieuw`` and
``ll_aanmelding`` have no dossier yet (the selectie-instrument starts from them).
"""

from datetime import date, timedelta

from django.utils import timezone

from cases import services as case_services
from cases.choices import Grondslag, Thema
from levensloop import services
from levensloop.choices import Oorzaak, SelectieUitkomst, Titel
from tests.conftest import make_user
from tests.factories import OrganisationFactory
from zvh.accounts.choices import OrganisationType, Role
from zvh.persons.services import persoon_link_or_create

CRITERIA = {
    "meerderjarig": True,
    "gevaarlijk_gedrag": True,
    "oorzaken": [Oorzaak.PSYCHISCHE_STOORNIS],
    "justitiecontacten": True,
    "langdurig_meervoudig": True,
    "titel": Titel.WVGGZ,
    "titel_toelichting": "",
}


def gemeente_breda():
    return OrganisationFactory(name="Gemeente Breda", type=OrganisationType.GEMEENTE)


def ggz():
    return OrganisationFactory(name="GGZ Breburg", type=OrganisationType.GGZ)


def new_casus(regisseur, voornamen: str, achternaam: str, *, thema=Thema.VERWARD, partner=None, **persoon):
    persoon, _created = persoon_link_or_create(
        voornamen=voornamen,
        achternaam=achternaam,
        geboortedatum=persoon.pop("geboortedatum", date(1985, 3, 4)),
        **persoon,
    )
    return case_services.casus_open(
        by=regisseur,
        thema=thema,
        hoofdpersoon=persoon,
        aanbrengende_partner=partner or ggz(),
        grondslag=Grondslag.CONVENANT,
        grondslag_toelichting="Convenant ZVH.",
        leefgebieden=["psychisch", "justitie"],
        gemeente=gemeente_breda(),
    )


def selectie(regisseur, casus, *, op=None, uitkomst=SelectieUitkomst.INCLUSIE, **criteria):
    return services.selectie_record(
        by=regisseur,
        persoon=casus.hoofdpersoon,
        casus=casus,
        **{**CRITERIA, **criteria},
        uitkomst=uitkomst,
        motivering="Voldoet aan de criteria.",
        op=op,
    )


def include(regisseur, dossier, *, besloten_op=None, volgende_review=None):
    today = timezone.localdate()
    besloten_op = besloten_op or dossier.geselecteerd_op
    return services.inclusie_besluit(
        dossier=dossier,
        by=regisseur,
        opgenomen=True,
        motivering="Hoog risico.",
        besloten_op=besloten_op,
        levensloopaanbieder=ggz(),
        casusregisseur_gemeente=gemeente_breda(),
        casusregisseur_naam="Mark de Wit",
        levensloopplan="Beveiligd wonen en dagbesteding.",
        volgende_review=volgende_review or today + timedelta(days=30),
    )


def dossier_in_aanpak(regisseur, voornamen, achternaam, *, review_over: int = 30, **extra):
    """A dossier in the approach whose review is due in ``review_over`` days (negative: overdue)."""
    today = timezone.localdate()
    casus = new_casus(regisseur, voornamen, achternaam, **extra)
    dossier = selectie(regisseur, casus, op=today - timedelta(days=60))
    return include(
        regisseur, dossier, besloten_op=today - timedelta(days=50), volgende_review=today + timedelta(days=review_over)
    )


NAMES = ("Erik Verhoef", "Otto Lammers", "Gijs Mulder", "Noor Claessens", "Wim Brand")


def build_levensloop_world(world: dict) -> None:
    from tests.triage.world import person, submitted

    users = world["users"]
    regisseur, partner = users[Role.PROCESREGISSEUR], users[Role.KETENPARTNER]
    world["ll_dossier_granted"] = dossier_in_aanpak(regisseur, "Erik", "Verhoef", review_over=-7)
    case_services.grant_create(
        casus=world["ll_dossier_granted"].casus,
        by=regisseur,
        organisatie=partner.organisation,
        rol="deelnemer",
        doel="Aan de levenslooptafel.",
    )
    world["ll_dossier_other"] = dossier_in_aanpak(regisseur, "Otto", "Lammers")
    world["ll_dossier_aangemeld"] = selectie(regisseur, new_casus(regisseur, "Gijs", "Mulder"))
    world["ll_casus_nieuw"] = new_casus(regisseur, "Noor", "Claessens")
    ggz_melder = make_user(Role.KETENPARTNER, organisation=ggz())
    world["ll_aanmelding"] = submitted(ggz_melder, persons=[person("Wim", "Brand", geboortedatum=date(1980, 2, 2))])
    hidden = world.setdefault("hidden", {})
    for role in ("anoniem", "zonder-2fa", Role.SECRETARIAAT, Role.MANAGER, Role.FG, Role.BEHEERDER, "superuser"):
        hidden.setdefault(role, set()).update(NAMES)
    hidden.setdefault(Role.KETENPARTNER, set()).update(("Otto Lammers", "Gijs Mulder", "Noor Claessens", "Wim Brand"))
