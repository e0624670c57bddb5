"""Demo case work: aanmeldingen, triage, cases in every status and theme, meetings, afspraken and logboek.

Everything goes through the real services, so the demo obeys the same rules as the application. Fictitious
people only; BSNs from the test range 9999900xx–99999xxxx. Idempotent: when the fixed fixture Jan de Vries
exists, nothing is added. The fixed fixtures testers rely on:

- Jan de Vries, BSN 999990019, complexe casuïstiek, grants to Politie and Reclassering Nederland;
- Petra Bakker, BSN 999990032, complexe casuïstiek, grant to Veilig Thuis only;
- Karel Willems, BSN 999990044, radicalisering (Weegploeg; `regisseur` is a member, `politie` is not);
- a casusoverleg next week with Jan de Vries and Petra Bakker on the agenda.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from cases import services
from cases.choices import (
    Afsluitreden,
    AfspraakStatus,
    CasusStatus,
    Geslacht,
    Grondslag,
    Leefgebied,
    LogboekSoort,
    OverlegSoort,
    Relatie,
    Resultaat,
    Thema,
)
from cases.models import Casus
from triage import services as triage_services
from triage.choices import BordSoort, Uitkomst
from triage.models import Aanmelding, TriageBord, Weging
from zvh.access.models import WEEGPLOEG, Team
from zvh.accounts.choices import Role
from zvh.accounts.demo import DEMO_PASSWORD, totp_key_hex
from zvh.accounts.models import Organisation, User
from zvh.persons.models import Persoon
from zvh.persons.names import ACHTERNAMEN, STRATEN, VOORNAMEN_M, VOORNAMEN_V

GEMEENTEN = {
    "Breda": 12,
    "Oosterhout": 4,
    "Etten-Leur": 3,
    "Drimmelen": 2,
    "Geertruidenberg": 2,
    "Zundert": 1,
    "Alphen-Chaam": 1,
    "Baarle-Nassau": 1,
}
POSTCODE_PREFIX = {
    "Breda": 48,
    "Oosterhout": 49,
    "Etten-Leur": 48,
    "Drimmelen": 49,
    "Geertruidenberg": 49,
    "Zundert": 48,
    "Alphen-Chaam": 51,
    "Baarle-Nassau": 51,
}
AANLEIDINGEN = [
    "Herhaalde meldingen van overlast en bedreiging van buren; betrokkene weigert hulp van het wijkteam.",
    "Na detentie zonder woning en inkomen; eerdere geweldsdelicten en oplopende schulden.",
    "Escalerende huiselijk-geweldsituatie; kinderen in het gezin, hulpverlening loopt vast.",
    "Verward gedrag in de openbare ruimte, meerdere E33-meldingen, zorgmijdend.",
    "Jongvolwassene betrokken bij straatroof; school verzuimt, ouders handelingsverlegen.",
    "Signalen van uitbuiting in de prostitutie; betrokkene is afhankelijk van een 'vriend'.",
]
DOELEN = [
    "Stabiele woonsituatie met begeleiding",
    "Schulden in beeld en een budgetbeheerregeling",
    "Betrokkene in zorg bij de GGZ",
    "Geen nieuwe meldingen van overlast of geweld",
    "Dagbesteding of werk",
    "Veiligheidsplan voor partner en kinderen",
]
ACTIES = [
    ("Huisbezoek afleggen en contact leggen met betrokkene", "MaSS"),
    ("Screening voor beschermd wonen aanvragen", "Gemeente Breda"),
    ("Reclasseringsadvies over bijzondere voorwaarden", "Reclassering Nederland"),
    ("Veiligheidsplan opstellen met het gezin", "Veilig Thuis West-Brabant"),
    ("Contact opnemen met huisarts over zorgmijding", "GGZ Breburg"),
    ("Buurtagent informeren en wijkscan delen", "Politie"),
    ("Schuldhulpverlening starten", "Gemeente Breda"),
]

FUNCTIES = ["wijkagent", "casemanager", "consulent", "jeugdbeschermer", "reclasseringswerker"]
THEMA_MIX = (
    [Thema.COMPLEX] * 6
    + [Thema.HUISELIJK_GEWELD] * 3
    + [Thema.VERWARD] * 3
    + [Thema.EX_GEDETINEERDE] * 2
    # Mensenhandel is restricted to its own team and comes in as signalen (mensenhandel/demo.py), not via triage.
    + [Thema.JEUGD, Thema.OVERIG]
)


class Seeder:
    def __init__(self, stdout=None) -> None:
        self.rnd = random.Random(2022)  # noqa: S311 - reproducible demo data, not security
        self.stdout = stdout
        self.orgs = {o.name: o for o in Organisation.objects.all()}
        self.users = {u.username: u for u in User.objects.all()}
        self.regisseurs = [
            self.users["regisseur"],
            self._extra_user(
                "regisseur2", Role.PROCESREGISSEUR, "Zorg- en Veiligheidshuis Baronie Breda", "Rianne", "Rovers"
            ),
        ]
        self.melders = [
            self.users["politie"],
            self.users["reclassering"],
            self.users["veiligthuis"],
            self._extra_user("mass", Role.KETENPARTNER, "MaSS", "Mark", "Smeets"),
            self._extra_user("ggz", Role.KETENPARTNER, "GGZ Breburg", "Gonda", "Zwart"),
        ]
        self.used_bsn = set(Persoon.objects.exclude(bsn=None).values_list("bsn", flat=True))
        self.boards = {b.soort: b for b in TriageBord.objects.all()}
        self.sessions: dict = {}
        self.overleggen: dict = {}
        Team.objects.get(code=WEEGPLOEG).leden.add(self.users["regisseur"])

    # --- helpers ------------------------------------------------------------------------------------------
    def _extra_user(self, username, role, org, first, last) -> User:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from zvh.accounts import services as account_services

        user = self.users.get(username) or account_services.user_create(
            username=username,
            organisation=self.orgs[org],
            role=role,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            email=f"{username}@demo.zvh.invalid",
        )
        TOTPDevice.objects.get_or_create(user=user, name="default", defaults={"key": totp_key_hex(), "confirmed": True})
        self.users[username] = user
        return user

    def at(self, day: date, hour: int = 10) -> datetime:
        return timezone.make_aware(datetime.combine(day, time(hour, self.rnd.choice([0, 15, 30, 45]))))

    def bsn(self) -> str:
        while True:
            candidate = f"99999{self.rnd.randint(1000, 9999)}"
            digits = [int(c) for c in candidate]
            if (
                sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
            ) % 11 == 0 and candidate not in self.used_bsn:
                self.used_bsn.add(candidate)
                return candidate

    def postcode(self, gemeente: str) -> str:
        letters = "".join(self.rnd.choice("ABCDEGHJKLMNPRSTVWXZ") for _i in range(2))
        return f"{POSTCODE_PREFIX[gemeente]}{self.rnd.randint(10, 99)} {letters}"

    def person(self, *, relatie=Relatie.HOOFDPERSOON, gemeente="Breda", **fixed) -> dict:
        geslacht = fixed.get("geslacht") or self.rnd.choice([Geslacht.MAN, Geslacht.VROUW])
        namen = VOORNAMEN_M if geslacht == Geslacht.MAN else VOORNAMEN_V
        tussen, achter = self.rnd.choice(ACHTERNAMEN)
        data = {
            "relatie": relatie,
            "voornamen": self.rnd.choice(namen),
            "tussenvoegsel": tussen,
            "achternaam": achter,
            "geslacht": geslacht,
            "geboortedatum": date(self.rnd.randint(1962, 2006), self.rnd.randint(1, 12), self.rnd.randint(1, 28)),
            "bsn": self.bsn() if self.rnd.random() < 0.8 else "",
            "straat": self.rnd.choice(STRATEN),
            "huisnummer": str(self.rnd.randint(1, 220)),
            "postcode": self.postcode(gemeente),
            "woonplaats": gemeente,
            "brp_gemeente": gemeente,
        }
        data.update(fixed)
        return data

    def session(self, soort: str, day: date):
        key = (soort, day)
        if key not in self.sessions:
            self.sessions[key] = triage_services.sessie_get_or_create(
                bord=self.boards[soort], datum=day, by=self.regisseurs[0]
            )
        return self.sessions[key]

    # --- the flow -----------------------------------------------------------------------------------------
    def aanmelding(
        self, *, melder: User, thema: str, submitted: datetime, persons: list[dict], gemeente: str, spoed=False
    ) -> Aanmelding:
        data = {
            "aanleiding": self.rnd.choice(AANLEIDINGEN),
            "doel": "Gezamenlijke aanpak over zorg en straf heen; doorbraak in vastgelopen situatie.",
            "leefgebieden": self.rnd.sample(Leefgebied.values, self.rnd.randint(2, 5)),
            "thema": thema,
            "gemeente": self.orgs[f"Gemeente {gemeente}"],
            "spoed": spoed,
            "betrokkene_geinformeerd": self.rnd.random() < 0.8,
            "grondslag": Grondslag.WETTELIJKE_TAAK,
            "grondslag_toelichting": f"Taak van {melder.organisation} (sectorwetgeving en het convenant ZVH).",
        }
        if not data["betrokkene_geinformeerd"]:
            data["reden_niet_geinformeerd"] = "Lopend strafonderzoek; informeren brengt de veiligheid in gevaar."
        aanmelding = triage_services.aanmelding_save_draft(
            by=melder,
            data=data,
            betrokkenen=persons,
            voorgestelde_partners=[self.orgs["Reclassering Nederland"], self.orgs["MaSS"]],
        )
        triage_services.aanmelding_submit(aanmelding=aanmelding, by=melder)
        Aanmelding.objects.filter(pk=aanmelding.pk).update(ingediend_op=submitted, aangemaakt_op=submitted)
        aanmelding.refresh_from_db()
        return aanmelding

    def weeg(self, aanmelding: Aanmelding, *, soort: str, day: date, uitkomst: str, regisseur: User):
        sessie = self.session(soort, day)
        triage_services.aanmelding_place(aanmelding=aanmelding, sessie=sessie, by=regisseur)
        fits = uitkomst == Uitkomst.OPSCHALEN or self.rnd.random() < 0.3
        return triage_services.triage_decide(
            aanmelding=aanmelding,
            by=regisseur,
            criterium_1=fits,
            criterium_2=fits,
            criterium_3=fits,
            criterium_4=self.rnd.random() < 0.4,
            uitkomst=uitkomst,
            motivering={
                Uitkomst.OPSCHALEN: "Meervoudige problematiek over zorg en straf heen; regulier vastgelopen.",
                Uitkomst.DOORGELEIDEN: "Enkelvoudige hulpvraag; past bij de aanpak van de partner.",
                Uitkomst.ADVIES: "Melder kan met advies van het ZVH zelf verder.",
                Uitkomst.NIET_ONTVANKELIJK: "Geen veiligheidsrisico en geen ketenoverstijgende samenwerking nodig.",
            }[uitkomst],
            doorgeleid_naar=self.orgs["MaSS"] if uitkomst == Uitkomst.DOORGELEIDEN else None,
            decided_at=self.at(day, 14),
        )

    def advance(self, casus: Casus, target: str, start: date, regisseur: User) -> Casus:
        """Walk a case through the state machine to ``target``, with realistic gaps between steps."""
        order = [
            CasusStatus.OVERLEG_GEPLAND,
            CasusStatus.PLAN_VASTGESTELD,
            CasusStatus.IN_UITVOERING,
            CasusStatus.AFGESCHAALD,
            CasusStatus.AFGESLOTEN,
        ]
        if target == CasusStatus.AANGEMAAKT:
            return casus
        day = start
        steps = order[: order.index(target) + 1]
        for status in steps:
            day += timedelta(days=self.rnd.randint(7, 35))
            when = self.at(min(day, timezone.localdate() - timedelta(days=1)), 11)
            if status == CasusStatus.OVERLEG_GEPLAND:
                casus = self.to_table(casus, when, regisseur)
            elif status == CasusStatus.PLAN_VASTGESTELD:
                services.plan_save(
                    casus=casus,
                    by=regisseur,
                    samenvatting="Gezamenlijke aanpak, afgestemd in het casusoverleg.",
                    doelen=self.rnd.sample(DOELEN, 3),
                )
                casus = services.casus_transition(casus=casus, name="plan_vaststellen", by=regisseur, at=when)
            elif status == CasusStatus.IN_UITVOERING:
                casus = services.casus_transition(casus=casus, name="uitvoeren", by=regisseur, at=when)
            elif status == CasusStatus.AFGESCHAALD:
                casus = services.casus_transition(
                    casus=casus,
                    name="afschalen",
                    by=regisseur,
                    at=when,
                    reden="Doelen grotendeels bereikt; warme overdracht aan het wijkteam.",
                )
            elif status == CasusStatus.AFGESLOTEN:
                casus = services.casus_transition(
                    casus=casus,
                    name="afsluiten",
                    by=regisseur,
                    at=when,
                    afsluitreden=self.rnd.choice(
                        [Afsluitreden.DOEL_BEREIKT, Afsluitreden.REGULIER, Afsluitreden.VERHUISD]
                    ),
                    resultaat=self.rnd.choice(
                        [Resultaat.DOORBRAAK, Resultaat.DOORBRAAK, Resultaat.GEDEELTELIJK, Resultaat.GEEN]
                    ),
                )
        return casus

    def to_table(self, casus: Casus, when: datetime, regisseur: User) -> Casus:
        """Put the case on the casusoverleg of that fortnight (the step to 'casusoverleg gepland')."""
        day = timezone.localdate(when)
        key = (day.isocalendar()[0], day.isocalendar()[1] // 2)
        overleg = self.overleggen.get(key)
        if overleg is None:
            meeting_day = day + timedelta(days=(3 - day.weekday()) % 7 or 7)  # the next Thursday
            overleg = services.overleg_create(
                by=regisseur,
                datum_tijd=self.at(meeting_day, 9).replace(minute=0),
                locatie="ZVH Baronie Breda",
                soort=OverlegSoort.CASUSOVERLEG,
                voorzitter=regisseur,
                ondersteuning=[self.users["secretariaat"]],
            )
            self.overleggen[key] = overleg
        punt = services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur, at=when)
        if overleg.datum_tijd.date() < timezone.localdate():
            services.agendapunt_verslag(
                punt=punt,
                by=regisseur,
                verslag="Situatie besproken; partners delen hun informatie.",
                besluiten="Plan van aanpak opstellen; procesregie bij het ZVH.",
            )
        casus.refresh_from_db()
        return casus

    def enrich(self, casus: Casus, regisseur: User, start: date) -> None:
        partners = self.rnd.sample(["Reclassering Nederland", "MaSS", "GGZ Breburg", "Veilig Thuis West-Brabant"], 2)
        for name in partners:
            if not casus.grants.filter(organisatie=self.orgs[name]).exists():
                services.grant_create(
                    casus=casus,
                    by=regisseur,
                    organisatie=self.orgs[name],
                    rol="deelnemer",
                    doel="Deelname aan het casusoverleg en uitvoering van afspraken.",
                    geldig_van=casus.aangemaakt_op,
                )
        for _n in range(self.rnd.randint(1, 3)):
            actie, org = self.rnd.choice(ACTIES)
            afspraak = services.afspraak_create(
                casus=casus,
                by=regisseur,
                actie=actie,
                eigenaar_organisatie=self.orgs[org],
                deadline=start + timedelta(days=self.rnd.randint(10, 90)),
            )
            if casus.status in (CasusStatus.AFGESCHAALD, CasusStatus.AFGESLOTEN) or self.rnd.random() < 0.4:
                services.afspraak_set_status(afspraak=afspraak, by=regisseur, status=AfspraakStatus.GEREED)
        for n in range(self.rnd.randint(1, 3)):
            services.logboek_add(
                casus=casus,
                by=regisseur,
                soort=self.rnd.choice(
                    [LogboekSoort.NOTITIE, LogboekSoort.TELEFONISCH, LogboekSoort.INFORMATIE_PARTNER]
                ),
                tekst=self.rnd.choice(
                    [
                        "Telefonisch overleg met de wijkagent over recente meldingen.",
                        "Partner meldt dat betrokkene de afspraak bij de GGZ heeft nagekomen.",
                        "Intern: inschatting dat de situatie rond de feestdagen kan escaleren.",
                        "Overleg met woningcorporatie over dreigende huisuitzetting.",
                    ]
                ),
                bron="Politie" if n == 0 else "MaSS",
                alleen_procesregie=self.rnd.random() < 0.25,
                datum=self.at(start + timedelta(days=3 + 7 * n), 9),
            )

    def case_via_triage(
        self, *, day: date, thema: str, target: str, melder=None, regisseur=None, persons=None, gemeente=None
    ) -> Casus:
        gemeente = gemeente or self.rnd.choices(list(GEMEENTEN), weights=list(GEMEENTEN.values()))[0]
        melder = melder or self.rnd.choice(self.melders)
        regisseur = regisseur or self.rnd.choice(self.regisseurs)
        if thema == Thema.RADICALISERING:
            regisseur = self.users["regisseur"]  # the Weegploeg member
        persons = persons or [self.person(gemeente=gemeente)] + (
            [self.person(relatie=Relatie.PARTNER, gemeente=gemeente)] if self.rnd.random() < 0.4 else []
        )
        aanmelding = self.aanmelding(
            melder=melder,
            thema=thema,
            submitted=self.at(day - timedelta(days=3)),
            persons=persons,
            gemeente=gemeente,
            spoed=self.rnd.random() < 0.1,
        )
        soort = BordSoort.WEEGPLOEG if thema == Thema.RADICALISERING else BordSoort.MASS_VT
        self.weeg(aanmelding, soort=soort, day=day, uitkomst=Uitkomst.OPSCHALEN, regisseur=regisseur)
        casus = Casus.objects.get(aanmelding=aanmelding)
        casus = self.advance(casus, target, day, regisseur)
        self.enrich(casus, regisseur, day)
        return casus

    def adviezen(self, day: date, n: int) -> None:
        """Advies op verzoek: partners call several times a day; most are registered without any name."""
        vragen = [
            (
                "Hoe kunnen wij informatie delen met Veilig Thuis zonder toestemming?",
                "Toets aan het convenant; deel alleen wat nodig is.",
            ),
            (
                "Is deze situatie iets voor het ZVH of voor het wijkteam?",
                "Eerst lokaal oppakken; bij vastlopen aanmelden.",
            ),
            (
                "Welke partner gaat over een ex-gedetineerde zonder woning?",
                "Coördinator re-integratie van de gemeente.",
            ),
            (
                "Mag de school signalen over radicalisering met ons delen?",
                "Ja, via het meldpunt; wij wegen in de Weegploeg.",
            ),
        ]
        for i in range(n):
            vraag, advies = self.rnd.choice(vragen)
            triage_services.advies_register(
                by=self.rnd.choice(self.regisseurs),
                datum=day + timedelta(days=i % 5),
                organisatie=self.rnd.choice([o for o in self.orgs.values() if o.type != "zvh"]),
                vrager=f"{self.rnd.choice(VOORNAMEN_V + VOORNAMEN_M)} ({self.rnd.choice(FUNCTIES)})",
                thema=self.rnd.choice(THEMA_MIX),
                vraag=vraag,
                advies=advies,
                tijd_minuten=self.rnd.choice([10, 15, 20, 30, 45]),
                vervolg=self.rnd.choice(["geen", "geen", "geen", "aanmelding"]),
                betreft_persoon="",
            )

    def other_outcome(self, day: date, soort: str) -> None:
        thema = Thema.RADICALISERING if soort == BordSoort.WEEGPLOEG else self.rnd.choice(THEMA_MIX)
        gemeente = self.rnd.choices(list(GEMEENTEN), weights=list(GEMEENTEN.values()))[0]
        aanmelding = self.aanmelding(
            melder=self.rnd.choice(self.melders),
            thema=thema,
            submitted=self.at(day - timedelta(days=4)),
            persons=[self.person(gemeente=gemeente)],
            gemeente=gemeente,
        )
        uitkomst = self.rnd.choices([Uitkomst.DOORGELEIDEN, Uitkomst.ADVIES, Uitkomst.NIET_ONTVANKELIJK], [5, 3, 2])[0]
        self.weeg(aanmelding, soort=soort, day=day, uitkomst=uitkomst, regisseur=self.regisseurs[0])

    # --- scenarios ----------------------------------------------------------------------------------------
    def year_2022(self) -> list[Casus]:
        """A year of work: weekly joint triage, a monthly Weegploeg, cases in every status."""
        cases = []
        tuesdays = [date(2022, 1, 4) + timedelta(weeks=w) for w in range(51)]
        targets = [CasusStatus.AFGESLOTEN] * 9 + [CasusStatus.IN_UITVOERING]  # 2022 is long past: mostly closed
        for week, tuesday in enumerate(tuesdays):
            # Triage load grows through the year (as the jaarplan notes).
            for _n in range(1 if week < 20 else 2):
                cases.append(
                    self.case_via_triage(day=tuesday, thema=self.rnd.choice(THEMA_MIX), target=self.rnd.choice(targets))
                )
            for _n in range(1 if week % 3 else 2):
                self.other_outcome(tuesday, BordSoort.MASS_VT)
            self.adviezen(tuesday - timedelta(days=1), 8)
        for month in range(1, 12):
            thursday = date(2022, month, 10)
            if month % 2:
                cases.append(
                    self.case_via_triage(
                        day=thursday,
                        thema=Thema.RADICALISERING,
                        target=self.rnd.choice(targets),
                        regisseur=self.users["regisseur"],
                    )
                )
            self.other_outcome(thursday, BordSoort.WEEGPLOEG)
        return cases

    def current_year(self) -> list[Casus]:
        today = timezone.localdate()
        start = date(today.year, 1, 6)
        cases = []
        statuses = [
            CasusStatus.AANGEMAAKT,
            CasusStatus.OVERLEG_GEPLAND,
            CasusStatus.PLAN_VASTGESTELD,
            CasusStatus.IN_UITVOERING,
            CasusStatus.IN_UITVOERING,
            CasusStatus.AFGESCHAALD,
            CasusStatus.AFGESLOTEN,
        ]
        span = max((today - start).days - 60, 7)
        for i, status in enumerate(statuses * 2):
            day = start + timedelta(days=int(span * i / (len(statuses) * 2)))
            cases.append(self.case_via_triage(day=day, thema=THEMA_MIX[i % len(THEMA_MIX)], target=status))
        for week in range(0, (today - start).days // 7):
            self.adviezen(start + timedelta(weeks=week), 6)
        for i in range(3):  # aanmeldingen still waiting for triage
            gemeente = self.rnd.choice(list(GEMEENTEN))
            self.aanmelding(
                melder=self.melders[i],
                thema=self.rnd.choice(THEMA_MIX),
                submitted=self.at(today - timedelta(days=i + 1)),
                persons=[self.person(gemeente=gemeente)],
                gemeente=gemeente,
                spoed=i == 0,
            )
        return cases

    def fixtures(self) -> None:
        today = timezone.localdate()
        regisseur = self.users["regisseur"]
        start = today - timedelta(days=75)
        jan = self.case_via_triage(
            day=start,
            thema=Thema.COMPLEX,
            target=CasusStatus.IN_UITVOERING,
            melder=self.users["politie"],
            regisseur=regisseur,
            gemeente="Breda",
            persons=[
                self.person(
                    voornamen="Jan",
                    tussenvoegsel="de",
                    achternaam="Vries",
                    bsn="999990019",
                    geslacht=Geslacht.MAN,
                    geboortedatum=date(1979, 3, 14),
                    gemeente="Breda",
                    straat="Haagweg",
                    huisnummer="12",
                    postcode="4814 GA",
                ),
                self.person(
                    relatie=Relatie.PARTNER,
                    voornamen="Maria",
                    tussenvoegsel="de",
                    achternaam="Vries",
                    bsn="999990020",
                    geslacht=Geslacht.VROUW,
                    geboortedatum=date(1981, 7, 2),
                    gemeente="Breda",
                ),
            ],
        )
        self._only_grants(jan, regisseur, ["Politie", "Reclassering Nederland"])
        petra = self.case_via_triage(
            day=start + timedelta(days=14),
            thema=Thema.COMPLEX,
            target=CasusStatus.OVERLEG_GEPLAND,
            melder=self.users["veiligthuis"],
            regisseur=regisseur,
            gemeente="Oosterhout",
            persons=[
                self.person(
                    voornamen="Petra",
                    tussenvoegsel="",
                    achternaam="Bakker",
                    bsn="999990032",
                    geslacht=Geslacht.VROUW,
                    geboortedatum=date(1988, 11, 23),
                    gemeente="Oosterhout",
                )
            ],
        )
        self._only_grants(petra, regisseur, ["Veilig Thuis West-Brabant"])
        karel = self.case_via_triage(
            day=start + timedelta(days=21),
            thema=Thema.RADICALISERING,
            target=CasusStatus.PLAN_VASTGESTELD,
            melder=self.melders[0],
            regisseur=regisseur,
            gemeente="Breda",
            persons=[
                self.person(
                    voornamen="Karel",
                    tussenvoegsel="",
                    achternaam="Willems",
                    bsn="999990044",
                    geslacht=Geslacht.MAN,
                    geboortedatum=date(1996, 5, 9),
                    gemeente="Breda",
                )
            ],
        )
        self._only_grants(karel, regisseur, ["Openbaar Ministerie"])
        next_week = today + timedelta(days=7 - today.weekday() + 1)  # Tuesday next week
        overleg = services.overleg_create(
            by=regisseur,
            datum_tijd=self.at(next_week, 13).replace(minute=30),
            locatie="ZVH Baronie Breda, zaal Mark",
            soort=OverlegSoort.CASUSOVERLEG,
            voorzitter=regisseur,
            ondersteuning=[self.users["secretariaat"]],
        )
        for casus in (jan, petra):
            services.agendapunt_add(overleg=overleg, casus=casus, by=regisseur)
        self.waiting_work(today, regisseur)

    def waiting_work(self, today: date, regisseur: User) -> None:
        """Work that waits (issue 16): coming triage moments of both boards, aanmeldingen without a moment, one
        back with the melder for an aanvulling, a case waiting for its first casusoverleg and a later overleg."""
        next_tuesday = today + timedelta(days=(1 - today.weekday()) % 7 or 7)
        for weeks in (0, 1, 2):
            self.session(BordSoort.MASS_VT, next_tuesday + timedelta(weeks=weeks))
        self.session(BordSoort.WEEGPLOEG, next_tuesday + timedelta(days=9))
        waiting = [
            ("Tom", "Hendriks", Thema.COMPLEX, self.users["politie"], "Etten-Leur"),
            ("Yusuf", "Aydin", Thema.RADICALISERING, self.users["politie"], "Breda"),
            ("Lieke", "Martens", Thema.HUISELIJK_GEWELD, self.users["veiligthuis"], "Oosterhout"),
        ]
        made = []
        for voornamen, achternaam, thema, melder, gemeente in waiting:
            made.append(
                self.aanmelding(
                    melder=melder,
                    thema=thema,
                    submitted=self.at(today - timedelta(days=2)),
                    persons=[
                        self.person(voornamen=voornamen, tussenvoegsel="", achternaam=achternaam, gemeente=gemeente)
                    ],
                    gemeente=gemeente,
                )
            )
        triage_services.aanvulling_request(
            aanmelding=made[-1], by=regisseur, vraag="Is Veilig Thuis al betrokken bij de kinderen in het gezin?"
        )
        self.case_via_triage(
            day=today - timedelta(days=10),
            thema=Thema.COMPLEX,
            target=CasusStatus.AANGEMAAKT,
            melder=self.users["reclassering"],
            regisseur=regisseur,
            gemeente="Breda",
            persons=[self.person(voornamen="Sanne", tussenvoegsel="", achternaam="Verhoeven", gemeente="Breda")],
        )
        services.overleg_create(
            by=regisseur,
            datum_tijd=self.at(next_tuesday + timedelta(weeks=2), 13).replace(minute=30),
            eindigt_op=self.at(next_tuesday + timedelta(weeks=2), 15).replace(minute=30),
            locatie="ZVH Baronie Breda",
            soort=OverlegSoort.CASUSOVERLEG,
            voorzitter=regisseur,
            ondersteuning=[self.users["secretariaat"]],
        )

    def _only_grants(self, casus: Casus, regisseur: User, names: list[str]) -> None:
        """Make the fixture's grants exactly the listed organisations."""
        for grant in casus.grants.filter(ingetrokken_op__isnull=True):
            if grant.organisatie is None or grant.organisatie.name not in names:
                services.grant_revoke(grant=grant, by=regisseur)
        for name in names:
            if not casus.grants.filter(organisatie__name=name, ingetrokken_op__isnull=True).exists():
                services.grant_create(
                    casus=casus,
                    by=regisseur,
                    organisatie=self.orgs[name],
                    rol="deelnemer",
                    doel="Deelname aan het casusoverleg.",
                )


def seed(stdout=None, compact: bool = False, **options) -> None:
    """``compact`` (browser tests): only the fixed fixtures and their meeting, not a year of work."""
    if Persoon.objects.filter(bsn="999990019").exists():
        return
    with transaction.atomic():
        seeder = Seeder(stdout)
        if not compact:
            seeder.year_2022()
            seeder.current_year()
        seeder.fixtures()
        # Fictional melders get no e-mail: mark the outcomes as sent, so the queued (idempotent) tasks do nothing.
        Weging.objects.filter(melder_gemaild_op__isnull=True).update(melder_gemaild_op=timezone.now())
    if stdout is not None:
        stdout.write(f"Casuswerk: {Casus.objects.count()} casussen, {Aanmelding.objects.count()} aanmeldingen.")
