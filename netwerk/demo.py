"""Demo data: the activities of 2022 behind the jaarplan rows of Lerende organisaties and the netwerkdag, and a few
of this year. Fictitious and aggregate (counts per organisation). Idempotent: an activity (date, topic) is added once.
"""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from zvh.accounts.models import Organisation, User

from . import services
from .choices import Maat, Soort, Training
from .models import Netwerkactiviteit

T = Soort.TRAINING
G, B = Maat.GETRAIND, Maat.BEREIKT
POL, GEG, KAART, INFO = Training.POLARISATIE, Training.GEGEVENSDELING, Training.REGIEKAART, Training.INFORMATIESYSTEEM

# (date, soort, training, topic, [(organisation, maat, aantal, eerder geteld)])
ACTIVITEITEN_2022 = [
    (
        date(2022, 2, 10),
        T,
        KAART,
        "Regiekaart de-escaleren voor wijkteams",
        [("MaSS", G, 10, 0), ("Gemeente Breda", G, 8, 0)],
    ),
    (date(2022, 2, 24), Soort.WERKBEZOEK, "", "Werkbezoek wijkteam Etten-Leur", [("Gemeente Etten-Leur", B, 9, 0)]),
    (date(2022, 3, 17), Soort.WERKBEZOEK, "", "Werkbezoek wijkteam Drimmelen", [("Gemeente Drimmelen", B, 7, 0)]),
    (
        date(2022, 4, 12),
        T,
        POL,
        "Signalen van polarisatie en radicalisering herkennen",
        [("Politie", G, 9, 0), ("Gemeente Breda", G, 8, 0), ("Reclassering Nederland", G, 7, 0)],
    ),
    (
        date(2022, 5, 19),
        T,
        GEG,
        "Gegevensdeling in het ZVH: wat mag en wat moet",
        [("Veilig Thuis West-Brabant", G, 6, 0), ("GGZ Breburg", G, 6, 0)],
    ),
    (date(2022, 5, 31), T, KAART, "Regiekaart de-escaleren: opfrissen", [("MaSS", G, 9, 3), ("Politie", G, 8, 0)]),
    (
        date(2022, 6, 9),
        T,
        INFO,
        "Werken met het nieuwe informatiesysteem (1)",
        [("Zorg- en Veiligheidshuis Baronie Breda", G, 14, 0)],
    ),
    (
        date(2022, 6, 23),
        Soort.EXPERTMEETING,
        "",
        "Expertmeeting verward gedrag en veiligheid",
        [("GGZ Breburg", B, 12, 0), ("Politie", B, 10, 0), ("Gemeente Breda", B, 6, 0)],
    ),
    (date(2022, 9, 8), T, KAART, "Regiekaart de-escaleren voor politie", [("Politie", G, 9, 0)]),
    (date(2022, 9, 15), Soort.WERKBEZOEK, "", "Ontvangst nieuwe teamchefs politie", [("Politie", B, 6, 0)]),
    (
        date(2022, 9, 22),
        T,
        INFO,
        "Werken met het nieuwe informatiesysteem (2)",
        [("Zorg- en Veiligheidshuis Baronie Breda", G, 8, 2)],
    ),
    (
        date(2022, 10, 6),
        Soort.NETWERKDAG,
        "",
        "Districtelijke netwerkdag Zorg en Veiligheid",
        [
            ("Gemeente Breda", B, 28, 0),
            ("Politie", B, 22, 0),
            ("GGZ Breburg", B, 16, 0),
            ("MaSS", B, 14, 0),
            ("Veilig Thuis West-Brabant", B, 12, 0),
            ("Reclassering Nederland", B, 10, 0),
            ("Gemeente Oosterhout", B, 10, 0),
        ],
    ),
    (
        date(2022, 10, 18),
        Soort.WEEK_MENSENHANDEL,
        "",
        "Week tegen mensenhandel: bijeenkomst Breda",
        [("Gemeente Breda", B, 140, 0), ("Politie", B, 90, 0), ("GGZ Breburg", B, 60, 0)],
    ),
    (
        date(2022, 10, 20),
        Soort.WEEK_MENSENHANDEL,
        "",
        "Week tegen mensenhandel: bijeenkomst Oosterhout",
        [("Gemeente Oosterhout", B, 110, 0), ("MaSS", B, 60, 0)],
    ),
    (
        date(2022, 11, 3),
        T,
        POL,
        "Polarisatie en radicalisering: casuïstiek",
        [("Politie", G, 12, 2), ("Gemeente Oosterhout", G, 10, 0), ("MaSS", G, 11, 0)],
    ),
    (
        date(2022, 11, 17),
        T,
        GEG,
        "Gegevensdeling voor gemeenten",
        [("Gemeente Breda", G, 6, 0), ("Gemeente Etten-Leur", G, 4, 0)],
    ),
    (date(2022, 12, 1), T, KAART, "Regiekaart de-escaleren voor GGZ", [("GGZ Breburg", G, 12, 0), ("MaSS", G, 10, 1)]),
    (
        date(2022, 12, 8),
        T,
        INFO,
        "Werken met het nieuwe informatiesysteem (3)",
        [("Zorg- en Veiligheidshuis Baronie Breda", G, 5, 1)],
    ),
]


def _recent() -> list:
    today = timezone.localdate()
    return [
        (
            today - timedelta(days=20),
            T,
            GEG,
            "Gegevensdeling: de nieuwe privacyprotocollen",
            [("Veilig Thuis West-Brabant", G, 8, 0), ("Gemeente Breda", G, 5, 0)],
        ),
        (
            today - timedelta(days=9),
            Soort.EXPERTMEETING,
            "",
            "Expertmeeting mensenhandel en arbeidsuitbuiting",
            [("Politie", B, 7, 0), ("Gemeente Breda", B, 5, 0)],
        ),
    ]


def seed(stdout=None, **options) -> None:
    user = User.objects.filter(username="secretariaat").first()
    if user is None:
        return
    organisations = {o.name: o for o in Organisation.objects.all()}
    existing = set(Netwerkactiviteit.objects.values_list("datum", "onderwerp"))
    added = 0
    with transaction.atomic():
        for datum, soort, training, onderwerp, deelnemers in [*ACTIVITEITEN_2022, *_recent()]:
            if (datum, onderwerp) in existing or any(name not in organisations for name, *_ in deelnemers):
                continue
            activiteit = services.activiteit_create(
                by=user, datum=datum, soort=soort, training=training, onderwerp=onderwerp
            )
            for name, maat, aantal, eerder in deelnemers:
                services.deelname_add(
                    activiteit=activiteit,
                    by=user,
                    organisatie=organisations[name],
                    maat=maat,
                    aantal=aantal,
                    eerder_geteld=eerder,
                )
            added += 1
    if stdout is not None and added:
        stdout.write(f"Netwerk: {added} activiteiten met deelnemers.")
