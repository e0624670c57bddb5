"""Scale data for triage (``seed_demo --scale N``, after ``cases.scale``): aanmeldingen, wegingen, triage
sessions and adviezen op verzoek, in the proportions of jaarplan 2022 scaled to 30 ZVHs over 8 years.

- Every scale case gets the aanmelding it came from: submitted by the aanbrengende partner, weighed at the weekly
  session of its board (Weegploeg for radicalisering, MaSS / Veilig Thuis for the rest) and scaled up.
- Half as many aanmeldingen again ended otherwise (doorgeleid, advies, niet ontvankelijk): 1.5 per case. About one
  in five is about a person already known from a case; those of the last two weeks still wait for triage.
- Adviezen op verzoek: "meerdere per dag" per ZVH, read as 600 a year per ZVH (≈ 2.5 per werkdag), for 30 ZVHs over
  8 years at 250,000 cases (0.58 per case).

Idempotent: cases that already have an aanmelding are skipped; the other aanmeldingen and the adviezen are topped up
to their target.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import connection, transaction
from django.utils import timezone

from cases.choices import Relatie, Thema
from cases.models import Betrokkene, Casus
from cases.scale import SCALE_TOELICHTING, scale_cases
from zvh.accounts.choices import OrganisationType, Role
from zvh.accounts.models import Organisation, User
from zvh.core.bulk import field, historic_timestamps, insert_rows
from zvh.persons.models import Persoon
from zvh.persons.synthetic import PersonFactory

from .choices import AanmeldingStatus, BordSoort, Uitkomst, Vervolg
from .demo import AANLEIDINGEN, DOELEN
from .models import Aanmelding, AanmeldingBetrokkene, Advies, TriageBord, TriageSessie, Weging

CHUNK = 5000
OTHER_AANMELDINGEN_PER_CASE = 0.5
RECURRING_SHARE = 0.2
ADVIEZEN_PER_ZVH_YEAR = 600
ZVH_YEARS_PER_CASE = 30 * 8 / 250_000
BOARD_WEEKDAY = {BordSoort.MASS_VT: 1, BordSoort.WEEGPLOEG: 3}  # Tuesday, Thursday
OTHER_OUTCOMES = ([Uitkomst.DOORGELEIDEN, Uitkomst.ADVIES, Uitkomst.NIET_ONTVANKELIJK], [5, 3, 2])
MOTIVERING = {
    Uitkomst.OPSCHALEN: "Problemen op meerdere leefgebieden; zorg en straf moeten samenwerken.",
    Uitkomst.DOORGELEIDEN: "Past bij de aanpak van de partner; geen ketenoverstijgende regie nodig.",
    Uitkomst.ADVIES: "De melder kan dit zelf oppakken; advies gegeven over de aanpak.",
    Uitkomst.NIET_ONTVANKELIJK: "Geen veiligheidsrisico en geen samenwerking over ketens nodig.",
}
VRAGEN = [  # the scale adviezen; none of these texts is in the demo data
    ("Mag ik informatie delen met de wijkagent over een gezamenlijke cliënt?", "Ja, binnen het convenant; beperkt."),
    ("Welke partner pakt overlast door verward gedrag op?", "Eerst de GGZ-crisisdienst, daarna het wijkteam."),
    ("Hoe meld ik een zorgen over radicalisering?", "Bespreek het met de Weegploeg; aanmelden via het ZVH."),
    ("Wanneer is een zaak complex genoeg voor het ZVH?", "Bij criteria 1 en 2 plus 3 of 4; anders lokaal."),
    ("Wie regelt onderdak na detentie?", "De coördinator re-integratie van de gemeente."),
]
SCALE_VRAGEN = [vraag for vraag, _advies in VRAGEN]


def seed_scale(stdout=None) -> dict[str, int]:
    seeder = TriageScaleSeeder()
    added = {"aanmeldingen (opgeschaald)": seeder.case_aanmeldingen()}
    added["aanmeldingen (overig)"] = seeder.other_aanmeldingen()
    added["adviezen"] = seeder.adviezen()
    if stdout is not None:
        stdout.write("  triage: " + ", ".join(f"{v} {k}" for k, v in added.items()) + " toegevoegd")
    return added


class TriageScaleSeeder:
    def __init__(self, seed: int = 180) -> None:
        self.rnd = random.Random(seed + Aanmelding.objects.count())  # noqa: S311 - reproducible benchmark data
        self.now = timezone.now()
        self.boards = {b.soort: b for b in TriageBord.objects.all()}
        self.sessions = {(s.bord_id, s.datum): s for s in TriageSessie.objects.all()}
        self.regisseurs = list(User.objects.filter(groups__name=Role.PROCESREGISSEUR).order_by("pk"))
        partners = User.objects.filter(groups__name=Role.KETENPARTNER, is_active=True).order_by("pk")
        self.melder_of = {u.organisation_id: u for u in partners}
        self.partners = list(
            Organisation.objects.exclude(type__in=[OrganisationType.ZVH, OrganisationType.GEMEENTE]).order_by("pk")
        )
        self.gemeenten = list(Organisation.objects.filter(type=OrganisationType.GEMEENTE).order_by("pk"))
        self.factory = PersonFactory(self.rnd, [g.name.removeprefix("Gemeente ") for g in self.gemeenten])

    # --- sessions -------------------------------------------------------------------------------------------------
    def session(self, soort: str, day: date, *, on_or_after: bool = False) -> TriageSessie:
        board = self.boards[soort]
        shift = (
            (BOARD_WEEKDAY[soort] - day.weekday()) % 7 if on_or_after else -((day.weekday() - BOARD_WEEKDAY[soort]) % 7)
        )
        datum = day + timedelta(days=shift)
        if (board.pk, datum) not in self.sessions:
            self.sessions[(board.pk, datum)] = TriageSessie.objects.create(bord=board, datum=datum)
        return self.sessions[(board.pk, datum)]

    def _board(self, thema: str) -> str:
        return BordSoort.WEEGPLOEG if thema == Thema.RADICALISERING else BordSoort.MASS_VT

    def _melder(self, organisation_id: int) -> User:
        return self.melder_of.get(organisation_id) or self.rnd.choice(self.regisseurs)

    def _aanmelding(self, *, partner_id, thema, gemeente_id, leefgebieden, ingediend, sessie, status) -> Aanmelding:
        rnd = self.rnd
        geinformeerd = rnd.random() < 0.8
        return Aanmelding(
            status=status,
            ingediend_door=self._melder(partner_id),
            aanbrengende_partner_id=partner_id,
            aanleiding=rnd.choice(AANLEIDINGEN),
            doel=rnd.choice(DOELEN),
            leefgebieden=leefgebieden,
            thema=thema,
            gemeente_id=gemeente_id,
            spoed=rnd.random() < 0.05,
            betrokkene_geinformeerd=geinformeerd,
            reden_niet_geinformeerd="" if geinformeerd else "Lopend strafonderzoek.",
            grondslag="wettelijke_taak",
            grondslag_toelichting=SCALE_TOELICHTING,
            sessie=sessie,
            aangemaakt_op=ingediend - timedelta(hours=rnd.randint(1, 48)),
            ingediend_op=ingediend,
            gewijzigd_op=ingediend,
        )

    def _weging(self, aanmelding: Aanmelding, uitkomst: str, besloten: datetime) -> Weging:
        rnd = self.rnd
        up = uitkomst == Uitkomst.OPSCHALEN
        c3 = rnd.random() < (0.7 if up else 0.3)
        return Weging(
            aanmelding=aanmelding,
            sessie=aanmelding.sessie,
            criterium_1=up or rnd.random() < 0.5,
            criterium_2=up or rnd.random() < 0.3,
            criterium_3=c3,
            criterium_4=(up and not c3) or rnd.random() < 0.2,
            uitkomst=uitkomst,
            doorgeleid_naar=rnd.choice(self.partners) if uitkomst == Uitkomst.DOORGELEIDEN else None,
            motivering=MOTIVERING[uitkomst],
            besloten_door=rnd.choice(self.regisseurs),
            besloten_op=besloten,
            melder_gemaild_op=besloten + timedelta(minutes=5),
        )

    def _save(self, aanmeldingen, wegingen, betrokkenen) -> None:
        stamps = (field(Aanmelding, "aangemaakt_op"), field(Aanmelding, "gewijzigd_op"))
        with historic_timestamps(*stamps):
            Aanmelding.objects.bulk_create(aanmeldingen, batch_size=CHUNK)
        insert_rows(Weging, wegingen)
        insert_rows(AanmeldingBetrokkene, betrokkenen)

    # --- the aanmelding of every case -----------------------------------------------------------------------------
    def case_aanmeldingen(self) -> int:
        added = 0
        while True:
            cases = list(scale_cases().filter(aanmelding__isnull=True).order_by("pk")[:CHUNK])
            if not cases:
                return added
            with transaction.atomic():
                self._case_chunk(cases)
            added += len(cases)

    def _case_chunk(self, cases: list[Casus]) -> None:
        rnd = self.rnd
        links = list(Betrokkene.objects.filter(casus__in=cases).select_related("persoon").order_by("pk"))
        aanmeldingen, wegingen, betrokkenen = [], [], []
        for c in cases:
            local = timezone.localtime(c.aangemaakt_op)
            sessie = self.session(self._board(c.thema), local.date())
            besloten = timezone.make_aware(datetime.combine(sessie.datum, time(10, rnd.randint(0, 59))))
            besloten = min(besloten, c.aangemaakt_op)
            ingediend = besloten - timedelta(days=rnd.randint(3, 20), hours=rnd.randint(0, 6))
            aanmelding = self._aanmelding(
                partner_id=c.aanbrengende_partner_id,
                thema=c.thema,
                gemeente_id=c.gemeente_id,
                leefgebieden=c.leefgebieden,
                ingediend=ingediend,
                sessie=sessie,
                status=AanmeldingStatus.BESLOTEN,
            )
            aanmeldingen.append(aanmelding)
            wegingen.append((aanmelding, Uitkomst.OPSCHALEN, besloten))
            c.aanmelding = aanmelding
        by_case = {c.pk: a for c, a in zip(cases, aanmeldingen, strict=True)}
        for link in links:
            betrokkenen.append(_betrokkene(by_case[link.casus_id], link.persoon, link.relatie))
        self._save(aanmeldingen, [self._weging(a, u, at) for a, u, at in wegingen], betrokkenen)
        if connection.vendor == "postgresql":  # one UPDATE instead of CASE WHEN per thousand rows
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {Casus._meta.db_table} c SET aanmelding_id = u.a "  # noqa: S608 - table name from the model
                    "FROM unnest(%s::bigint[], %s::bigint[]) AS u(c, a) WHERE c.id = u.c",
                    [[c.pk for c in cases], [c.aanmelding.pk for c in cases]],
                )
        else:
            Casus.objects.bulk_update(cases, ["aanmelding"], batch_size=1000)

    # --- aanmeldingen that were not scaled up ---------------------------------------------------------------------
    def other_aanmeldingen(self) -> int:
        target = round(scale_cases().count() * OTHER_AANMELDINGEN_PER_CASE)
        existing = Aanmelding.objects.filter(grondslag_toelichting=SCALE_TOELICHTING, casus__isnull=True).count()
        missing = target - existing
        if missing <= 0:
            return 0
        pool = list(Betrokkene.objects.filter(casus__in=scale_cases()).values_list("persoon_id", flat=True))
        start = self.now - timedelta(days=round(8 * 365.25))
        step = (self.now - start) / missing
        for first in range(0, missing, CHUNK):
            size = min(CHUNK, missing - first)
            moments = [start + step * (first + i + self.rnd.random()) for i in range(size)]
            with transaction.atomic():
                self._other_chunk(moments, pool)
        return missing

    def _other_chunk(self, moments: list[datetime], pool: list[int]) -> None:
        rnd = self.rnd
        known = [rnd.choice(pool) if pool and rnd.random() < RECURRING_SHARE else None for _ in moments]
        persons = {p.pk: p for p in Persoon.objects.filter(pk__in=[k for k in known if k])}
        new = iter(Persoon.objects.bulk_create([self.factory.persoon() for k in known if k is None]))
        aanmeldingen, wegingen, betrokkenen = [], [], []
        for moment, known_id in zip(moments, known, strict=True):
            thema = rnd.choices(Thema.values, weights=[10, 1, 1, 4, 3, 4, 2, 1])[0]
            soort = self._board(thema)
            age = (self.now - moment).days
            if age < 14:  # recent: waiting for triage, or on next week's agenda
                status = rnd.choice([AanmeldingStatus.INGEDIEND, AanmeldingStatus.GEAGENDEERD])
                sessie = self.session(soort, self.now.date(), on_or_after=True) if status == "geagendeerd" else None
            else:
                status = AanmeldingStatus.BESLOTEN
                sessie = self.session(soort, timezone.localtime(moment + timedelta(days=7)).date())
            aanmelding = self._aanmelding(
                partner_id=rnd.choice(self.partners).pk,
                thema=thema,
                gemeente_id=rnd.choice(self.gemeenten).pk,
                leefgebieden=[],
                ingediend=moment,
                sessie=sessie,
                status=status,
            )
            aanmeldingen.append(aanmelding)
            persoon = persons[known_id] if known_id else next(new)
            betrokkenen.append(_betrokkene(aanmelding, persoon, Relatie.HOOFDPERSOON))
            if status == AanmeldingStatus.BESLOTEN:
                besloten = timezone.make_aware(datetime.combine(sessie.datum, time(11, rnd.randint(0, 59))))
                wegingen.append((aanmelding, rnd.choices(*OTHER_OUTCOMES)[0], besloten))
        self._save(aanmeldingen, [self._weging(a, u, at) for a, u, at in wegingen], betrokkenen)

    # --- adviezen op verzoek --------------------------------------------------------------------------------------
    def adviezen(self) -> int:
        target = round(scale_cases().count() * ZVH_YEARS_PER_CASE * ADVIEZEN_PER_ZVH_YEAR)
        missing = target - Advies.objects.filter(vraag__in=SCALE_VRAGEN).count()
        if missing <= 0:
            return 0
        rnd, today = self.rnd, timezone.localdate()
        start = today - timedelta(days=round(8 * 365.25))
        rows = []
        for _ in range(missing):
            day = start + timedelta(days=rnd.randint(0, (today - start).days))
            day -= timedelta(days=max(day.weekday() - 4, 0))
            vraag, advies = rnd.choice(VRAGEN)
            rows.append(
                Advies(
                    datum=day,
                    organisatie=rnd.choice(self.partners),
                    vrager=self.factory.full_name(),
                    thema=rnd.choices(Thema.values, weights=[10, 2, 1, 4, 3, 4, 2, 2])[0],
                    vraag=vraag,
                    advies=advies,
                    tijd_minuten=rnd.choice([5, 10, 10, 15, 20, 30, 45]),
                    vervolg=Vervolg.AANMELDING if rnd.random() < 0.1 else Vervolg.GEEN,
                    betreft_persoon=self.factory.full_name() if rnd.random() < 0.3 else "",
                    geregistreerd_door=rnd.choice(self.regisseurs),
                    geregistreerd_op=timezone.make_aware(datetime.combine(day, time(rnd.randint(8, 17)))),
                )
            )
        with historic_timestamps(field(Advies, "geregistreerd_op")):
            insert_rows(Advies, rows)
        return missing


def _betrokkene(aanmelding: Aanmelding, persoon: Persoon, relatie: str) -> AanmeldingBetrokkene:
    return AanmeldingBetrokkene(
        aanmelding=aanmelding,
        relatie=relatie,
        voornamen=persoon.voornamen,
        tussenvoegsel=persoon.tussenvoegsel,
        achternaam=persoon.achternaam,
        geboortedatum=persoon.geboortedatum,
        geslacht=persoon.geslacht,
        straat=persoon.straat,
        huisnummer=persoon.huisnummer,
        postcode=persoon.postcode,
        woonplaats=persoon.woonplaats,
        brp_gemeente=persoon.brp_gemeente,
        persoon=persoon,
    )
