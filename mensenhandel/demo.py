"""Demo data for mensenhandel zorgcoördinatie. Idempotent (skipped when Ana Popescu's traject exists).

- account ``zorgcoordinator``: procesregisseur in the mensenhandel team (demo password and TOTP secret);
  ``regisseur`` is not in the team and sees none of this;
- signalen in 2022 and this year (≥ 50 each), some leading to a traject, casusoverleggen and adviezen, so the
  jaarplan rows "Partners tegen mensenhandel" count live;
- the fixed fixture Ana Popescu (BSN 999990093): zorgcoördinatie, bedenktijd ending in 5 days, shelter address
  "Opvangstraat 7, Breda" (shielded), on next week's casusoverleg. Politie has no grant and is not in the team.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases import services as case_services
from cases.choices import CasusStatus
from cases.models import Casus
from triage.services import advies_register
from zvh.access.models import Team
from zvh.accounts import services as account_services
from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.demo import DEMO_PASSWORD, ZVH, totp_key_hex
from zvh.accounts.models import Organisation, User

from . import services
from .choices import TEAM, ProcedureSoort, SignaalUitkomst, SignalerendeOrganisatie, VormUitbuiting
from .models import Traject

ANA = {"voornamen": "Ana", "achternaam": "Popescu", "bsn": "999990093", "geboortedatum": date(1999, 4, 2)}
ANA_ADRES = "Opvangstraat 7, Breda"
NATIONALITEITEN = ["Roemeens", "Bulgaars", "Pools", "Nigeriaans", "Nederlands", "Oekraïens", "Vietnamees", "Hongaars"]
VOORNAMEN = ["Elena", "Maria", "Ioana", "Daria", "Blessing", "Joy", "Olena", "Piotr", "Lan", "Mihai", "Kateryna"]
ACHTERNAMEN = ["Ionescu", "Dimitrova", "Kowalska", "Okafor", "Nguyen", "Horvath", "Shevchenko", "Georgiev", "Tran"]
PARTNERS = ["Politie", "GGZ Breburg", "Veilig Thuis West-Brabant", "MaSS", "Gemeente Breda", "Gemeente Oosterhout"]


def zorgcoordinator() -> User:
    user = User.objects.filter(username="zorgcoordinator").first() or account_services.user_create(
        username="zorgcoordinator",
        organisation=Organisation.objects.get(name=ZVH),
        role=Role.PROCESREGISSEUR,
        password=DEMO_PASSWORD,
        first_name="Zeynep",
        last_name="Zorgcoördinator",
        email="zorgcoordinator@demo.zvh.invalid",
        function_title="Zorgcoördinator mensenhandel",
    )
    TOTPDevice.objects.get_or_create(user=user, name="default", defaults={"key": totp_key_hex(), "confirmed": True})
    team = Team.objects.get(code=TEAM)
    team.leden.add(user)
    team.leden.remove(*User.objects.filter(username__in=["regisseur", "politie"]))  # never in this team
    user.forget_memberships()
    return user


class Seeder:
    def __init__(self, user: User) -> None:
        self.rnd = random.Random(2212)  # noqa: S311 - reproducible demo data, not security
        self.user = user
        self.gemeenten = list(Organisation.objects.filter(type=OrganisationType.GEMEENTE).order_by("name"))
        self.partners = list(Organisation.objects.filter(name__in=PARTNERS))

    def signalen(self, start: date, end: date, n: int) -> None:
        days = (end - start).days
        for i in range(n):
            day = start + timedelta(days=round(i * days / n))
            named = self.rnd.random() < 0.6
            signaal = services.signaal_register(
                by=self.user,
                ontvangen_op=day,
                signalerende_organisatie=self.rnd.choice(SignalerendeOrganisatie.values),
                vorm=self.rnd.choice(VormUitbuiting.values),
                gemeente=self.rnd.choice(self.gemeenten[:1] * 4 + self.gemeenten),
                minderjarig=self.rnd.random() < 0.15,
                nationaliteit=self.rnd.choice(NATIONALITEITEN),
                persoon_data=self.person(day) if named else None,
            )
            if (timezone.localdate() - day).days < 10:
                continue  # recent signals are still open (Mijn werk shows them)
            self.decide(signaal, day, named)

    def person(self, day: date) -> dict:
        return {
            "voornamen": self.rnd.choice(VOORNAMEN),
            "achternaam": self.rnd.choice(ACHTERNAMEN),
            "geboortedatum": date(self.rnd.randint(1985, 2007), self.rnd.randint(1, 12), self.rnd.randint(1, 28)),
        }

    def decide(self, signaal, day: date, named: bool) -> None:
        roll = self.rnd.random()
        if named and roll < 0.3:
            traject = services.traject_start(
                by=self.user,
                signaal=signaal,
                opvang_soort=self.rnd.choice(["categoraal", "vrouwenopvang", "eigen"]),
                gestart_op=day + timedelta(days=2),
            )
            self.procedures(traject, day + timedelta(days=2), ended=(timezone.localdate() - day).days > 100)
        elif roll < 0.65:
            services.signaal_decide(
                signaal=signaal,
                by=self.user,
                uitkomst=SignaalUitkomst.DOORVERWEZEN,
                reden="Doorverwezen naar de reguliere hulpverlening.",
            )
        else:
            services.signaal_decide(
                signaal=signaal,
                by=self.user,
                uitkomst=SignaalUitkomst.GEEN_SLACHTOFFER,
                reden="Na gesprek geen aanwijzingen voor uitbuiting.",
            )

    def procedures(self, traject: Traject, start: date, *, ended: bool) -> None:
        rows = {p.soort: p for p in traject.procedures.all()}
        status = "afgerond" if ended else "lopend"
        services.procedure_update(
            procedure=rows[ProcedureSoort.BEDENKTIJD], by=self.user, status=status, datum=start, einddatum=None
        )
        services.procedure_update(
            procedure=rows[ProcedureSoort.COMENSHA],
            by=self.user,
            status="afgerond",
            datum=start,
            referentie=f"CM-{start.year}-{traject.pk:04d}",
        )
        for soort in (ProcedureSoort.ZORGVERZEKERING, ProcedureSoort.UITKERING):
            services.procedure_update(procedure=rows[soort], by=self.user, status=status, datum=start)

    def overleggen(self, year: int, n: int, until: date) -> None:
        # The cases of this function's trajecten (not every mensenhandel case: scale data has closed ones too).
        casussen = list(
            Casus.objects.filter(thema=TEAM, jaar=year).exclude(status=CasusStatus.AFGESLOTEN).order_by("pk")
        )
        for i in range(min(n, len(casussen))):
            day = date(year, 1, 15) + timedelta(days=i * 30)
            if day >= until:
                break
            overleg = case_services.overleg_create(
                by=self.user,
                datum_tijd=self.at(day, 14),
                locatie="ZVH Baronie Breda, zaal Mark",
                soort="casusoverleg",
                voorzitter=self.user,
            )
            case_services.agendapunt_add(overleg=overleg, casus=casussen[i], by=self.user, at=self.at(day, 14))

    def adviezen(self, start: date, end: date) -> None:
        day = start
        while day < end:
            if day.weekday() < 5 and self.rnd.random() < 0.8:
                advies_register(
                    by=self.user,
                    datum=day,
                    thema=TEAM,
                    organisatie=self.rnd.choice(self.partners),
                    vrager="Professional",
                    vraag="Signalen van uitbuiting: wat te doen?",
                    advies="Signaleringskaart en route naar zorgcoördinatie toegelicht.",
                    tijd_minuten=self.rnd.choice([10, 15, 20, 30]),
                    aanleiding=self.rnd.choice(["gevraagd"] * 3 + ["ongevraagd"]),
                )
            day += timedelta(days=1)

    @staticmethod
    def at(day: date, hour: int) -> datetime:
        return timezone.make_aware(datetime.combine(day, time(hour)))

    def ana(self) -> Traject:
        today = timezone.localdate()
        signaal = services.signaal_register(
            by=self.user,
            ontvangen_op=today - timedelta(days=78),
            signalerende_organisatie="avim_politie",
            vorm="seksueel",
            gemeente=Organisation.objects.get(name="Gemeente Breda"),
            nationaliteit="Roemeens",
            persoon_data=ANA,
        )
        traject = services.traject_start(
            by=self.user, signaal=signaal, opvang_soort="categoraal", gestart_op=today - timedelta(days=75)
        )
        services.opvangadres_set(traject=traject, by=self.user, adres=ANA_ADRES)
        rows = {p.soort: p for p in traject.procedures.all()}
        services.procedure_update(
            procedure=rows[ProcedureSoort.BEDENKTIJD],
            by=self.user,
            status="lopend",
            datum=today - timedelta(days=75),
            einddatum=today + timedelta(days=5),
        )
        services.procedure_update(
            procedure=rows[ProcedureSoort.COMENSHA],
            by=self.user,
            status="afgerond",
            datum=today - timedelta(days=74),
            referentie="CM-ANA-0093",
        )
        services.procedure_update(
            procedure=rows[ProcedureSoort.ZORGVERZEKERING],
            by=self.user,
            status="lopend",
            datum=today - timedelta(days=60),
        )
        next_week = today + timedelta(days=7 - today.weekday() + 2)  # Wednesday next week
        overleg = case_services.overleg_create(
            by=self.user,
            datum_tijd=self.at(next_week, 10),
            locatie="ZVH Baronie Breda, zaal Aa",
            soort="casusoverleg",
            voorzitter=self.user,
        )
        case_services.agendapunt_add(overleg=overleg, casus=traject.casus, by=self.user)
        return traject


def seed(stdout=None, compact: bool = False, **options) -> None:
    """``compact`` (browser tests): only the account and Ana Popescu."""
    if Traject.objects.filter(persoon__bsn=ANA["bsn"]).exists():
        return
    with transaction.atomic():
        seeder = Seeder(zorgcoordinator())
        today = timezone.localdate()
        if not compact:
            seeder.signalen(date(2022, 1, 3), date(2022, 12, 28), 52)
            seeder.signalen(date(today.year, 1, 2), today, 54)
            seeder.overleggen(2022, 10, date(2023, 1, 1))
            seeder.overleggen(today.year, 10, today)
            seeder.adviezen(date(2022, 1, 1), date(2023, 1, 1))
            seeder.adviezen(date(today.year, 1, 1), today)
        seeder.ana()
    if stdout is not None:
        stdout.write(f"Mensenhandel: {Traject.objects.count()} trajecten, zorgcoördinator-account 'zorgcoordinator'.")
