"""The FG's autorisaties review: every kind of access grant in one list (the FG werkgroep's first topic).

Sources: case grants (cases.Grant), BIJ invitations (bij.Uitnodiging), access to a re-integratie traject
(reintegration.TrajectToegang) and membership of a team that guards a restricted theme (zvh.access.Team, e.g. the
Weegploeg, mensenhandel, BIJ). The per-object permissions of django-guardian are derived from cases.Grant and not
listed twice. One UNION query, paginated in the database; names are fetched for the page only.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection
from django.db.models import CharField, DateTimeField, F, IntegerField, Q, Value
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils.translation import gettext_lazy as _

SOORTEN = {
    "casus": _("casus"),
    "bij": _("BIJ-melding"),
    "traject": _("re-integratietraject"),
    "team": _("team (beperkt thema)"),
}
LOG_TYPES = {"casus": "cases.casus", "bij": "bij.melding", "traject": "reintegration.traject"}
COLUMNS = ("a_soort", "a_ref", "a_obj", "a_dossier", "a_user", "a_org", "a_rol", "a_doel")
COLUMNS += ("a_van", "a_tot", "a_door", "a_op", "a_in", "a_sort")
NONE_DT = Value(None, output_field=DateTimeField())
NONE_INT = Value(None, output_field=IntegerField())
OLDEST = Value(datetime(1970, 1, 1, tzinfo=UTC), output_field=DateTimeField())


def _text(value: str) -> Value:
    return Value(value, output_field=CharField())


def _cases(org_id):
    from cases.models import Grant

    qs = Grant.objects.all()
    if org_id:
        qs = qs.filter(Q(organisatie_id=org_id) | Q(user__organisation_id=org_id))
    return qs.annotate(
        a_soort=_text("casus"), a_ref=F("pk"), a_obj=F("casus_id"), a_dossier=F("casus__nummer"),
        a_user=F("user_id"), a_org=F("organisatie_id"), a_rol=Cast("rol", CharField()),
        a_doel=Cast("doel", CharField()), a_van=F("geldig_van"), a_tot=F("geldig_tot"), a_door=F("verleend_door_id"),
        a_op=F("verleend_op"), a_in=F("ingetrokken_op"), a_sort=Coalesce("verleend_op", OLDEST),
    ).values(*COLUMNS)  # fmt: skip


def _bij(org_id):
    from bij.models import Uitnodiging

    qs = Uitnodiging.objects.all()
    if org_id:
        qs = qs.filter(Q(organisatie_id=org_id) | Q(user__organisation_id=org_id))
    return qs.annotate(
        a_soort=_text("bij"), a_ref=F("pk"), a_obj=F("melding_id"),
        a_dossier=Concat(_text("BIJ-"), Cast("melding_id", CharField())),
        a_user=F("user_id"), a_org=F("organisatie_id"), a_rol=_text("uitgenodigd"), a_doel=Cast("doel", CharField()),
        a_van=F("geldig_van"), a_tot=F("geldig_tot"), a_door=F("verleend_door_id"), a_op=F("verleend_op"),
        a_in=NONE_DT, a_sort=Coalesce("verleend_op", OLDEST),
    ).values(*COLUMNS)  # fmt: skip


def _traject(org_id):
    from reintegration.models import TrajectToegang

    qs = TrajectToegang.objects.all()
    if org_id:
        qs = qs.filter(organisatie_id=org_id)
    return qs.annotate(
        a_soort=_text("traject"), a_ref=F("pk"), a_obj=F("traject_id"),
        a_dossier=Concat(_text("traject "), Cast("traject_id", CharField())),
        a_user=NONE_INT, a_org=F("organisatie_id"), a_rol=_text("toegang"), a_doel=Cast("doel", CharField()),
        a_van=F("geldig_van"), a_tot=F("geldig_tot"), a_door=F("verleend_door_id"), a_op=F("geldig_van"),
        a_in=NONE_DT, a_sort=Coalesce("geldig_van", OLDEST),
    ).values(*COLUMNS)  # fmt: skip


def _teams(org_id):
    from zvh.access.models import BeperktThema, Team

    qs = Team.leden.through.objects.filter(team_id__in=BeperktThema.objects.values("team_id"))
    if org_id:
        qs = qs.filter(user__organisation_id=org_id)
    return qs.annotate(
        a_soort=_text("team"), a_ref=F("pk"), a_obj=F("team_id"), a_dossier=F("team__naam"),
        a_user=F("user_id"), a_org=NONE_INT, a_rol=_text("teamlid"), a_doel=_text(""),
        a_van=NONE_DT, a_tot=NONE_DT, a_door=NONE_INT, a_op=NONE_DT, a_in=NONE_DT, a_sort=OLDEST,
    ).values(*COLUMNS)  # fmt: skip


def access_grants(*, organisation_id: int | None = None):
    """Every grant of every kind as plain rows, newest first (team memberships, which have no date, last)."""
    # Without a model's default ordering in the parts: SQLite (the demo) refuses ORDER BY inside a UNION.
    first, *rest = (source(organisation_id).order_by() for source in (_cases, _bij, _traject, _teams))
    return first.union(*rest, all=True).order_by("-a_sort", "a_soort", "-a_ref")


@dataclass
class Row:
    soort: str
    dossier: str
    aan: str
    organisatie: str
    rol: str
    doel: str
    van: datetime | None
    tot: datetime | None
    door: str
    op: datetime | None
    ingetrokken: datetime | None
    laatst_gebruikt: datetime | None
    gemeten: bool  # False: the log cannot tell (a team membership is not tied to one dossier)

    @property
    def soort_label(self) -> str:
        return str(SOORTEN.get(self.soort, self.soort))


def rows_for(raw: list[dict]) -> list[Row]:
    """Names for one page of raw rows (two queries) and when each grant was last used (one query per kind)."""
    from cases.choices import GrantRol
    from zvh.accounts.models import Organisation, User

    user_ids = {r["a_user"] for r in raw if r["a_user"]} | {r["a_door"] for r in raw if r["a_door"]}
    users = User.objects.select_related("organisation").in_bulk(user_ids)
    orgs = Organisation.objects.in_bulk({r["a_org"] for r in raw if r["a_org"]})
    used = last_used(raw)
    roles = dict(GrantRol.choices)
    result = []
    for r in raw:
        user, org = users.get(r["a_user"]), orgs.get(r["a_org"])
        door = users.get(r["a_door"])
        result.append(
            Row(
                soort=r["a_soort"],
                dossier=r["a_dossier"] or "",
                aan=user.display_name if user else str(org or ""),
                organisatie=str(org or (user.organisation if user and user.organisation_id else "") or ""),
                rol=str(roles.get(r["a_rol"], r["a_rol"])),
                doel=r["a_doel"] or "",
                van=r["a_van"],
                tot=r["a_tot"],
                door=door.display_name if door else "",
                op=r["a_op"],
                ingetrokken=r["a_in"],
                laatst_gebruikt=used.get((r["a_soort"], r["a_ref"])),
                gemeten=r["a_soort"] in LOG_TYPES,
            )
        )
    return result


_LAST_USED_SQL = """
SELECT r.ref, (
    SELECT max(e.timestamp) FROM privacy_accesslogentry e
    WHERE e.object_ids @> jsonb_build_array(r.obj::text) AND e.object_type = %s AND e.result = 'allowed'
      AND (e.user_id = r.uid OR e.organisation_id = r.oid)
)
FROM unnest(%s::bigint[], %s::bigint[], %s::bigint[], %s::bigint[]) AS r(ref, obj, uid, oid)
"""


def last_used(raw: list[dict]) -> dict:
    """(soort, ref) -> the last allowed access of the grantee (or anyone of its organisation) to its dossier, from
    the access log (GIN index on object_ids, migration 0007). PostgreSQL only; elsewhere unknown."""
    if connection.vendor != "postgresql":
        return {}
    found = {}
    for soort, log_type in LOG_TYPES.items():
        rows = [r for r in raw if r["a_soort"] == soort]
        if not rows:
            continue
        params = [log_type, *([[r[k] for r in rows] for k in ("a_ref", "a_obj", "a_user", "a_org")])]
        with connection.cursor() as cursor:
            cursor.execute(_LAST_USED_SQL, params)
            found.update({(soort, ref): when for ref, when in cursor.fetchall()})
    return found
