"""A small ZSM world, built through the real services.

The matrix's ketenpartner (Politie) is a member of the ZSM team here (Politie is a ZSM partner); tests that need
a partner outside the team make one. There are:
- ``zsm_eigen``: an open verzoek of Politie (the matrix's partner's own organisation);
- ``zsm_ander``: an open verzoek of the Openbaar Ministerie.
"""

from datetime import date, timedelta

from django.utils import timezone

from tests.factories import OrganisationFactory
from zsm import services
from zsm.choices import TEAM
from zvh.access.models import Team
from zvh.accounts.choices import OrganisationType, Role

JAN = {"voornamen": "Jan", "tussenvoegsel": "de", "achternaam": "Vries", "bsn": "999990019"}
JAN_GEBOORTEDATUM = date(1979, 3, 14)


def join_team(*users) -> None:
    team = Team.objects.get(code=TEAM)
    for user in users:
        team.leden.add(user)
        user.forget_memberships()


def om():
    return OrganisationFactory(name="Openbaar Ministerie", type=OrganisationType.OM)


def later_today(hours: int = 2):
    """A deadline later today (or the end of today, when it is late)."""
    now = timezone.localtime()
    end = now.replace(hour=23, minute=59, second=0, microsecond=0)
    return min(now + timedelta(hours=hours), end)


def new_verzoek(by, *, partner_organisatie=None, **extra):
    data = {
        "voornamen": "Kees",
        "achternaam": "Janssen",
        "geboortedatum": date(1990, 5, 1),
        "minderjarig": False,
        "deadline": later_today(),
        "vraag": "Voorgeleiding vandaag.",
    }
    data.update(extra)
    return services.contextverzoek_create(by=by, partner_organisatie=partner_organisatie, **data)


def build_zsm_world(world: dict) -> None:
    users = world["users"]
    regisseur, partner = users[Role.PROCESREGISSEUR], users[Role.KETENPARTNER]
    join_team(partner)
    world["zsm_eigen"] = new_verzoek(partner, voornamen="Piet", achternaam="Zsmeigen")
    world["zsm_ander"] = new_verzoek(regisseur, partner_organisatie=om(), voornamen="Otto", achternaam="Zsmander")
    hidden = world.setdefault("hidden", {})
    hidden.setdefault(Role.KETENPARTNER, set()).add("Otto Zsmander")  # the OM's verzoek, not Politie's
    for role in ("anoniem", "zonder-2fa", Role.SECRETARIAAT, Role.MANAGER, Role.FG, Role.BEHEERDER, "superuser"):
        hidden.setdefault(role, set()).update({"Otto Zsmander", "Piet Zsmeigen"})
