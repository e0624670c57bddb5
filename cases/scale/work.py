"""Scale data, the work on a case: casusoverleggen with agendas and participants, afspraken and logboek.

Every case that got past "aangemaakt" is on the agenda of a casusoverleg two weeks after opening and of one to
three vervolgoverleggen while it runs; the meetings of a week hold up to eight cases of one procesregisseur.
Each agenda item leaves one or two afspraken for the partners that take part.
"""

from collections import defaultdict
from datetime import datetime, time, timedelta

from django.utils import timezone

from zvh.core.bulk import field, historic_timestamps, insert_rows

from ..choices import AfspraakStatus, CasusStatus, LogboekSoort, OverlegSoort, Thema
from ..models import Afspraak, Agendapunt, Casus, Casusoverleg, Deelnemer, LogboekEntry

ITEMS_PER_MEETING = 8
ACTIES = [
    "Huisbezoek afleggen",
    "Screening beschermd wonen aanvragen",
    "Reclasseringsadvies opstellen",
    "Schuldhulpverlening inschakelen",
    "Zorgmachtiging voorbereiden",
    "Veiligheidsplan opstellen met het gezin",
    "Dagbesteding regelen",
    "Contact leggen met de huisarts",
]
LOGBOEK = [
    (LogboekSoort.TELEFONISCH, "Telefonisch overleg met de partner over de situatie."),
    (LogboekSoort.INFORMATIE_PARTNER, "Informatie ontvangen over de voortgang van de afspraken."),
    (LogboekSoort.NOTITIE, "Voorbereiding van het casusoverleg."),
]


def add_work(seeder, cases: list[Casus], organisations_of: dict) -> None:
    rnd, now = seeder.rnd, seeder.now
    slots = defaultdict(list)  # (monday, regisseur, soort) -> [(case, moment)]
    for c in cases:
        for index, moment in enumerate(_agenda_moments(rnd, c, now)):
            soort = OverlegSoort.MAATWERK if c.thema == Thema.RADICALISERING else OverlegSoort.CASUSOVERLEG
            soort = OverlegSoort.VERVOLG if index and soort == OverlegSoort.CASUSOVERLEG else soort
            local = timezone.localtime(moment).date()
            slots[(local - timedelta(days=local.weekday()), c.procesregisseur_id, soort)].append(c)
    meetings, items = [], []
    for (monday, regisseur_id, soort), queue in slots.items():
        for start in range(0, len(queue), ITEMS_PER_MEETING):
            day = monday + timedelta(days=rnd.choice([1, 2, 3]))
            at = timezone.make_aware(datetime.combine(day, time(9 + (start // ITEMS_PER_MEETING) % 6)))
            meeting = Casusoverleg(
                datum_tijd=at,
                locatie="Zorg- en Veiligheidshuis, Baroniezaal",
                soort=soort,
                voorzitter_id=regisseur_id,
                aangemaakt_door_id=regisseur_id,
                aangemaakt_op=at - timedelta(days=14),
            )
            meetings.append(meeting)
            items.extend((meeting, c, n) for n, c in enumerate(queue[start : start + ITEMS_PER_MEETING], 1))
    with historic_timestamps(field(Casusoverleg, "aangemaakt_op")):
        Casusoverleg.objects.bulk_create(meetings, batch_size=5000)
    agendapunten = Agendapunt.objects.bulk_create(
        [
            Agendapunt(
                overleg=m,
                casus=c,
                volgorde=n,
                verslag="Situatie besproken; partners lichten hun inzet toe." if m.datum_tijd < now else "",
                besluiten="Afspraken vastgelegd in het plan van aanpak." if m.datum_tijd < now else "",
            )
            for m, c, n in items
        ],
        batch_size=5000,
    )
    _participants(seeder, meetings, items, organisations_of)
    _afspraken(seeder, agendapunten, organisations_of)
    _logboek(seeder, cases)


def _agenda_moments(rnd, c: Casus, now: datetime) -> list[datetime]:
    if c.status == CasusStatus.AANGEMAAKT:
        return []
    first = c.aangemaakt_op + timedelta(days=rnd.randint(7, 21))
    if c.status == CasusStatus.OVERLEG_GEPLAND:
        return [max(first, now + timedelta(days=rnd.randint(1, 14)))]
    end = c.afgeschaald_op or now
    moments = [min(first, end - timedelta(days=1))]
    while len(moments) < 4:
        following = moments[-1] + timedelta(days=rnd.randint(35, 77))
        if following >= end:
            break
        moments.append(following)
    return moments


def _participants(seeder, meetings, items, organisations_of) -> None:
    at_table = defaultdict(set)
    for meeting, c, _n in items:
        at_table[id(meeting)].update(organisations_of.get(c.pk, ()))
    rows = []
    for meeting in meetings:
        for org in sorted(at_table[id(meeting)], key=lambda o: o.pk)[:8]:
            rows.append(
                Deelnemer(
                    overleg=meeting,
                    naam=seeder.factory.full_name(),
                    organisatie=org,
                    incidenteel=False,
                    geregistreerd_door_id=meeting.voorzitter_id,
                )
            )
    insert_rows(Deelnemer, rows)


def _afspraken(seeder, agendapunten: list[Agendapunt], organisations_of) -> None:
    rnd, now = seeder.rnd, seeder.now
    rows = []
    for punt in agendapunten:
        c, moment = punt.casus, punt.overleg.datum_tijd
        closed = c.status in (CasusStatus.AFGESCHAALD, CasusStatus.AFGESLOTEN)
        for _ in range(rnd.choice([1, 1, 2])):
            deadline = moment + timedelta(days=rnd.randint(14, 42))
            if closed:
                status = AfspraakStatus.GEREED if rnd.random() < 0.85 else AfspraakStatus.VERVALLEN
            else:
                status = AfspraakStatus.GEREED if deadline < now and rnd.random() < 0.7 else AfspraakStatus.OPEN
            done = status == AfspraakStatus.GEREED
            rows.append(
                Afspraak(
                    casus=c,
                    agendapunt=punt,
                    actie=rnd.choice(ACTIES),
                    eigenaar_organisatie=rnd.choice(organisations_of[c.pk]),
                    deadline=timezone.localtime(deadline).date(),
                    status=status,
                    aangemaakt_door_id=c.procesregisseur_id,
                    aangemaakt_op=moment,
                    gereed_op=min(deadline - timedelta(days=rnd.randint(0, 10)), now) if done else None,
                )
            )
    with historic_timestamps(field(Afspraak, "aangemaakt_op")):
        insert_rows(Afspraak, rows)


def _logboek(seeder, cases: list[Casus]) -> None:
    rnd, now = seeder.rnd, seeder.now
    rows = []
    for c in cases:
        for day in sorted(rnd.sample(range(1, 60), rnd.randint(1, 3))):
            soort, tekst = rnd.choice(LOGBOEK)
            at = min(c.aangemaakt_op + timedelta(days=day), now)
            rows.append(
                LogboekEntry(
                    casus=c, datum=at, soort=soort, tekst=tekst, auteur_id=c.procesregisseur_id, aangemaakt_op=at
                )
            )
    with historic_timestamps(field(LogboekEntry, "aangemaakt_op")):
        insert_rows(LogboekEntry, rows)
