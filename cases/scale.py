"""Bulk demo data for benchmarks: ``seed_demo --scale N`` adds N realistic cases (PostgreSQL recommended).

Rows are written with bulk_create in chunks (no services: at 250k cases the services' per-row checks would take
hours). Everything a case has is there: persons, betrokkenen, status history, grants with their guardian
permission rows (some expired), afspraken, logbook lines and access-log rows. One partner organisation gets
about 50 grants, so the partner case list can be measured as a realistic ketenpartner sees it.
"""

import random
from datetime import date, datetime, timedelta

from django.contrib.auth.models import Permission
from django.db import connection, transaction
from django.utils import timezone

from privacy.models import AccessLogEntry, AccessLogPerson
from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation, User
from zvh.persons.models import Persoon, normalise_name
from zvh.persons.names import ACHTERNAMEN, STRATEN, VOORNAMEN_M, VOORNAMEN_V

from .choices import CasusStatus, Grondslag, Leefgebied, Relatie, Resultaat, Thema
from .models import (
    Afspraak,
    Betrokkene,
    Casus,
    CasusGroupObjectPermission,
    CasusNummerReeks,
    Grant,
    LogboekEntry,
    StatusWijziging,
)

BENCH_PARTNER = "Jeugdbescherming Brabant"
BENCH_PARTNER_USER = "jeugdbescherming"
HEAVY_PARTNER_SHARE = 0.1
CHUNK = 5000
STATUS_PATH = [
    CasusStatus.AANGEMAAKT,
    CasusStatus.OVERLEG_GEPLAND,
    CasusStatus.PLAN_VASTGESTELD,
    CasusStatus.IN_UITVOERING,
    CasusStatus.AFGESCHAALD,
    CasusStatus.AFGESLOTEN,
]


class ScaleSeeder:
    def __init__(self, seed: int = 250) -> None:
        self.rnd = random.Random(seed)  # noqa: S311 - reproducible benchmark data
        self.regisseurs = list(User.objects.filter(groups__name=Role.PROCESREGISSEUR))
        self.gemeenten = list(Organisation.objects.filter(type=OrganisationType.GEMEENTE))
        self.partners = list(
            Organisation.objects.exclude(type__in=[OrganisationType.ZVH, OrganisationType.GEMEENTE]).exclude(
                name=BENCH_PARTNER
            )
        )
        self.bench_partner = self._bench_partner()
        # Politie takes part in about one case in ten, and stays in while the case runs: at 250k cases it holds
        # well over 20,000 active grants, the heaviest realistic partner (access-layer benchmark).
        self.heavy_partner = Organisation.objects.filter(type=OrganisationType.POLITIE).order_by("pk").first()
        self.view_casus = Permission.objects.get(content_type__app_label="cases", codename="view_casus")
        self.bench_grants_left = 50 - Grant.objects.filter(organisatie=self.bench_partner).count()
        # A few persons whose files are opened very often (long-running cases): the FG's heaviest per-person view.
        self.frequent: list[int] = []

    def _bench_partner(self) -> Organisation:
        from zvh.accounts import services

        organisation = Organisation.objects.filter(name=BENCH_PARTNER).first() or services.organisation_create(
            name=BENCH_PARTNER, type=OrganisationType.JEUGDBESCHERMING, convenantpartner=True
        )
        if not User.objects.filter(username=BENCH_PARTNER_USER).exists():
            from django_otp.plugins.otp_totp.models import TOTPDevice

            from zvh.accounts.demo import DEMO_PASSWORD, totp_key_hex

            user = services.user_create(
                username=BENCH_PARTNER_USER,
                organisation=organisation,
                role=Role.KETENPARTNER,
                password=DEMO_PASSWORD,
                first_name="Jolien",
                last_name="Bosch",
            )
            TOTPDevice.objects.create(user=user, name="default", key=totp_key_hex(), confirmed=True)
        return organisation

    # --- rows ---------------------------------------------------------------------------------------------
    def person(self) -> Persoon:
        geslacht = self.rnd.choice("mv")
        voornamen = self.rnd.choice(VOORNAMEN_M if geslacht == "m" else VOORNAMEN_V)
        tussen, achter = self.rnd.choice(ACHTERNAMEN)
        # Variation in surnames so search results are realistic, not thousands of exact equals.
        achter = achter if self.rnd.random() < 0.5 else f"{achter}{self.rnd.choice(['', 's', 'e', 'ink', 'man'])}"
        gemeente = self.rnd.choice(self.gemeenten).name.removeprefix("Gemeente ")
        return Persoon(
            voornamen=voornamen,
            tussenvoegsel=tussen,
            achternaam=achter,
            geslacht=geslacht,
            geboortedatum=date(self.rnd.randint(1950, 2008), self.rnd.randint(1, 12), self.rnd.randint(1, 28)),
            straat=self.rnd.choice(STRATEN),
            huisnummer=str(self.rnd.randint(1, 300)),
            woonplaats=gemeente,
            brp_gemeente=gemeente,
            zoeknaam=normalise_name(voornamen, tussen, achter),
        )

    def opened(self) -> datetime:
        day = date(2020, 1, 1) + timedelta(days=self.rnd.randint(0, (timezone.localdate() - date(2020, 1, 1)).days))
        return timezone.make_aware(datetime(day.year, day.month, day.day, self.rnd.randint(8, 17)))

    def add(self, n: int, stdout=None) -> None:
        numbers = {r.jaar: r.laatste for r in CasusNummerReeks.objects.all()}
        done = 0
        while done < n:
            size = min(CHUNK, n - done)
            with transaction.atomic():
                self._chunk(size, numbers)
                for year, last in numbers.items():
                    CasusNummerReeks.objects.update_or_create(jaar=year, defaults={"laatste": last})
            done += size
            if stdout is not None and (done % 50000 == 0 or done == n):
                stdout.write(f"  {done} van {n} casussen toegevoegd")
        # As autovacuum would after a bulk load: statistics and the visibility map (index-only counts).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    def _chunk(self, size: int, numbers: dict[int, int]) -> None:
        rnd = self.rnd
        hoofd = Persoon.objects.bulk_create([self.person() for _ in range(size)])
        cases = []
        for persoon in hoofd:
            opened = self.opened()
            year = opened.year
            numbers[year] = numbers.get(year, 0) + 1
            status = rnd.choices(STATUS_PATH, weights=[3, 3, 3, 10, 6, 25])[0]
            index = STATUS_PATH.index(status)
            afgeschaald = opened + timedelta(days=rnd.randint(60, 300)) if index >= 4 else None
            afgesloten = afgeschaald + timedelta(days=rnd.randint(10, 90)) if index == 5 else None
            cases.append(
                Casus(
                    nummer=f"ZVH-{year}-{numbers[year]:04d}",
                    jaar=year,
                    volgnummer=numbers[year],
                    thema=rnd.choices(Thema.values, weights=[10, 1, 1, 4, 3, 4, 2, 1])[0],
                    hoofdpersoon=persoon,
                    aanbrengende_partner=rnd.choice(self.partners),
                    grondslag=Grondslag.WETTELIJKE_TAAK,
                    grondslag_toelichting="Taak van de aanbrengende partner.",
                    procesregisseur=rnd.choice(self.regisseurs),
                    gemeente=rnd.choice(self.gemeenten),
                    leefgebieden=rnd.sample(Leefgebied.values, 3),
                    status=status,
                    aangemaakt_op=opened,
                    afgeschaald_op=afgeschaald,
                    afgesloten_op=afgesloten,
                    afsluitreden="doel_bereikt" if afgesloten else "",
                    resultaat=rnd.choice(Resultaat.values) if afgesloten else "",
                )
            )
        cases = Casus.objects.bulk_create(cases)
        extra_people = [self.person() for _ in range(size // 3)]
        extra_people = Persoon.objects.bulk_create(extra_people)
        partners_of = list(zip(rnd.sample(cases, len(extra_people)), extra_people, strict=True))
        Betrokkene.objects.bulk_create(
            [Betrokkene(casus=c, persoon_id=c.hoofdpersoon_id, relatie=Relatie.HOOFDPERSOON) for c in cases]
            + [Betrokkene(casus=c, persoon=p, relatie=Relatie.PARTNER) for c, p in partners_of]
        )
        self._history(cases)
        self._grants(cases)
        self._work(cases)
        self._access_log(cases, partners_of)

    def _history(self, cases: list[Casus]) -> None:
        rows = []
        for c in cases:
            moment = c.aangemaakt_op
            previous = ""
            for status in STATUS_PATH[: STATUS_PATH.index(c.status) + 1]:
                moment = c.afgeschaald_op if status == CasusStatus.AFGESCHAALD else moment
                moment = c.afgesloten_op if status == CasusStatus.AFGESLOTEN else moment
                rows.append(StatusWijziging(casus=c, van=previous, naar=status, door=c.procesregisseur, op=moment))
                previous = status
                moment = moment + timedelta(days=self.rnd.randint(5, 30))
        StatusWijziging.objects.bulk_create(rows, batch_size=CHUNK)

    def _grants(self, cases: list[Casus]) -> None:
        grants = []
        for c in cases:
            end = c.afgeschaald_op + timedelta(days=30) if c.afgeschaald_op else None
            organisations = {c.aanbrengende_partner, *self.rnd.sample(self.partners, self.rnd.randint(0, 2))}
            if self.heavy_partner is not None and self.rnd.random() < HEAVY_PARTNER_SHARE:
                organisations.add(self.heavy_partner)
            for org in organisations:
                grants.append(self._grant(c, org, None if org == self.heavy_partner else end))
            if self.bench_grants_left > 0 and self.rnd.random() < 0.01:
                # The benchmark partner: ~50 grants, about one in five expired.
                self.bench_grants_left -= 1
                expired = self.rnd.random() < 0.2
                grants.append(
                    self._grant(c, self.bench_partner, timezone.now() - timedelta(days=3) if expired else None)
                )
        grants = Grant.objects.bulk_create(grants, batch_size=CHUNK)
        now = timezone.now()
        CasusGroupObjectPermission.objects.bulk_create(
            [
                CasusGroupObjectPermission(
                    grant=g,
                    permission=self.view_casus,
                    group_id=g.organisatie.group_id,
                    content_object_id=g.casus_id,
                    geldig_van=g.geldig_van,
                    geldig_tot=g.geldig_tot,
                )
                for g in grants
                if g.geldig_tot is None or g.geldig_tot > now
            ],
            batch_size=CHUNK,
        )

    def _grant(self, casus: Casus, organisation: Organisation, end) -> Grant:
        return Grant(
            casus=casus,
            organisatie=organisation,
            rol="deelnemer",
            doel="Deelname aan het casusoverleg.",
            geldig_van=casus.aangemaakt_op,
            geldig_tot=end,
            geldig_tot_automatisch=end is not None,
            verleend_door=casus.procesregisseur,
        )

    def _work(self, cases: list[Casus]) -> None:
        afspraken, logboek = [], []
        for c in cases:
            for i in range(2):
                afspraken.append(
                    Afspraak(
                        casus=c,
                        actie=self.rnd.choice(["Huisbezoek", "Screening beschermd wonen", "Reclasseringsadvies"]),
                        eigenaar_organisatie=c.aanbrengende_partner,
                        deadline=(c.aangemaakt_op + timedelta(days=14 * (i + 1))).date(),
                        status="gereed" if c.status in (CasusStatus.AFGESCHAALD, CasusStatus.AFGESLOTEN) else "open",
                        aangemaakt_door=c.procesregisseur,
                    )
                )
            logboek.append(
                LogboekEntry(
                    casus=c,
                    datum=c.aangemaakt_op + timedelta(days=2),
                    soort="telefonisch",
                    tekst="Telefonisch overleg met de partner over de situatie.",
                    auteur=c.procesregisseur,
                )
            )
        Afspraak.objects.bulk_create(afspraken, batch_size=CHUNK)
        LogboekEntry.objects.bulk_create(logboek, batch_size=CHUNK)

    def _access_log(self, cases: list[Casus], partners_of) -> None:
        """Four reads per case on average (list pages, details, searches) by the regisseurs."""
        entries, persons = [], []
        for c in cases:
            for _i in range(4):
                user = self.rnd.choice(self.regisseurs)
                moment = c.aangemaakt_op + timedelta(hours=self.rnd.randint(1, 24 * 200))
                entries.append(
                    AccessLogEntry(
                        timestamp=moment,
                        user=user,
                        username=user.username,
                        organisation_id=user.organisation_id,
                        role="procesregisseur",
                        on_behalf_of_id=c.aanbrengende_partner_id,
                        action="read",
                        object_type="cases.casus",
                        object_ids=[str(c.pk)],
                        result="allowed",
                        ip_address="10.0.0.1",
                        correlation_id=f"{self.rnd.getrandbits(128):032x}",
                        view_name="cases:casus_detail",
                    )
                )
        entries = AccessLogEntry.objects.bulk_create(entries, batch_size=CHUNK)
        if not self.frequent:
            self.frequent = [c.hoofdpersoon_id for c in cases[:10]]
        for index, entry in enumerate(entries):
            person = cases[index // 4].hoofdpersoon_id
            if self.rnd.random() < 0.01:
                person = self.rnd.choice(self.frequent)
            persons.append(AccessLogPerson(entry=entry, person_id=person, timestamp=entry.timestamp))
        AccessLogPerson.objects.bulk_create(persons, batch_size=CHUNK)


def seed_scale(total: int, stdout=None) -> int:
    """Add cases until there are ``total`` in all (so running it twice adds nothing). Returns the number added."""
    missing = total - Casus.objects.count()
    if missing > 0:
        ScaleSeeder().add(missing, stdout=stdout)
    return max(missing, 0)
