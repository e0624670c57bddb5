"""The case side of the scale data: persons, cases, betrokkenen, history and grants, chunk by chunk."""

import random
from datetime import datetime, timedelta

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone

from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation, User
from zvh.core.bulk import insert_rows
from zvh.persons.models import Persoon
from zvh.persons.synthetic import PersonFactory

from ..choices import Afsluitreden, CasusStatus, Grondslag, Leefgebied, Relatie, Resultaat, Thema
from ..models import (
    Betrokkene,
    Casus,
    CasusGroupObjectPermission,
    CasusNummerReeks,
    Grant,
    StatusWijziging,
)
from . import access_log, work

BENCH_PARTNER = "Jeugdbescherming Brabant"
BENCH_PARTNER_USER = "jeugdbescherming"
# Marks the cases made here, so the triage and facilitering steps (and reruns) find them.
SCALE_TOELICHTING = "Wettelijke taak van de aanbrengende partner (convenant ZVH)."
HEAVY_PARTNER_SHARE = 0.1
CHUNK = 5000
YEARS = 8
OPEN_WINDOW_DAYS = 240  # open cases are recent: opened in the last eight months...
OPEN_IN_WINDOW = 0.6  # ...and 60% of those are still open: ≈ 5% of all cases
RECURRING_SHARE = 0.2  # a case about a person who was already in an earlier case
PARTNER_SHARE, KIND_SHARE = 1 / 3, 0.12
STATUS_PATH = [
    CasusStatus.AANGEMAAKT,
    CasusStatus.OVERLEG_GEPLAND,
    CasusStatus.PLAN_VASTGESTELD,
    CasusStatus.IN_UITVOERING,
    CasusStatus.AFGESCHAALD,
    CasusStatus.AFGESLOTEN,
]


def scale_cases():
    return Casus.objects.filter(grondslag_toelichting=SCALE_TOELICHTING)


class ScaleSeeder:
    def __init__(self, total: int, seed: int = 250) -> None:
        self.total = total
        self.rnd = random.Random(seed + Casus.objects.count())  # noqa: S311 - reproducible benchmark data
        self.now = timezone.now()
        self.regisseurs = list(User.objects.filter(groups__name=Role.PROCESREGISSEUR).order_by("pk"))
        self.gemeenten = list(Organisation.objects.filter(type=OrganisationType.GEMEENTE).order_by("pk"))
        # Politie is not drawn here: it takes part in one case in ten (below), no more.
        self.partners = list(
            Organisation.objects.exclude(
                type__in=[OrganisationType.ZVH, OrganisationType.GEMEENTE, OrganisationType.POLITIE]
            )
            .exclude(name=BENCH_PARTNER)
            .order_by("pk")
        )
        self.factory = PersonFactory(self.rnd, [g.name.removeprefix("Gemeente ") for g in self.gemeenten])
        self.bench_partner = self._bench_partner()
        # Politie takes part in about one case in ten, and stays in while the case runs: at 250k cases it holds
        # well over 20,000 active grants, the heaviest realistic partner (access-layer benchmark).
        self.heavy_partner = Organisation.objects.filter(type=OrganisationType.POLITIE).order_by("pk").first()
        self.view_casus = Permission.objects.get(content_type__app_label="cases", codename="view_casus")
        self.bench_grants_left = 50 - Grant.objects.filter(organisatie=self.bench_partner).count()
        # Persons already in a scale case: the pool a recurring hoofdpersoon is drawn from.
        self.pool: list[int] = list(
            Betrokkene.objects.filter(casus__in=scale_cases()).values_list("persoon_id", flat=True).distinct()
        )
        self.log = access_log.AccessLogWriter(self.regisseurs)

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

    # --- the run ------------------------------------------------------------------------------------------------
    def add(self, n: int, stdout=None) -> None:
        """Add ``n`` cases spread evenly over the last 8 years, oldest first (so recurrence points back in time)."""
        numbers = {r.jaar: r.laatste for r in CasusNummerReeks.objects.all()}
        start = self.now - timedelta(days=round(YEARS * 365.25))
        step = (self.now - start) / n
        done = 0
        while done < n:
            size = min(CHUNK, n - done)
            opened = [self._working_hours(start + step * (done + i + self.rnd.random())) for i in range(size)]
            with transaction.atomic():
                self._chunk(opened, numbers, first=done == 0)
                for year, last in numbers.items():
                    CasusNummerReeks.objects.update_or_create(jaar=year, defaults={"laatste": last})
            done += size
            if stdout is not None and (done % 50000 == 0 or done == n):
                stdout.write(f"  {done} van {n} casussen toegevoegd")

    def _working_hours(self, moment: datetime) -> datetime:
        local = timezone.localtime(moment)
        day = local.date() - timedelta(days=max(local.weekday() - 4, 0))  # weekend → Friday
        minutes = self.rnd.randint(8 * 60, 17 * 60)
        value = timezone.make_aware(datetime(day.year, day.month, day.day, minutes // 60, minutes % 60))
        return min(value, self.now - timedelta(hours=1))

    def _chunk(self, opened: list[datetime], numbers: dict[int, int], *, first: bool) -> None:
        rnd = self.rnd
        recurring = [rnd.random() < RECURRING_SHARE for _ in opened]
        recurring[0] = recurring[0] and bool(self.pool)
        new = iter(Persoon.objects.bulk_create([self.factory.persoon() for r in recurring if not r]))
        hoofd_ids = []
        for r in recurring:  # oldest first: a recurring person comes from an earlier case
            hoofd_ids.append(rnd.choice(self.pool) if r else next(new).pk)
            self.pool.append(hoofd_ids[-1])  # a person in several cases is drawn more often
        cases = Casus.objects.bulk_create(
            [self._case(at, hid, numbers) for at, hid in zip(opened, hoofd_ids, strict=True)]
        )
        others = [(c, Relatie.PARTNER) for c in cases if rnd.random() < PARTNER_SHARE]
        others += [(c, Relatie.KIND) for c in cases if rnd.random() < KIND_SHARE]
        people = Persoon.objects.bulk_create([self.factory.persoon() for _ in others])
        betrokkenen = [Betrokkene(casus=c, persoon_id=c.hoofdpersoon_id, relatie=Relatie.HOOFDPERSOON) for c in cases]
        betrokkenen += [Betrokkene(casus=c, persoon=p, relatie=r) for (c, r), p in zip(others, people, strict=True)]
        insert_rows(Betrokkene, betrokkenen)
        self.pool.extend(p.pk for p in people)
        self._history(cases)
        organisations = self._grants(cases)
        work.add_work(self, cases, organisations)
        self.log.write(cases, frequent=cases[:10] if first else (), per_case_extra=max(40, self.total // 50))

    def _case(self, opened: datetime, hoofdpersoon_id: int, numbers: dict[int, int]) -> Casus:
        rnd = self.rnd
        age = (self.now - opened).days
        year = timezone.localtime(opened).year
        numbers[year] = numbers.get(year, 0) + 1
        afgeschaald = afgesloten = None
        if age < OPEN_WINDOW_DAYS and rnd.random() < OPEN_IN_WINDOW:
            # Younger cases are earlier in the process.
            status = STATUS_PATH[min(3, int(rnd.random() * 4 * min(1.0, (age + 20) / 120)))]
        else:
            afgeschaald = opened + timedelta(days=min(rnd.randint(60, 300), max(age - 1, 1)), hours=rnd.randint(0, 5))
            afgesloten = afgeschaald + timedelta(days=rnd.randint(10, 90))
            if afgesloten >= self.now - timedelta(days=1) or rnd.random() < 0.02:
                afgesloten = None
            status = CasusStatus.AFGESLOTEN if afgesloten else CasusStatus.AFGESCHAALD
        thema = rnd.choices(Thema.values, weights=[10, 1, 1, 4, 3, 4, 2, 1])[0]
        return Casus(
            nummer=f"ZVH-{year}-{numbers[year]:04d}",
            jaar=year,
            volgnummer=numbers[year],
            thema=thema,
            hoofdpersoon_id=hoofdpersoon_id,
            aanbrengende_partner=rnd.choice(self.partners),
            grondslag=Grondslag.WETTELIJKE_TAAK,
            grondslag_toelichting=SCALE_TOELICHTING,
            procesregisseur=rnd.choice(self.regisseurs),
            gemeente=rnd.choice(self.gemeenten),
            leefgebieden=rnd.sample(Leefgebied.values, rnd.randint(2, 4)),
            status=status,
            aangemaakt_op=opened,
            afgeschaald_op=afgeschaald,
            afgesloten_op=afgesloten,
            afsluitreden=rnd.choice(Afsluitreden.values) if afgesloten else "",
            resultaat=rnd.choices(Resultaat.values, weights=[5, 3, 2])[0] if afgesloten else "",
        )

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
                moment = min(moment + timedelta(days=self.rnd.randint(5, 30)), self.now)
        insert_rows(StatusWijziging, rows)

    def _grants(self, cases: list[Casus]) -> dict[int, list[Organisation]]:
        grants, organisations_of = [], {}
        for c in cases:
            end = c.afgeschaald_op + timedelta(days=30) if c.afgeschaald_op else None
            organisations = {c.aanbrengende_partner, *self.rnd.sample(self.partners, self.rnd.randint(0, 2))}
            if self.heavy_partner is not None and self.rnd.random() < HEAVY_PARTNER_SHARE:
                organisations.add(self.heavy_partner)
            organisations_of[c.pk] = sorted(organisations, key=lambda o: o.pk)
            for org in organisations_of[c.pk]:
                grants.append(self._grant(c, org, None if org == self.heavy_partner else end))
            if self.bench_grants_left > 0 and self.rnd.random() < 0.01:
                # The benchmark partner: ~50 grants, about one in five expired.
                self.bench_grants_left -= 1
                expired = self.rnd.random() < 0.2
                grants.append(self._grant(c, self.bench_partner, self.now - timedelta(days=3) if expired else None))
        grants = Grant.objects.bulk_create(grants, batch_size=CHUNK)
        insert_rows(
            CasusGroupObjectPermission,
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
                if g.geldig_tot is None or g.geldig_tot > self.now
            ],
            batch_size=CHUNK,
        )
        return organisations_of

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
