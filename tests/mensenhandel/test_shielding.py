"""The shelter address never leaves its one channel (a logged reveal on request).

Every page a crawl reaches, for every role (team members included, right after a reveal), the search, the agenda
and its print, the CSV export, the management PDF's HTML, the FG's access log and every e-mail sent are scanned for
the address.
"""

import re
from collections import deque
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases import services as case_services
from reporting import services as reporting_services
from reporting.figures import jaarplan_figures
from reporting.pdf import report_html
from reporting.seeds import jaarplan_2022
from tests.conftest import make_user, verified_client
from zvh.accounts.choices import Role
from zvh.accounts.demo import seed_organisations

from .world import OPVANGADRES, join_team, new_traject

pytestmark = pytest.mark.django_db

NEEDLE = "Opvangstraat"
HREF = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/uitloggen", "/static/", "/media/", "/beheer/logout", "/account/logout")
MAX_PAGES = 250


def crawl(client, start: str = "/") -> dict[str, str]:
    """GET every internal link reachable from ``start`` (no POSTs: nothing changes), body per URL."""
    seen: dict[str, str] = {}
    queue = deque([start])
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft().replace("&amp;", "&")
        if url in seen or url.startswith(SKIP):
            continue
        response = client.get(url)
        body = response.content.decode("utf-8", errors="replace") if response.status_code == 200 else ""
        seen[url] = body
        if "html" in response.get("Content-Type", ""):
            queue.extend(link for link in HREF.findall(body) if link not in seen)
    return seen


@pytest.fixture
def world(db):
    regisseur = make_user(Role.PROCESREGISSEUR)
    partner = make_user(Role.KETENPARTNER)
    join_team(regisseur, partner)
    traject = new_traject(regisseur)
    case_services.grant_create(
        casus=traject.casus, by=regisseur, organisatie=partner.organisation, rol="deelnemer", doel="Opvang."
    )
    overleg = case_services.overleg_create(
        by=regisseur,
        datum_tijd=timezone.now() + timedelta(days=2),
        locatie="ZVH",
        soort="casusoverleg",
        voorzitter=regisseur,
    )
    case_services.agendapunt_add(overleg=overleg, casus=traject.casus, by=regisseur)
    users = {"team": regisseur, "partner": partner}
    for role in (Role.PROCESREGISSEUR, Role.SECRETARIAAT, Role.MANAGER, Role.FG, Role.BEHEERDER):
        users[role] = make_user(role)
    overleg.ondersteuning.add(users[Role.SECRETARIAAT])
    return {"traject": traject, "overleg": overleg, "users": users}


def test_the_address_is_shown_only_by_the_logged_reveal(world):
    traject, overleg = world["traject"], world["overleg"]
    team = verified_client(world["users"]["team"])
    revealed = team.post(
        reverse("mensenhandel:opvangadres_reveal", args=[traject.pk]), {"reden": "Vervoer naar de opvang"}
    )
    assert OPVANGADRES in revealed.content.decode()  # the one channel (else the scans below prove nothing)

    leaks = []
    for name, user in world["users"].items():
        client = verified_client(user)
        pages = crawl(client)
        pages |= {
            "agenda": client.get(reverse("cases:overleg_detail", args=[overleg.pk])).content.decode(),
            "afdrukken": client.get(reverse("cases:overleg_print", args=[overleg.pk])).content.decode(),
            "zoeken naam": client.post(reverse("cases:search"), {"naam": "Popescu"}, follow=True).content.decode(),
            "zoeken bsn": client.post(reverse("cases:search"), {"bsn": "999990093"}, follow=True).content.decode(),
            "zoeken adres": client.post(
                reverse("cases:search"), {"naam": "Opvangstraat"}, follow=True
            ).content.decode(),
        }
        if name == "team":
            assert reverse("mensenhandel:traject_detail", args=[traject.pk]) in pages
            assert len(pages) > 20
        leaks += [f"{name}: {url}" for url, body in pages.items() if NEEDLE in body and url != "zoeken adres"]
        # The search form echoes what was typed; the address must not be found as a result.
        assert "Popescu" not in pages["zoeken adres"]
    assert not leaks, leaks


def test_no_export_pdf_access_log_or_email_carries_the_address(world):
    traject = world["traject"]
    team = verified_client(world["users"]["team"])
    team.post(reverse("mensenhandel:opvangadres_reveal", args=[traject.pk]), {"reden": "Vervoer naar de opvang"})
    seed_organisations()  # the jaarplan's facilitering rows name the demo partners
    jaarplan, _created = reporting_services.jaarplan_load(data=jaarplan_2022)

    manager = verified_client(world["users"][Role.MANAGER])
    csv = manager.get(reverse("reporting:figures_csv"), {"jaar": 2022, "kwartaal": 4})
    assert csv.status_code == 200
    assert NEEDLE not in csv.content.decode("utf-8-sig")
    html = report_html(jaarplan_figures(jaarplan, 4), requested_by="test")
    assert "mensenhandel" in html.lower() and NEEDLE not in html

    fg = verified_client(world["users"][Role.FG])
    log = fg.get(reverse("privacy:person_log", args=[traject.persoon_id])).content.decode()
    assert "bekeek een afgeschermd gegeven" in log  # the reveal is in the FG's view (plain words) ...
    assert NEEDLE not in log  # ... the address is not

    for message in mail.outbox:
        assert NEEDLE not in message.body + message.subject + "".join(str(a) for a in message.alternatives)
