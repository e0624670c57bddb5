"""Demo data for the levensloopaanpak verward gedrag. Idempotent (skipped when Erik van Dam's dossier exists).

- the fixed fixture **Erik van Dam** (BSN 999990111): in the approach, levensloopaanbieder GGZ Breburg, his review
  was due last week (flagged on Mijn werk and in the list); GGZ Breburg (aanbrengende partner) has a grant on his
  case, Politie none;
- inclusions in every quarter of 2022 and this year, reviews every three months, outflow with reasons, a selection
  without inclusion and one the inclusietafel did not take in, so the monitor and the jaarplan rows show figures.
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from cases import services as case_services
from cases.choices import Grondslag, Thema
from zvh.accounts.models import Organisation, User
from zvh.persons.services import persoon_link_or_create

from . import services
from .choices import Oorzaak, SelectieUitkomst, Titel, UitstroomReden
from .models import Dossier

ERIK = {"voornamen": "Erik", "achternaam": "van Dam", "bsn": "999990111", "geboortedatum": date(1984, 6, 12)}
REVIEW_DAGEN = 91

# (voornamen, achternaam, geboortedatum, selectie, besluit (None: not taken in), uitstroom (date, reason) or None)
ANDEREN = [
    ("Henk", "Brouwer", date(1971, 2, 3), date(2022, 1, 10), date(2022, 1, 24), None),
    (
        "Ilse",
        "Verbeek",
        date(1990, 9, 14),
        date(2022, 2, 7),
        date(2022, 3, 7),
        (date(2022, 11, 21), "risico_afgenomen"),
    ),
    ("Marco", "Jacobs", date(1979, 5, 30), date(2022, 4, 4), date(2022, 4, 25), None),
    ("Rachid", "El Idrissi", date(1995, 12, 1), date(2022, 5, 16), date(2022, 6, 13), None),
    ("Tom", "Hendriks", date(1988, 7, 7), date(2022, 7, 11), date(2022, 8, 1), (date(2023, 2, 13), "verhuisd")),
    ("Wendy", "Kuipers", date(1983, 3, 19), date(2022, 9, 5), date(2022, 9, 26), None),
    ("Bas", "Peeters", date(1992, 10, 23), date(2022, 10, 3), date(2022, 10, 31), None),
    ("Yvonne", "de Graaf", date(1975, 8, 8), date(2022, 11, 14), date(2022, 12, 12), (date(2023, 6, 5), "opname")),
    ("Johan", "Smulders", date(1968, 4, 2), date(2022, 6, 20), None, None),
]


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10)))


class Seeder:
    def __init__(self, regisseur: User) -> None:
        self.regisseur = regisseur
        self.ggz = Organisation.objects.get(name="GGZ Breburg")
        self.breda = Organisation.objects.get(name="Gemeente Breda")
        self.today = timezone.localdate()

    def casus(self, persoon, opened: date):
        return case_services.casus_open(
            by=self.regisseur,
            thema=Thema.VERWARD,
            hoofdpersoon=persoon,
            aanbrengende_partner=self.ggz,
            grondslag=Grondslag.CONVENANT,
            grondslag_toelichting="Convenant ZVH; levensloopaanpak verward gedrag (Wvggz, Wpg).",
            gemeente=self.breda,
            leefgebieden=["psychisch", "verslaving", "justitie", "huisvesting"],
            opened_at=_at(opened),
        )

    def selectie(self, persoon, casus, op: date, *, inclusie: bool = True) -> Dossier:
        return services.selectie_record(
            by=self.regisseur,
            persoon=persoon,
            casus=casus,
            meerderjarig=True,
            gevaarlijk_gedrag=True,
            oorzaken=[Oorzaak.PSYCHISCHE_STOORNIS, Oorzaak.VERSLAVING],
            justitiecontacten=inclusie,
            langdurig_meervoudig=True,
            titel=Titel.WVGGZ if inclusie else Titel.ONBEKEND,
            uitkomst=SelectieUitkomst.INCLUSIE if inclusie else SelectieUitkomst.GEEN_INCLUSIE,
            motivering="Voldoet aan alle criteria van de Ketenveldnorm."
            if inclusie
            else "Geen contacten met justitie; doorverwezen naar de reguliere GGZ.",
            op=op,
        )

    def besluit(self, dossier: Dossier, op: date, eerste_review: date, *, opgenomen: bool = True) -> Dossier:
        return services.inclusie_besluit(
            dossier=dossier,
            by=self.regisseur,
            opgenomen=opgenomen,
            motivering="Hoog veiligheidsrisico, langdurige begeleiding nodig."
            if opgenomen
            else "Het risico is met reguliere zorg te beheersen.",
            besloten_op=op,
            levensloopaanbieder=self.ggz if opgenomen else None,
            casusregisseur_gemeente=self.breda if opgenomen else None,
            casusregisseur_naam="Mark de Wit" if opgenomen else "",
            levensloopplan="Beveiligd wonen, dagbesteding, depotmedicatie; signaleringsplan met politie en GGZ."
            if opgenomen
            else "",
            volgende_review=eerste_review if opgenomen else None,
        )

    def reviews(self, dossier: Dossier, until: date) -> None:
        """A review every three months while the person is in the approach (each plans the next)."""
        held = dossier.eerste_review
        while held < until:
            services.review_record(
                dossier=dossier,
                by=self.regisseur,
                gehouden_op=held,
                conclusie="Plan loopt; afspraken met aanbieder en casusregisseur bijgesteld.",
                volgende_review=held + timedelta(days=REVIEW_DAGEN),
            )
            held += timedelta(days=REVIEW_DAGEN)

    def anderen(self) -> None:
        for voornamen, achternaam, geboren, selectie, besloten, uit in ANDEREN:
            persoon, _created = persoon_link_or_create(
                voornamen=voornamen, achternaam=achternaam, geboortedatum=geboren
            )
            dossier = self.selectie(persoon, self.casus(persoon, selectie), selectie)
            if besloten is None:
                self.besluit(dossier, selectie + timedelta(days=21), None, opgenomen=False)
                continue
            self.besluit(dossier, besloten, besloten + timedelta(days=REVIEW_DAGEN))
            end = uit[0] if uit else self.today
            self.reviews(dossier, end)
            if uit:
                services.uitstroom_record(
                    dossier=dossier,
                    by=self.regisseur,
                    op=uit[0],
                    reden=UitstroomReden(uit[1]),
                    toelichting="Besluit van de levenslooptafel, warme overdracht geregeld.",
                )
        persoon, _created = persoon_link_or_create(voornamen="Kees", achternaam="Aarts", geboortedatum=date(2001, 1, 9))
        self.selectie(persoon, self.casus(persoon, date(2022, 8, 15)), date(2022, 8, 15), inclusie=False)

    def erik(self) -> Dossier:
        persoon, _created = persoon_link_or_create(**ERIK)
        opened = self.today - timedelta(days=230)
        casus = self.casus(persoon, opened)
        # GGZ Breburg brought the case in: its grant (made by casus_open) lets `ggz` follow the dossier.
        dossier = self.selectie(persoon, casus, opened + timedelta(days=7))
        self.besluit(dossier, opened + timedelta(days=21), self.today - timedelta(days=100))
        services.review_record(
            dossier=dossier,
            by=self.regisseur,
            gehouden_op=self.today - timedelta(days=100),
            conclusie="Stabiel op depotmedicatie; woonplek nog niet gevonden.",
            volgende_review=self.today - timedelta(days=7),  # due last week: flagged
        )
        return dossier


def seed(stdout=None, compact: bool = False, **options) -> None:
    """``compact`` (browser tests): only Erik van Dam."""
    if Dossier.objects.filter(persoon__bsn=ERIK["bsn"]).exists():
        return
    regisseur = User.objects.filter(username="regisseur").first()
    if regisseur is None:
        return
    with transaction.atomic():
        seeder = Seeder(regisseur)
        if not compact:
            seeder.anderen()
        seeder.erik()
    if stdout is not None:
        stdout.write(f"Levensloop: {Dossier.objects.count()} dossiers, Erik van Dam met een verlopen review.")
