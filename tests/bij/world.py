"""BIJ objects for tests, built through the real services."""

from datetime import date, timedelta

from bij import services
from bij.choices import TEAM_BIJ, TEAM_OOV
from tests.conftest import make_user
from tests.factories import OrganisationFactory
from zvh.access.models import Team
from zvh.accounts.choices import OrganisationType, Role


def gemeente(name: str = "Gemeente Breda"):
    return OrganisationFactory(name=name, type=OrganisationType.GEMEENTE)


def join(user, code: str):
    Team.objects.get(code=code).leden.add(user)
    user.forget_memberships()
    return user


def bij_regisseur():
    return join(make_user(Role.PROCESREGISSEUR), TEAM_BIJ)


def oov_adviseur(gemeente_naam: str = "Gemeente Breda"):
    return join(make_user(Role.KETENPARTNER, organisation=gemeente(gemeente_naam)), TEAM_OOV)


DATA = {
    "bron": "dji_justid",
    "categorie": "zeden",
    "soort": "definitief",
    "verlof_soort": "",
    "inrichting": "PI Vught",
    "beoogde_verblijfplaats": "Breda-Noord",
    "slachtoffers_nabij": "onbekend",
    "slachtoffers_toelichting": "",
    "reclasseringsadvies": "Toezicht met locatieverbod.",
    "risico_samenvatting": "Hoog recidiverisico.",
}


def melding(by, *, persoon=None, days: int = 30, **data):
    persoon = persoon or {"voornamen": "Hendrik", "achternaam": "Visser", "geboortedatum": date(1970, 5, 4)}
    values = {
        **DATA,
        "ontvangen_op": date.today(),
        "verwachte_datum": date.today() + timedelta(days=days),
        "brp_gemeente": gemeente(),
        **data,
    }
    return services.melding_create(by=by, persoon=persoon, data=values)


def advised(by, m, gemeente_org=None):
    services.melding_transition(melding=m, name="onderzoeken", by=by)
    return services.advies_uitbrengen(
        melding=m,
        by=by,
        tekst="Burgemeester informeren; gebiedsverbod overwegen.",
        datum=date.today(),
        gemeente=gemeente_org or gemeente(),
    )
