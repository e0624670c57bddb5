"""Demo re-integratie: the coördinator account, ≈ 250 trajecten in 2022, this year's trajecten so far, ISD-trajecten,
and two fixed fixtures testers rely on:

- Ronald Kok, BSN 999990068 (Gemeente Breda): released in 8 days, onderdak (knelpunt, Reclassering acts, consent
  given) and inkomen (in behandeling) still open: flagged;
- Sander de Bruijn, BSN 999990081 (Gemeente Breda): ISD in the detentiefase, ending in about 4 months, no plan for
  the re-integratiefase yet: flagged.

The account ``reintegratie`` (ketenpartner of Gemeente Breda, member of the team coordinator-reintegratie) sees
Breda's trajecten; ``politie`` sees neither fixture. Everything goes through the services; fictitious people only.
Idempotent: when Ronald Kok's traject exists, nothing is added.
"""

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from triage.demo import GEMEENTEN, Seeder
from zvh.access.models import Team
from zvh.accounts.choices import Role
from zvh.accounts.demo import DEMO_PASSWORD, totp_key_hex
from zvh.accounts.models import Organisation, User
from zvh.persons.models import Persoon

from . import services
from .access import COORDINATOR_TEAM
from .choices import ISDFaseSoort, Toestemming, TrajectStatus, VoorwaardeSoort, VoorwaardeStatus
from .models import ISDTraject, Traject, TrajectStap

ACCOUNT = "reintegratie"
INRICHTINGEN = ["PI Breda", "PI Vught", "PI Zuid-West, locatie Middelburg", "PI Dordrecht", "PI Grave", "PI Tilburg"]
CASEMANAGERS = ["M. de Groot", "S. Aydın", "P. van Dijk", "J. Willems", "L. Bakker"]
NOTITIES = {
    VoorwaardeSoort.IDENTITEITSBEWIJS: ["ID-kaart aangevraagd bij de balie", "Paspoort nog geldig"],
    VoorwaardeSoort.ONDERDAK: [
        "Plek in de maatschappelijke opvang",
        "Terug naar familie",
        "Kamer via woningcorporatie",
    ],
    VoorwaardeSoort.INKOMEN: ["Bijstand aangevraagd", "Terug naar oude werkgever", "Participatietraject"],
    VoorwaardeSoort.SCHULDEN: ["Aanmelding schuldhulpverlening", "Budgetbeheer geregeld"],
    VoorwaardeSoort.ZORG: ["Intake GGZ gepland", "Verslavingszorg loopt door"],
}
ACTORS = {
    VoorwaardeSoort.IDENTITEITSBEWIJS: None,  # the gemeente itself
    VoorwaardeSoort.ONDERDAK: "Reclassering Nederland",
    VoorwaardeSoort.INKOMEN: None,
    VoorwaardeSoort.SCHULDEN: "MaSS",
    VoorwaardeSoort.ZORG: "GGZ Breburg",
}


class ReintegratieSeeder:
    def __init__(self, stdout=None) -> None:
        self.rnd = random.Random(1122)  # noqa: S311 - reproducible demo data, not security
        # Reuse the triage demo's generator of fictitious persons (names, test-range BSNs, addresses).
        self.people = Seeder.__new__(Seeder)
        self.people.rnd = self.rnd
        self.people.used_bsn = set(Persoon.objects.exclude(bsn=None).values_list("bsn", flat=True))
        self.stdout = stdout
        self.orgs = {o.name: o for o in Organisation.objects.all()}
        self.regisseur = User.objects.get(username="regisseur")
        self.today = timezone.localdate()
        self.coordinator = self._account()

    def _account(self) -> User:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from zvh.accounts import services as account_services

        user = User.objects.filter(username=ACCOUNT).first() or account_services.user_create(
            username=ACCOUNT,
            organisation=self.orgs["Gemeente Breda"],
            role=Role.KETENPARTNER,
            password=DEMO_PASSWORD,
            first_name="Ria",
            last_name="Reintjes",
            email=f"{ACCOUNT}@demo.zvh.invalid",
            function_title="Coördinator re-integratie ex-gedetineerden",
        )
        TOTPDevice.objects.get_or_create(user=user, name="default", defaults={"key": totp_key_hex(), "confirmed": True})
        Team.objects.get(code=COORDINATOR_TEAM).leden.add(user)
        return user

    def _gemeente(self) -> str:
        names, weights = zip(*GEMEENTEN.items(), strict=True)
        return self.rnd.choices(names, weights)[0]

    def _persoon(self, gemeente: str) -> dict:
        data = self.people.person(gemeente=gemeente)
        data.pop("relatie")
        return data

    def _step_dates(self, traject: Traject, dates: list[date]) -> None:
        """The demo plays history: put each recorded step on its own day (services stamp 'now')."""
        for step, day in zip(traject.stappen.order_by("pk"), dates, strict=False):
            moment = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time())) + timedelta(
                hours=9 + self.rnd.randint(0, 7)
            )
            TrajectStap.objects.filter(pk=step.pk).update(op=moment)

    def _work_voorwaarden(self, traject: Traject, *, done: float, consent: float) -> None:
        for v in traject.voorwaarden.all():
            roll = self.rnd.random()
            if roll < done:
                status = self.rnd.choice([VoorwaardeStatus.GEREGELD] * 3 + [VoorwaardeStatus.NIET_NODIG])
            else:
                status = self.rnd.choice(
                    [VoorwaardeStatus.IN_BEHANDELING, VoorwaardeStatus.IN_BEHANDELING, VoorwaardeStatus.KNELPUNT]
                )
            actor = ACTORS[v.soort]
            organisatie = self.orgs[actor] if actor else traject.gemeente
            notitie = "" if status == VoorwaardeStatus.NIET_NODIG else self.rnd.choice(NOTITIES[v.soort])
            services.voorwaarde_update(
                voorwaarde=v, by=self.regisseur, status=status, organisatie=organisatie, notitie=notitie
            )
            if actor and self.rnd.random() < consent:
                services.voorwaarde_consent(
                    voorwaarde=v, by=self.regisseur, toestemming=Toestemming.GEGEVEN, datum=traject.gemeld_op
                )

    def traject(self, gemeld: date) -> Traject | None:
        gemeente = self._gemeente()
        release = gemeld + timedelta(days=self.rnd.randint(10, 120))
        traject = services.traject_create(
            by=self.regisseur,
            persoon=self._persoon(gemeente),
            gemeente=self.orgs[f"Gemeente {gemeente}"],
            begin_detentie=gemeld - timedelta(days=self.rnd.randint(30, 500)),
            verwachte_vrijlating=release,
            inrichting=self.rnd.choice(INRICHTINGEN),
            dji_casemanager=self.rnd.choice(CASEMANAGERS),
            dji_contact="088 000 0000",
            gemeld_op=gemeld,
        )
        steps = [gemeld]
        if self.rnd.random() < 0.07 and release > self.today:
            pass  # the melding came in recently; nothing happened yet
        elif self.rnd.random() < 0.06 and gemeld <= self.today:
            traject = services.traject_transition(
                traject=traject, by=self.regisseur, name="zelfde_dag", datum=gemeld, reden="Melding op de dag zelf"
            )
            steps.append(gemeld)
            release = gemeld
        else:
            prep = min(gemeld + timedelta(days=self.rnd.randint(1, 7)), self.today)
            traject = services.traject_transition(traject=traject, by=self.regisseur, name="voorbereiden", datum=prep)
            steps.append(prep)
        self._advance(traject, release, steps)
        self._step_dates(traject, steps)
        return traject

    def _advance(self, traject: Traject, release: date, steps: list[date]) -> None:
        released = traject.status == TrajectStatus.NAZORG
        actual = release + timedelta(days=self.rnd.randint(-3, 3))
        if not released and actual <= self.today and traject.status == TrajectStatus.VOORBEREIDING:
            actual = max(actual, traject.begin_detentie)
            traject = services.traject_transition(traject=traject, by=self.regisseur, name="vrijlaten", datum=actual)
            steps.append(actual)
            released = True
        if released:
            done = 0.92
            self._work_voorwaarden(traject, done=done, consent=0.85)
            start = traject.werkelijke_vrijlating or actual
            closing = start + timedelta(days=self.rnd.randint(30, 110))
            if closing <= self.today:
                if self.rnd.random() < 0.05:
                    services.traject_transition(
                        traject=traject, by=self.regisseur, name="opschalen", datum=closing, reden="Meer leefgebieden"
                    )
                else:
                    services.traject_transition(traject=traject, by=self.regisseur, name="afronden", datum=closing)
                steps.append(closing)
        else:
            self._work_voorwaarden(traject, done=0.5, consent=0.8)

    def year(self, year: int, n: int, until: date | None = None) -> int:
        first = date(year, 1, 1)
        last = until or date(year, 12, 31)
        span = (last - first).days
        days = sorted(first + timedelta(days=self.rnd.randint(0, span)) for _i in range(n))
        for day in days:
            self.traject(day)
        return n

    def isd(self, *, persoon: dict, gemeente: str, start: date, fase: str, plannen: dict) -> ISDTraject:
        isd = services.isd_create(
            by=self.regisseur,
            persoon=persoon,
            gemeente=self.orgs[f"Gemeente {gemeente}"],
            vonnis_datum=start - timedelta(days=21),
            startdatum=start,
            inrichting="PI Vught, afdeling ISD",
        )
        order = list(ISDFaseSoort.values)
        bounds = {
            ISDFaseSoort.AANLOOP: (start, start + timedelta(days=60)),
            ISDFaseSoort.DETENTIE: (start + timedelta(days=61), isd.einddatum - timedelta(days=120)),
            ISDFaseSoort.REINTEGRATIE: (isd.einddatum - timedelta(days=119), isd.einddatum),
        }
        for f in isd.fasen.all():
            if order.index(f.soort) > order.index(fase) and not plannen.get(f.soort):
                continue
            begin, end = bounds[f.soort]
            services.isd_fase_update(
                fase=f,
                by=self.regisseur,
                startdatum=begin,
                einddatum=end if order.index(f.soort) < order.index(fase) else None,
                plan=plannen.get(f.soort, ""),
                huidig=f.soort == fase,
            )
        return isd

    def isd_population(self) -> None:
        for i in range(9):
            gemeente = self._gemeente()
            start = self.today - timedelta(days=self.rnd.randint(30, 650))
            elapsed = (self.today - start).days
            fase = ISDFaseSoort.AANLOOP if elapsed < 60 else ISDFaseSoort.DETENTIE
            if elapsed > 610:
                fase = ISDFaseSoort.REINTEGRATIE
            plannen = {ISDFaseSoort.AANLOOP: "Intake, screening en afspraken met de gemeente."}
            if fase != ISDFaseSoort.AANLOOP:
                plannen[ISDFaseSoort.DETENTIE] = "Dagprogramma, behandeling verslaving, contact met netwerk."
            if fase == ISDFaseSoort.REINTEGRATIE or i % 3 == 0:
                plannen[ISDFaseSoort.REINTEGRATIE] = "Begeleid wonen, dagbesteding, uitkering vanaf de eerste dag."
            self.isd(persoon=self._persoon(gemeente), gemeente=gemeente, start=start, fase=fase, plannen=plannen)

    def fixtures(self) -> None:
        today = self.today
        ronald = services.traject_create(
            by=self.regisseur,
            persoon={
                "bsn": "999990068",
                "voornamen": "Ronald",
                "achternaam": "Kok",
                "geboortedatum": date(1985, 3, 14),
                "geslacht": "m",
                "woonplaats": "Breda",
                "brp_gemeente": "Breda",
            },
            gemeente=self.orgs["Gemeente Breda"],
            begin_detentie=today - timedelta(days=240),
            verwachte_vrijlating=today + timedelta(days=8),
            inrichting="PI Breda",
            dji_casemanager="M. de Groot",
            dji_contact="088 000 0000",
            gemeld_op=today - timedelta(days=30),
        )
        services.traject_transition(traject=ronald, by=self.coordinator, name="voorbereiden", reden="DJI gebeld")
        self._step_dates(ronald, [today - timedelta(days=30), today - timedelta(days=25)])
        plan = {
            VoorwaardeSoort.IDENTITEITSBEWIJS: (VoorwaardeStatus.GEREGELD, "Gemeente Breda", "ID-kaart ligt klaar"),
            VoorwaardeSoort.ONDERDAK: (VoorwaardeStatus.KNELPUNT, "Reclassering Nederland", "Nog geen plek"),
            VoorwaardeSoort.INKOMEN: (VoorwaardeStatus.IN_BEHANDELING, "Gemeente Breda", "Bijstand aangevraagd"),
            VoorwaardeSoort.SCHULDEN: (VoorwaardeStatus.NIET_NODIG, None, ""),
            VoorwaardeSoort.ZORG: (VoorwaardeStatus.GEREGELD, "GGZ Breburg", "Intake na vrijlating gepland"),
        }
        for v in ronald.voorwaarden.all():
            status, actor, notitie = plan[v.soort]
            services.voorwaarde_update(
                voorwaarde=v,
                by=self.coordinator,
                status=status,
                organisatie=self.orgs[actor] if actor else None,
                notitie=notitie,
            )
            if actor and actor != "Gemeente Breda":
                services.voorwaarde_consent(
                    voorwaarde=v, by=self.coordinator, toestemming=Toestemming.GEGEVEN, datum=today - timedelta(days=20)
                )
        # Ending in about 4 months: started two years minus ~118 days ago.
        start = today - timedelta(days=2 * 365 - 118)
        self.isd(
            persoon={
                "bsn": "999990081",
                "voornamen": "Sander",
                "tussenvoegsel": "de",
                "achternaam": "Bruijn",
                "geboortedatum": date(1988, 6, 6),
                "geslacht": "m",
                "woonplaats": "Breda",
                "brp_gemeente": "Breda",
            },
            gemeente="Breda",
            start=start,
            fase=ISDFaseSoort.DETENTIE,
            plannen={
                ISDFaseSoort.AANLOOP: "Intake, screening; afspraken met Gemeente Breda over de terugkeer.",
                ISDFaseSoort.DETENTIE: "Behandeling verslaving, dagprogramma, contact met moeder.",
            },
        )


def seed(stdout=None, compact: bool = False, **options) -> None:
    """``compact`` (browser tests): the account and the fixed fixtures only."""
    if Traject.objects.filter(persoon__bsn="999990068").exists():
        return
    with transaction.atomic():
        seeder = ReintegratieSeeder(stdout)
        if not compact:
            seeder.year(2022, 250)
            this_year = seeder.today.year
            elapsed = seeder.today.timetuple().tm_yday / 365
            # This year's meldingen so far, at the 2022 pace.
            seeder.year(this_year, round(240 * elapsed), until=seeder.today - timedelta(days=1))
            seeder.isd_population()
        seeder.fixtures()
    if stdout is not None:
        stdout.write(f"Re-integratie: {Traject.objects.count()} trajecten, {ISDTraject.objects.count()} ISD-trajecten.")
