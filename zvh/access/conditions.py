"""Visibility as SQL conditions: the role rule of a dossier type plus the restricted-theme rule, and the persons
that follow from them. No Python id sets: the cost of a page does not grow with the number of grants a user has.
"""

import contextvars
import datetime
import math
from collections import OrderedDict

from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection
from django.db.models import BooleanField, Exists, Expression, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from .registry import NOTHING, DossierType, dossier_type, dossier_types
from .themes import hidden_themes


def valid_now(prefix: str = "", now=None) -> Q:
    """A validity window (geldig_van / geldig_tot) that holds now: for grants and their permission rows."""
    now = now or _now_for_compiling.get() or timezone.now()
    return Q(**{f"{prefix}geldig_van__lte": now}) & (
        Q(**{f"{prefix}geldig_tot__isnull": True}) | Q(**{f"{prefix}geldig_tot__gt": now})
    )


# Up to this many grants the grant rows drive the query; beyond it every dossier row probes the grant index. A
# page of a list walks the dossiers in order and probes each (≈ 4 µs), so the walk costs ≈ 51 / (grants / dossiers)
# probes, while driving costs ≈ 7 µs per grant: the break-even lies near the square root of 30 × the number of
# dossiers (540 grants at 10k cases, 1,700 at 100k). The threshold follows the table's size (PostgreSQL's own
# estimate), from DRIVE_FROM_GRANTS_FLOOR up to DRIVE_FROM_GRANTS_BELOW: at 10k Politie (995 grants, one case in
# ten) walks instead of sorting every case it may see (list page 34 → 22 ms), and at 250k the cap of 2,000 holds.
DRIVE_FROM_GRANTS_BELOW = 2_000
DRIVE_FROM_GRANTS_FLOOR = 500
DRIVE_PER_DOSSIER = 30
# The same choice inside a per-person probe (person search, a person's visibility), where the grant set is
# consulted once per person walked instead of once per query: a driving grant set is then scanned again for every
# person (Politie at 10k: 941 grant rows, 60 µs per person), an index probe costs ≈ 4 µs whatever the set's size.
# Below this, a partner's few grants still drive the query (jeugdbescherming, 34 grants: 13 against 17 ms).
PERSONS_DRIVE_FROM_GRANTS_BELOW = 100
_for_persons: contextvars.ContextVar = contextvars.ContextVar("zvh_access_for_persons", default=False)


def _list_threshold(dossiers: int) -> int:
    """The grant count from which a list of a table with this many dossiers probes instead of letting grants drive."""
    return min(DRIVE_FROM_GRANTS_BELOW, max(DRIVE_FROM_GRANTS_FLOOR, math.isqrt(DRIVE_PER_DOSSIER * dossiers)))


def _shape(count: int, dossiers: int) -> tuple[bool, bool]:
    """Whether a grant count is too many to drive the query, for a list and for the per-person probe."""
    return count >= _list_threshold(dossiers), count >= PERSONS_DRIVE_FROM_GRANTS_BELOW


def _drives(count: int, dossiers: int) -> bool:
    """Whether a grant set of this size drives the query in the shape being built (see the thresholds above)."""
    too_many_for_list, too_many_for_persons = _shape(count, dossiers)
    return not (too_many_for_persons if _for_persons.get() else too_many_for_list)


class ProbeExists(Exists):
    """EXISTS that PostgreSQL evaluates per outer row through an index, never by hashing the whole subquery.

    ``OFFSET 0`` keeps the planner from turning the sublink into a hashed subplan (which would read every grant of
    the organisation on every request). Used only where the grant set is large and a page needs a few rows."""

    def as_sql(self, compiler, connection, template=None, **extra_context):
        sql, params = super().as_sql(compiler, connection, template, **extra_context)
        if connection.vendor == "postgresql" and sql.endswith(")"):
            sql = f"{sql[:-1]} OFFSET 0)"
        return sql, params


def granted(user, *, user_permissions, group_permissions, codename: str, prefix: str = "", now=None) -> Q:
    """An active grant to the user or to their organisation, on guardian's direct-FK permission tables
    (``content_object`` is the dossier), validity checked in SQL. No id list ever passes through Python.

    Two shapes, chosen by the size of the organisation's grant set (one capped index count, once per request):
    - a few grants: the dossier's pk ``IN (own UNION organisation's)``: the grants drive the query;
    - many grants (Politie: tens of thousands): correlated EXISTS per dossier row on the (group, dossier) index
      for the organisation, so a page of 25 costs a few hundred index probes instead of reading every grant; the
      personal grants (a handful) stay one hashed ``IN``, no probe per row.
    Either way the cost of a page does not grow with the number of grants."""
    app_label = user_permissions._meta.get_field("content_object").related_model._meta.app_label
    permission = permission_id(app_label, codename)
    own = user_permissions.objects.filter(valid_now(now=now), user_id=user.pk, permission_id=permission)
    group_id = _organisation_group_id(user)
    organisation = (
        group_permissions.objects.filter(valid_now(now=now), group_id=group_id, permission_id=permission)
        if group_id is not None
        else None
    )
    ids = own.values("content_object_id")
    if organisation is None or _drives(*_grant_count(user, group_permissions, group_id)):
        # A few grants: they drive the query (a semi-join from the grant rows).
        if organisation is not None:
            ids = ids.union(organisation.values("content_object_id"))
        return Q(**{f"{prefix}pk__in": ids})
    # Many: one probe per dossier row for the organisation. Personal grants stay an IN, which PostgreSQL evaluates
    # once per query as a hashed subplan: a user without personal grants pays nothing per row for them.
    return Q(**{f"{prefix}pk__in": ids}) | Q(ProbeExists(organisation.filter(content_object=OuterRef(f"{prefix}pk"))))


_permission_ids: dict[tuple[str, str], int] = {}


def permission_id(app_label: str, codename: str) -> int:
    """The permission's id, looked up once per process: a literal id lets the planner estimate the grant rows (a
    subquery or a join on the codename makes it guess a few hundred where there are tens of thousands) and saves
    planning the lookup on every query. Forgotten after every migrate or flush (``forget_permission_ids``)."""
    key = (app_label, codename)
    if key not in _permission_ids:
        _permission_ids[key] = Permission.objects.get(content_type__app_label=app_label, codename=codename).pk
    return _permission_ids[key]


def forget_permission_ids(**kwargs) -> None:
    """After migrate or flush: permission ids (and the compiled conditions that hold them) may have changed."""
    _permission_ids.clear()
    _compiled.clear()


def narrow_scope(user) -> bool:
    """True when what the user may see is small enough to drive a query (a partner with fewer grants than the
    per-person threshold): after a condition for the user was built. A procesregisseur's scope is never narrow."""
    from zvh.accounts.choices import Role

    if user.has_role(Role.PROCESREGISSEUR):
        return False
    counts = user.__dict__.get("_access_grant_counts", {})
    return all(count < PERSONS_DRIVE_FROM_GRANTS_BELOW for count, _dossiers in counts.values())


GRANT_COUNT_SECONDS = 300


def _grant_count(user, group_permissions, group_id) -> tuple[int, int]:
    """How many permission rows the organisation holds (counted up to the cap) and about how many dossiers the
    table holds (the planner's estimate); kept per request and for a few minutes in the cache. A stale figure only
    picks the other query shape: both give the same answer."""
    if group_id is None:
        return 0, 0
    counts = user.__dict__.setdefault("_access_grant_counts", {})
    label = group_permissions._meta.label_lower
    if label not in counts:
        key = f"zvh:access:grants-dossiers:{label}:{group_id}"
        found = cache.get(key)
        if found is None:
            count = group_permissions.objects.filter(group_id=group_id)[:DRIVE_FROM_GRANTS_BELOW].count()
            found = (count, _dossier_estimate(group_permissions))
            cache.set(key, found, GRANT_COUNT_SECONDS)
        counts[label] = tuple(found)
        user.__dict__.setdefault("_access_grant_models", {})[label] = group_permissions
    return counts[label]


def _dossier_estimate(group_permissions) -> int:
    """PostgreSQL's estimate of the dossier table's rows (pg_class, kept by ANALYZE and autovacuum): no count of a
    large table per request. Elsewhere (SQLite, the demo) the threshold's floor applies."""
    if connection.vendor != "postgresql":
        return 0
    table = group_permissions._meta.get_field("content_object").related_model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)", [table])
        row = cursor.fetchone()
    return max(0, int(row[0])) if row and row[0] is not None else 0


def _counted_models(user) -> list[tuple[type, tuple[int, int]]]:
    """The grant tables counted for this user in this request, with their counts and table sizes."""
    models = user.__dict__.get("_access_grant_models", {})
    counts = user.__dict__.get("_access_grant_counts", {})
    return [(model, counts[label]) for label, model in models.items()]


def _organisation_group_id(user) -> int | None:
    organisation = getattr(user, "organisation", None)
    return getattr(organisation, "group_id", None) if organisation is not None else None


def theme_rule(dt: DossierType, user, prefix: str = "") -> Q | None:
    """None when the theme rule changes nothing for this user; NOTHING when the whole type is hidden."""
    hidden = hidden_themes(user)
    if not hidden:
        return None
    if dt.theme:
        return NOTHING if dt.theme in hidden else None
    if dt.theme_field:
        return ~Q(**{f"{prefix}{dt.theme_field}__in": sorted(hidden)})
    return None


def condition(user, key: str, prefix: str = "") -> Q:
    """Everything that decides whether ``user`` may see a dossier of type ``key``, as one condition.
    ``prefix`` reaches the dossier from a related model (e.g. "casus__")."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    dt = dossier_type(key)
    rule = dt.condition(user, prefix)
    if rule is NOTHING:
        return NOTHING
    theme = theme_rule(dt, user, prefix)
    if theme is None:
        return rule
    if dt.theme_exempt is not None:
        exempt = dt.theme_exempt(user, prefix)
        return rule & exempt if theme is NOTHING else rule & (theme | exempt)
    return NOTHING if theme is NOTHING else rule & theme


def visible(user, key: str) -> QuerySet:
    """All dossiers of a type the user may see (unordered; callers add what they show)."""
    return dossier_type(key).model.objects.filter(condition(user, key))


def visible_pks(user, key: str) -> QuerySet:
    """A subquery of the visible dossiers' primary keys, for ``field__in=`` from related models."""
    return visible(user, key).values("pk")


def _person_rule(user, dt: DossierType, prefix: str) -> Q:
    """The dossier rule, narrowed by the type's ``persons_condition`` where it has one."""
    rule = condition(user, dt.key, prefix)
    if rule is NOTHING or dt.persons_condition is None:
        return rule
    narrower = dt.persons_condition(user, prefix)
    return NOTHING if narrower is NOTHING else rule & narrower


def person_condition(user, prefix: str = "") -> Q:
    """A person is visible exactly when they are in a dossier the user may see, of any registered type (unless the
    type keeps its persons from some who see the dossier). One EXISTS per way a person hangs on a dossier."""
    from zvh.accounts.choices import Role

    broad = user.has_role(Role.PROCESREGISSEUR) if getattr(user, "is_authenticated", False) else False
    result = NOTHING
    for dt in dossier_types():
        for link in dt.persons:
            hashed = link.few_per_user and not broad
            # A probe per person asks the grants once per person walked: only a few grants may drive it.
            token = _for_persons.set(not hashed)
            try:
                rule = _person_rule(user, dt, link.dossier_prefix)
            finally:
                _for_persons.reset(token)
            if rule is NOTHING:
                continue
            if hashed:
                # A handful of dossiers: their persons once, as one hashed IN (a probe per person would cost more).
                probe = Q(**{f"{prefix}pk__in": link.model.objects.filter(rule).values(link.person_field)})
            else:
                # Probed per person through the link's person index, never hashed: a hashed subplan reads every
                # person of the user's dossiers (Politie: 14,000 aanmelding persons, 150 ms) to answer for a page.
                links = link.model.objects.filter(rule, **{link.person_field: OuterRef(f"{prefix}pk")})
                probe = Q(ProbeExists(links))
            result = probe if result is NOTHING else result | probe
    return result


# --- The person condition, compiled once per kind of user -------------------------------------------------------
#
# Building the person condition for a partner with grants costs more Python than its query costs PostgreSQL (a
# dozen querysets, each compiled). What it depends on is all loaded at the start of a request anyway: the user, their
# memberships (roles, teams, hidden themes), their organisation and the query shape its grant counts choose. So the
# compiled SQL is kept per process under exactly those, with "now" as a marked parameter replaced on every use:
# a change of role, team, theme or organisation is a new key, never a stale rule.

_now_for_compiling: contextvars.ContextVar = contextvars.ContextVar("zvh_access_now", default=None)
# A moment no real grant has: the marker for "now" in a compiled condition.
_NOW_MARK = datetime.datetime(1901, 1, 1, 0, 0, 0, 424242, tzinfo=datetime.UTC)
_COMPILED_MAX = 512
_compiled: OrderedDict = OrderedDict()


class CompiledCondition(Expression):
    """A boolean WHERE condition compiled ahead, for a query whose base table is the model's own table.

    Only for queries that are evaluated themselves: in a subquery the base table gets an alias (U0, …) and the
    condition's own subqueries could shadow it, so that case raises instead of answering."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, model, sql: str, params: tuple):
        super().__init__()
        self.model, self.sql, self.params = model, sql, params

    def as_sql(self, compiler, connection, **extra):
        base = next(iter(compiler.query.alias_map), None)
        if compiler.query.model is not self.model or base != self.model._meta.db_table:
            raise ValueError("a compiled condition is only valid on its own model's table, at the top of a query")
        now = timezone.now()
        return self.sql, [now if p is _NOW_MARK else p for p in self.params]


def _condition_key(user, kind: str) -> tuple:
    organisation = getattr(user, "organisation", None)
    return (
        kind,
        connection.vendor,
        user.pk,
        user.is_active,
        user.memberships,
        getattr(organisation, "pk", None),
        getattr(organisation, "type", None),
        getattr(organisation, "group_id", None),
        tuple(dt.key for dt in dossier_types()),
    )


class NotCompilable(Exception):
    """The rule joins another table (a condition through a foreign key): its WHERE clause alone is not the rule."""


def compile_where(model, rule: Q) -> tuple[str, tuple]:
    """The WHERE clause of ``model.objects.filter(rule)`` as SQL and parameters; ``NotCompilable`` when the rule
    needs a join (only conditions on the table itself and self-contained subqueries can be kept as text)."""
    query = model.objects.filter(rule).query
    if any(count for alias, count in query.alias_refcount.items() if alias != model._meta.db_table):
        raise NotCompilable(model._meta.label)
    try:
        sql, params = query.get_compiler(connection=connection).compile(query.where)
    except FullResultSet:  # no condition at all (a role that sees every row of this type)
        return "1 = 1", ()
    except EmptyResultSet:  # a condition that holds for no row
        return "1 = 0", ()
    return sql, tuple(params)


_UNCOMPILED = object()  # the rule read the clock itself or needs a join: build it per request


def _compiled_where(user, kind: str, model, build):
    """The WHERE condition of ``model.objects.filter(build())`` on the model's own (unaliased) table as ``(sql,
    params)`` with "now" filled in, compiled once per process for this user, memberships, organisation and
    grant-count shape; None when the rule is NOTHING; ``_UNCOMPILED`` when it may not be kept. PostgreSQL only."""
    key = _condition_key(user, kind)
    entry = _compiled.get(key)
    if entry is not None:
        sql, params, shapes = entry
        # The grant counts may have crossed the threshold since: then the other query shape is compiled.
        if all(_shape(*_grant_count(user, model_, group)) == shape for model_, group, shape in shapes):
            _compiled.move_to_end(key)
            if sql is _UNCOMPILED:
                return _UNCOMPILED
            return None if sql is None else (sql, _with_now(params))
    token = _now_for_compiling.set(_NOW_MARK)
    try:
        rule = build()
    finally:
        _now_for_compiling.reset(token)
    group = _organisation_group_id(user)
    shapes = tuple((model_, group, _shape(*counted)) for model_, counted in _counted_models(user))
    if rule is NOTHING:
        sql, params = None, ()
    else:
        try:
            sql, params = compile_where(model, rule)
        except NotCompilable:
            # A rule through a join (e.g. a levensloop dossier's case theme): kept as that fact, built per request.
            sql, params = _UNCOMPILED, ()
        params = tuple(_NOW_MARK if p == _NOW_MARK else p for p in params)
        if any(isinstance(p, datetime.date) and p is not _NOW_MARK for p in params):
            # A moment other than "now" went in (a rule that reads the clock itself): never keep that.
            return _UNCOMPILED
    _compiled[key] = (sql, params, shapes)
    while len(_compiled) > _COMPILED_MAX:
        _compiled.popitem(last=False)
    if sql is _UNCOMPILED:
        return _UNCOMPILED
    return None if sql is None else (sql, _with_now(params))


def _with_now(params: tuple) -> list:
    now = timezone.now()
    return [now if p is _NOW_MARK else p for p in params]


def person_condition_compiled(user) -> Q:
    """``person_condition(user)`` for a query on ``Persoon`` that is evaluated itself (search, one person): the same
    rule, compiled once per process for this user, memberships, organisation and grant-count shape."""
    from zvh.persons.models import Persoon

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NOTHING
    if connection.vendor != "postgresql":
        # Other backends adapt a datetime to text while compiling, so "now" could not be found again in the
        # parameters: there (SQLite, the demo) the rule is compiled for this request only, never kept.
        rule = person_condition(user)
        if rule is NOTHING:
            return NOTHING
        try:
            return Q(CompiledCondition(Persoon, *compile_where(Persoon, rule)))
        except NotCompilable:
            return rule
    found = _compiled_where(user, "persons", Persoon, lambda: person_condition(user))
    if found is _UNCOMPILED:
        return person_condition(user)
    return NOTHING if found is None else Q(CompiledCondition(Persoon, *found))


def _dossier_rule_compiled(user, key: str):
    """``(sql, params)`` of a dossier type's rule compiled for this user, None for NOTHING, or ``_UNCOMPILED`` where
    the built rule must be used instead (not PostgreSQL, not an active user, a rule that reads the clock)."""
    if connection.vendor != "postgresql" or not getattr(user, "is_authenticated", False) or not user.is_active:
        return _UNCOMPILED
    return _compiled_where(user, key, dossier_type(key).model, lambda: condition(user, key))


def visible_compiled(user, key: str) -> QuerySet:
    """``visible(user, key)`` for a query that is evaluated itself (a list, Mijn werk), not used as a subquery:
    the same rule compiled once per process (see above). Building and compiling a partner's case condition cost
    ≈ 4 ms of Python per use on a slow machine, and a partner's start page uses it three times."""
    found = _dossier_rule_compiled(user, key)
    if found is _UNCOMPILED:
        return visible(user, key)
    model = dossier_type(key).model
    return model.objects.none() if found is None else model.objects.filter(CompiledCondition(model, *found))


def visible_pks_compiled(user, key: str):
    """``visible_pks(user, key)`` for ``field__in=`` anywhere, also inside a subquery: the compiled rule in a
    self-contained ``SELECT pk FROM table WHERE …`` (the same SQL Django writes for the subquery, without its alias;
    inside it the table's own name is the nearest, so the rule cannot be misread)."""
    found = _dossier_rule_compiled(user, key)
    if found is _UNCOMPILED:
        return visible_pks(user, key)
    model = dossier_type(key).model
    if found is None:
        return model.objects.none().values("pk")
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    # The text is Django's own compilation of the rule with quoted names; every value stays a parameter.
    return RawSQL(f"SELECT {table}.{pk} FROM {table} WHERE {found[0]}", found[1])  # noqa: S608, S611


def visible_person_ids(user, ids) -> set[int]:
    """Which of these persons the user may see (search asks in batches: the cost follows the number of ids)."""
    from zvh.persons.models import Persoon

    ids = {int(pk) for pk in ids}
    rule = person_condition_compiled(user)
    if not ids or rule is NOTHING:
        return set()
    return set(Persoon.objects.filter(rule, pk__in=ids).values_list("pk", flat=True))


def persons_visible(user) -> QuerySet:
    from zvh.persons.models import Persoon

    rule = person_condition(user)
    return Persoon.objects.none() if rule is NOTHING else Persoon.objects.filter(rule)


def person_dossiers(user, persoon_id: int, *, exclude: tuple[str, ...] = ()) -> list[tuple[DossierType, list]]:
    """The dossiers of every registered type that hold this person and that the user may see (a person page)."""
    found = []
    for dt in dossier_types():
        if dt.key in exclude:
            continue
        pks = None
        for link in dt.persons:
            rule = _person_rule(user, dt, link.dossier_prefix)
            if rule is NOTHING:
                continue
            linked = link.model.objects.filter(rule, **{link.person_field: persoon_id}).values(
                f"{link.dossier_prefix}pk" if link.dossier_prefix else "pk"
            )
            pks = linked if pks is None else pks.union(linked)
        if pks is not None:
            objects = list(dt.model.objects.filter(pk__in=pks).order_by("-pk")[:50])
            if objects:
                found.append((dt, objects))
    return found
