"""Demo BIJ data: meldingen in 2022 and this year in every status, BIJ-overleggen, advice, besluiten, 18b register.

2022 (the jaarplan year) has 21 handled meldingen; this year has 21, three in each status. Everything goes through
the real services. Fictitious people only. Idempotent: when the fixed fixture Hendrik
Visser exists, nothing is added. The fixtures testers rely on:

- Hendrik Visser, BSN 999990056: definitieve terugkeer, zeden, expected in 10 days, no advice yet (so flagged late);
- `regisseur` is in the BIJ team, `regisseur2` is not; `politie` is invited to nothing (no access to him);
- `oov`: OOV-adviseur of Gemeente Breda (team oov-adviseur), records the besluit on advice to Breda.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from cases.models import Casus
from zvh.access.models import Team
from zvh.accounts.choices import Role
from zvh.accounts.demo import DEMO_PASSWORD, totp_key_hex
from zvh.accounts.models import Organisation, User
from zvh.persons.models import Persoon
from zvh.persons.names import ACHTERNAMEN, VOORNAMEN_M

from . import services
from .choices import TEAM_BIJ, TEAM_OOV, Bron, Categorie, Gegevenscategorie, MeldingStatus, Partner18b, Soort
from .choices import VerlofSoort as V
from .models import BijOverleg

S = MeldingStatus
VISSER_BSN = "999990056"
PER_YEAR = 21  # this year: three meldingen in each of the seven statuses
INRICHTINGEN = ["PI Vught", "PI Breda", "PI Zuid-West", "FPC de Kijvelanden", "JJI Den Hey-Acker", "PI Grave"]
GEMEENTEN = ["Breda"] * 5 + ["Oosterhout", "Etten-Leur", "Zundert", "Drimmelen"]
ADVIEZEN = [
    "Burgemeester informeren; geen aanvullende maatregelen, reclassering houdt toezicht.",
    "Burgemeester informeren en een gebiedsverbod rond de woning van het slachtoffer overwegen.",
    "Wijkagent en woningcorporatie informeren; huisvesting buiten de wijk van het slachtoffer.",
]
MAATREGELEN = ["Geen aanvullende maatregelen.", "Gebiedsverbod opgelegd.", "Bestuurlijke rapportage opgevraagd."]


class Seeder:
    def __init__(self) -> None:
        self.rnd = random.Random(1818)  # noqa: S311 - reproducible demo data, not security
        self.orgs = {o.name: o for o in Organisation.objects.all()}
        self.regisseur = User.objects.get(username="regisseur")
        self.oov = self._oov()
        Team.objects.get(code=TEAM_BIJ).leden.add(self.regisseur)
        self.regisseur.forget_memberships()
        self.overleggen: dict[date, BijOverleg] = {}
        self.casus = Casus.objects.order_by("pk").first()

    def _oov(self) -> User:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from zvh.accounts import services as account_services

        user = User.objects.filter(username="oov").first() or account_services.user_create(
            username="oov",
            organisation=self.orgs["Gemeente Breda"],
            role=Role.KETENPARTNER,
            password=DEMO_PASSWORD,
            first_name="Olga",
            last_name="van Oosten",
            email="oov@demo.zvh.invalid",
            function_title="OOV-adviseur",
        )
        TOTPDevice.objects.get_or_create(user=user, name="default", defaults={"key": totp_key_hex(), "confirmed": True})
        Team.objects.get(code=TEAM_OOV).leden.add(user)
        user.forget_memberships()
        return user

    def at(self, day: date, hour: int = 10) -> datetime:
        return timezone.make_aware(datetime.combine(day, time(hour, 0)))

    def overleg(self, after: date) -> BijOverleg:
        """The biweekly BIJ-overleg (a Tuesday in even ISO weeks) on or after ``after``."""
        day = after + timedelta(days=(1 - after.weekday()) % 7)
        if day.isocalendar().week % 2:
            day += timedelta(days=7)
        if day not in self.overleggen:
            self.overleggen[day] = services.bij_overleg_create(
                by=self.regisseur,
                datum_tijd=self.at(day),
                locatie="ZVH Baronie Breda, BIJ-kamer",
                voorzitter=self.regisseur,
            )
        return self.overleggen[day]

    def persoon(self) -> dict:
        year = self.rnd.randint(1960, 2002)
        return {
            "voornamen": self.rnd.choice(VOORNAMEN_M),
            "achternaam": self.rnd.choice(ACHTERNAMEN),
            "geboortedatum": date(year, self.rnd.randint(1, 12), self.rnd.randint(1, 28)),
        }

    def data(self, ontvangen: date, verwacht: date, gemeente: str) -> dict:
        soort = self.rnd.choice([Soort.DEFINITIEF, Soort.VERLOF])
        return {
            "bron": self.rnd.choice(Bron.values),
            "ontvangen_op": ontvangen,
            "categorie": self.rnd.choice([Categorie.ZEDEN, Categorie.ERNSTIG_GEWELD] * 3 + Categorie.values),
            "soort": soort,
            "verlof_soort": self.rnd.choice([V.INCIDENTEEL, V.REGIMAIR, V.BEGELEID]) if soort == Soort.VERLOF else "",
            "inrichting": self.rnd.choice(INRICHTINGEN),
            "verwachte_datum": verwacht,
            "brp_gemeente": self.orgs[f"Gemeente {gemeente}"],
            "beoogde_verblijfplaats": f"{gemeente}, bij familie"
            if self.rnd.random() < 0.5
            else f"{gemeente}, eigen woning",
            "slachtoffers_nabij": self.rnd.choice(["ja", "nee", "onbekend"]),
            "slachtoffers_toelichting": "Afstemming met Slachtofferhulp loopt." if self.rnd.random() < 0.3 else "",
            "reclasseringsadvies": "Toezicht met meldplicht en contactverbod.",
            "risico_samenvatting": self.rnd.choice(
                ["Matig recidiverisico.", "Hoog recidiverisico.", "Risico onbekend."]
            ),
        }

    def melding(self, target: str, ontvangen: date, verwacht: date, persoon=None, gemeente=None):
        """One melding, walked through the real steps up to ``target`` (dates follow the melding)."""
        gemeente = gemeente or ("Breda" if target == S.BESLUIT_ONTVANGEN else self.rnd.choice(GEMEENTEN))
        by = self.regisseur
        m = services.melding_create(
            by=by,
            persoon=persoon or self.persoon(),
            data=self.data(ontvangen, verwacht, gemeente),
            at=self.at(ontvangen, 9),
        )
        steps = [S.IN_ONDERZOEK, S.GEAGENDEERD, S.ADVIES_UITGEBRACHT, S.BESLUIT_ONTVANGEN, S.AFGEROND]
        if target == S.ONTVANGEN:
            return m
        if target == S.OPGESCHAALD and self.casus is not None:
            steps = [S.IN_ONDERZOEK, S.GEAGENDEERD, S.OPGESCHAALD]
        day = ontvangen + timedelta(days=1)
        for step in steps:
            if step == S.IN_ONDERZOEK:
                services.melding_transition(melding=m, name="onderzoeken", by=by, at=self.at(day))
            elif step == S.GEAGENDEERD:
                overleg = self.overleg(day)
                day = overleg.overleg.datum_tijd.date()
                services.bij_agendapunt_add(bij_overleg=overleg, melding=m, by=by, at=self.at(day, 9))
            elif step == S.ADVIES_UITGEBRACHT:
                punt = m.agendapunten.get()
                services.bij_agendapunt_verslag(
                    punt=punt,
                    by=by,
                    verslag="Risico besproken met reclassering en politie.",
                    afspraken="Advies aan de burgemeester opstellen.",
                )
                services.advies_uitbrengen(
                    melding=m,
                    by=by,
                    tekst=self.rnd.choice(ADVIEZEN),
                    datum=day,
                    gemeente=m.brp_gemeente,
                    at=self.at(day, 14),
                )
            elif step == S.BESLUIT_ONTVANGEN:
                if m.brp_gemeente_id != self.oov.organisation_id:
                    continue  # only Breda's OOV-adviseur has an account in the demo
                day += timedelta(days=3)
                m.refresh_from_db()
                services.besluit_registreren(
                    advies=m.advies,
                    by=self.oov,
                    datum=day,
                    maatregelen=self.rnd.choice(MAATREGELEN),
                    at=self.at(day, 11),
                )
            elif step == S.AFGEROND:
                day += timedelta(days=2)
                services.melding_transition(
                    melding=m,
                    name="afronden",
                    by=by,
                    reden="Burgemeester geïnformeerd.",
                    afsluitreden="afgehandeld",
                    at=self.at(day),
                )
            elif step == S.OPGESCHAALD:
                services.melding_transition(
                    melding=m,
                    name="opschalen",
                    by=by,
                    casus=self.casus,
                    reden="Aanpak nodig over zorg en straf heen.",
                    at=self.at(day, 15),
                )
            m.refresh_from_db()
            if m.status == target:
                break
        if target == S.AFGEROND and m.status != S.AFGEROND:  # opgeschaald without a casus to link: close instead
            services.melding_transition(melding=m, name="afronden", by=by, reden="Geen casus.", afsluitreden="overig")
        return m

    def year(self, year: int, today: date) -> list:
        """This year: three meldingen in each status. An earlier year: all handled (afgerond, some opgeschaald)."""
        if year == today.year:
            statuses = [s for s in S for _i in range(3)]
        else:
            statuses = [S.OPGESCHAALD if i % 5 == 4 else S.AFGEROND for i in range(PER_YEAR)]
        made = []
        for i, target in enumerate(statuses):
            if year == today.year and target in (S.ONTVANGEN, S.IN_ONDERZOEK, S.GEAGENDEERD):
                ontvangen = today - timedelta(days=self.rnd.randint(3, 12))  # open ones are recent
            else:
                ontvangen = date(year, 1, 3) + timedelta(
                    days=int(i * min(340, (today - date(year, 1, 3)).days) / PER_YEAR)
                )
            verwacht = ontvangen + timedelta(days=self.rnd.randint(14, 50))
            made.append(self.melding(target, ontvangen, verwacht))
        return made

    def register(self, meldingen) -> None:
        for m in meldingen[::4]:
            services.uitwisseling_create(
                by=self.regisseur,
                data={
                    "richting": self.rnd.choice(["ontvangen", "verstrekt"]),
                    "partners": sorted(self.rnd.sample(Partner18b.values, 2)),
                    "gegevenscategorieen": sorted(self.rnd.sample(Gegevenscategorie.values, 3)),
                    "datum": m.ontvangen_op,
                    "grondslag": "pbw_18b",
                    "grondslag_toelichting": "Informatie-uitwisseling rond terugkeer na detentie.",
                    "melding": m,
                },
            )

    def invite(self, meldingen) -> None:
        reclassering = self.orgs.get("Reclassering Nederland")
        for m in meldingen[1::5]:
            if reclassering and m.status not in (S.AFGEROND, S.OPGESCHAALD):
                services.uitnodiging_create(
                    melding=m,
                    by=self.regisseur,
                    organisatie=reclassering,
                    doel="Reclasseringsadvies en toezicht bespreken.",
                )

    def visser(self, today: date):
        m = self.melding(
            S.IN_ONDERZOEK,
            today - timedelta(days=2),
            today + timedelta(days=10),
            persoon={
                "voornamen": "Hendrik",
                "achternaam": "Visser",
                "bsn": VISSER_BSN,
                "geboortedatum": date(1968, 3, 14),
            },
            gemeente="Breda",
        )
        services.melding_update(
            melding=m,
            by=self.regisseur,
            data={"categorie": Categorie.ZEDEN, "soort": Soort.DEFINITIEF, "verlof_soort": ""},
        )
        return m


def seed(stdout=None, **options) -> None:
    if Persoon.objects.filter(bsn=VISSER_BSN, bij_meldingen__isnull=False).exists():
        return
    if not User.objects.filter(username="regisseur").exists():
        return  # the accounts demo did not run
    with transaction.atomic():
        seeder = Seeder()
        today = timezone.localdate()
        meldingen = seeder.year(2022, today) + (seeder.year(today.year, today) if today.year != 2022 else [])
        seeder.register(meldingen)
        seeder.invite(meldingen)
        seeder.visser(today)
    if stdout is not None and not options.get("quiet"):
        stdout.write(f"BIJ: {len(meldingen) + 1} meldingen, {len(seeder.overleggen)} BIJ-overleggen.\n")
