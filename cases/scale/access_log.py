"""Scale data, the access log: ≈ 40 entries per case over its life, each with its person rows.

Readers: the case's own procesregisseur (about half), other ZVH staff, and a professional of the aanbrengende
partner. Actions: mostly detail reads, then lists, searches and some changes. A few persons (the first cases of a
run) are opened very often, as long-running files are: the FG's heaviest per-person view.

On PostgreSQL one INSERT … SELECT per chunk writes the entries and, from its RETURNING rows, their person rows
(the log's trigger refuses only UPDATE and DELETE). Other databases (tests on SQLite) get the same shape through
bulk_create.
"""

import random
import uuid
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from privacy.models import AccessLogEntry, AccessLogPerson
from zvh.accounts.choices import Role
from zvh.accounts.models import User

from ..models import Betrokkene, Casus

PER_CASE_MIN, PER_CASE_SPREAD = 20, 41  # 20..60 entries, 40 on average
OWN_REGISSEUR, ZVH_STAFF = 0.55, 0.8  # cumulative shares of readers; the rest is a partner professional
# (cumulative share, action, view)
ACTIONS = [
    (0.60, "read", "cases:casus_detail"),
    (0.82, "list", "cases:casus_list"),
    (0.94, "search", "persons:search"),
    (1.00, "update", "cases:casus_transition"),
]

SQL = """
WITH base AS (
    SELECT c.id AS casus_id, c.procesregisseur_id, c.aanbrengende_partner_id, c.aangemaakt_op AS van,
           COALESCE(c.afgesloten_op, c.afgeschaald_op + interval '30 days', now()) AS tot,
           random() AS r_who, random() AS r_when, random() AS r_what,
           1 + floor(random() * %(nstaff)s)::int AS staff_i
    FROM {casus} c
    CROSS JOIN LATERAL generate_series(1, CASE WHEN c.id = ANY(%(frequent)s) THEN %(extra)s ELSE 0 END
                                          + %(min)s + floor(random() * %(spread)s)::int) g(n)
    WHERE c.id = ANY(%(cases)s)
), who AS (
    SELECT b.*, CASE
        WHEN r_who < %(own)s THEN b.procesregisseur_id
        WHEN r_who < %(staff)s OR p.user_id IS NULL THEN (%(staff_ids)s::bigint[])[staff_i]
        ELSE p.user_id END AS user_id
    FROM base b LEFT JOIN scale_partner_reader p ON p.organisation_id = b.aanbrengende_partner_id
), ins AS (
    INSERT INTO {entry} (timestamp, user_id, username, organisation_id, role, on_behalf_of_id, action, object_type,
                         object_ids, result, ip_address, correlation_id, view_name)
    SELECT w.van + (w.tot - w.van) * w.r_when, u.id, u.username, u.organisation_id, u.role,
           w.aanbrengende_partner_id,
           CASE {action_case} END,
           'cases.casus', jsonb_build_array(w.casus_id::text), 'allowed',
           ('10.' || (u.id %% 250) || '.' || floor(random() * 250)::int || '.'
            || (1 + floor(random() * 250)::int))::inet,
           md5(random()::text), CASE {view_case} END
    FROM who w JOIN scale_reader u ON u.id = w.user_id
    RETURNING id, timestamp, object_ids
)
INSERT INTO {person} (entry_id, person_id, timestamp)
SELECT ins.id, b.persoon_id, ins.timestamp
FROM ins JOIN {betrokkene} b ON b.casus_id = (ins.object_ids ->> 0)::bigint
"""


class AccessLogWriter:
    def __init__(self, regisseurs: list[User]) -> None:
        staff = list(
            User.objects.filter(groups__name__in=[Role.PROCESREGISSEUR, Role.SECRETARIAAT], is_active=True)
            .distinct()
            .order_by("pk")
        )
        self.staff = staff or regisseurs
        partners = User.objects.filter(groups__name=Role.KETENPARTNER, is_active=True).order_by("-pk")
        self.partner_of = {u.organisation_id: u for u in partners}  # one professional per organisation
        self.readers = {u.pk: u for u in [*self.staff, *regisseurs, *self.partner_of.values()]}
        self.postgres = connection.vendor == "postgresql"
        self._prepared = False

    def write(self, cases: list[Casus], *, frequent=(), per_case_extra: int = 0) -> None:
        if self.postgres:
            self._write_sql(cases, [c.pk for c in frequent], per_case_extra)
        else:
            self._write_python(cases, {c.pk for c in frequent}, per_case_extra)

    def _role(self, user: User) -> str:
        return str(user.role or "")

    def _write_sql(self, cases, frequent: list[int], extra: int) -> None:
        with connection.cursor() as cursor:
            if not self._prepared:
                cursor.execute(
                    "CREATE TEMP TABLE IF NOT EXISTS scale_reader "
                    "(id bigint PRIMARY KEY, username text, organisation_id bigint, role text)"
                )
                cursor.execute(
                    "CREATE TEMP TABLE IF NOT EXISTS scale_partner_reader (organisation_id bigint, user_id bigint)"
                )
                cursor.execute("TRUNCATE scale_reader, scale_partner_reader")
                cursor.executemany(
                    "INSERT INTO scale_reader VALUES (%s, %s, %s, %s)",
                    [(u.pk, u.username, u.organisation_id, self._role(u)) for u in self.readers.values()],
                )
                cursor.executemany(
                    "INSERT INTO scale_partner_reader VALUES (%s, %s)", [(o, u.pk) for o, u in self.partner_of.items()]
                )
                self._prepared = True
            action_case = " ".join(f"WHEN w.r_what < {share} THEN '{action}'" for share, action, _v in ACTIONS)
            view_case = " ".join(f"WHEN w.r_what < {share} THEN '{view}'" for share, _a, view in ACTIONS)
            sql = SQL.format(
                casus=Casus._meta.db_table,
                entry=AccessLogEntry._meta.db_table,
                person=AccessLogPerson._meta.db_table,
                betrokkene=Betrokkene._meta.db_table,
                action_case=action_case,
                view_case=view_case,
            )
            cursor.execute(
                sql,
                {
                    "cases": [c.pk for c in cases],
                    "frequent": frequent,
                    "extra": extra,
                    "min": PER_CASE_MIN,
                    "spread": PER_CASE_SPREAD,
                    "own": OWN_REGISSEUR,
                    "staff": ZVH_STAFF,
                    "nstaff": len(self.staff),
                    "staff_ids": [u.pk for u in self.staff],
                },
            )

    def _write_python(self, cases, frequent: set[int], extra: int) -> None:
        rnd = random.Random(cases[0].pk if cases else 0)  # noqa: S311 - reproducible benchmark data
        persons = {}
        for casus_id, persoon_id in Betrokkene.objects.filter(casus__in=cases).values_list("casus_id", "persoon_id"):
            persons.setdefault(casus_id, []).append(persoon_id)
        entries = []
        for c in cases:
            end = c.afgesloten_op or (c.afgeschaald_op + timedelta(days=30) if c.afgeschaald_op else None)
            end = end or timezone.now()
            count = PER_CASE_MIN + rnd.randrange(PER_CASE_SPREAD) + (extra if c.pk in frequent else 0)
            for _ in range(count):
                r_who, r_what = rnd.random(), rnd.random()
                if r_who < OWN_REGISSEUR:
                    user = self.readers.get(c.procesregisseur_id) or c.procesregisseur
                elif r_who < ZVH_STAFF or c.aanbrengende_partner_id not in self.partner_of:
                    user = rnd.choice(self.staff)
                else:
                    user = self.partner_of[c.aanbrengende_partner_id]
                action, view = next((a, v) for share, a, v in ACTIONS if r_what < share)
                entries.append(
                    AccessLogEntry(
                        timestamp=c.aangemaakt_op + (end - c.aangemaakt_op) * rnd.random(),
                        user=user,
                        username=user.username,
                        organisation_id=user.organisation_id,
                        role=self._role(user),
                        on_behalf_of_id=c.aanbrengende_partner_id,
                        action=action,
                        object_type="cases.casus",
                        object_ids=[str(c.pk)],
                        result="allowed",
                        ip_address=f"10.{user.pk % 250}.{rnd.randrange(250)}.{1 + rnd.randrange(250)}",
                        correlation_id=uuid.UUID(int=rnd.getrandbits(128)).hex,
                        view_name=view,
                    )
                )
        entries = AccessLogEntry.objects.bulk_create(entries, batch_size=5000)
        AccessLogPerson.objects.bulk_create(
            [
                AccessLogPerson(entry=e, person_id=p, timestamp=e.timestamp)
                for e in entries
                for p in persons.get(int(e.object_ids[0]), ())
            ],
            batch_size=5000,
        )
