"""Retention: destroy or anonymise every dossier past the term the FG set for its type (privacy.avg registry).

Decision (see README, "Bewaartermijnen"): the jaarplan figures count live rows, so a type whose rows feed the
figures is *anonymised* by default: every row with personal data is deleted, the dossier row itself (and the
triage decision) stays as an anonymous skeleton — free text, themes of life and grounds wiped, every person
replaced by an anonymous stand-in of their own (one per person, models.Pseudoniem, so that figures counting
distinct persons stay the same) — with only the fields the figures count. *Vernietigen* removes the dossier
completely; the FG chooses it for a type whose statistics need not survive. Either way the persons of the
dossier are removed when no other dossier still holds them, grants and attachments go with the dossier, and the
vernietigingsregister gets one row per run and per type (numbers and counts, never a person; dossiers that could
not go are named with a reason and tried again by the next run).
"""

import logging
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db import DatabaseError, IntegrityError, connection, models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from ..avg.registry import PERSONAL, AvgDossierType, Gegevens, avg_type, avg_types, classification
from ..choices import Wijze
from ..models import Bewaartermijn, GeanonimiseerdDossier, LegalHold, Pseudoniem, Vernietigingsregel

logger = logging.getLogger(__name__)

BATCH = 500
ANONIEM = "(geanonimiseerd)"


def months_before(moment: datetime, months: int) -> datetime:
    """The same moment ``months`` calendar months earlier (the last day of a shorter month when needed)."""
    import calendar

    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


@dataclass
class Plan:
    """What one run would do for one dossier type."""

    avg: AvgDossierType
    termijn: Bewaartermijn
    peildatum: datetime
    dossiers: list = field(default_factory=list)

    @property
    def nummers(self) -> list[str]:
        return [self.avg.number(obj) for obj in self.dossiers]


def candidates(*, avg: AvgDossierType, termijn: Bewaartermijn, now: datetime) -> models.QuerySet:
    """Dossiers of a type past their term: not on legal hold, not anonymised before."""
    cutoff = months_before(now, termijn.maanden)
    holds = LegalHold.objects.filter(soort=avg.key, opgeheven_op__isnull=True).values("dossier_id")
    done = GeanonimiseerdDossier.objects.filter(soort=avg.key).values("dossier_id")
    qs = avg.model._default_manager.filter(avg.eligible, **{f"{avg.anchor}__lt": cutoff})
    return qs.exclude(pk__in=holds).exclude(pk__in=done).order_by("pk")


def retention_plan(*, now: datetime | None = None) -> list[Plan]:
    now = now or timezone.now()
    terms = {t.soort: t for t in Bewaartermijn.objects.all()}
    plans = []
    for avg in avg_types():
        termijn = terms.get(avg.key)
        if termijn is None:
            continue  # no term set by the FG: nothing of this type is destroyed
        found = list(candidates(avg=avg, termijn=termijn, now=now))
        plans.append(Plan(avg, termijn, months_before(now, termijn.maanden), found))
    return plans


def retention_run(*, now: datetime | None = None, door: str = "automatisch") -> list[Vernietigingsregel]:
    """The daily job: every type past its term, in batches; one register row per type. Idempotent.

    Types go in dependency order (a dossier that points at another type's dossier goes first), and the job never
    stops on one dossier: a batch that fails is retried one dossier at a time, and a dossier that still fails is
    left alone, named in the register with a reason without personal data, and tried again by the next run.
    """
    now = now or timezone.now()
    run = uuid.uuid4()
    rows = []
    for plan in in_dependency_order(retention_plan(now=now)):
        outcome = _run_plan(plan, now)
        rows.append(
            Vernietigingsregel.objects.create(
                run=run,
                uitgevoerd_op=now,
                soort=plan.avg.key,
                wijze=plan.termijn.wijze,
                maanden=plan.termijn.maanden,
                peildatum=plan.peildatum,
                dossiernummers=outcome.numbers,
                aantal_dossiers=len(outcome.numbers),
                aantal_personen=outcome.persons,
                aantallen=dict(sorted(outcome.counts.items())),
                aantal_mislukt=len(outcome.failed),
                mislukt=outcome.failed,
                uitgevoerd_door=door,
            )
        )
        logger.info(
            "bewaartermijnen %s (%s): %d dossier(s), %d persoon/personen verwijderd, %d mislukt",
            plan.avg.key,
            plan.termijn.wijze,
            len(outcome.numbers),
            outcome.persons,
            len(outcome.failed),
        )
    return rows


def in_dependency_order(plans: list[Plan]) -> list[Plan]:
    """A type whose dossiers point at another planned type's dossiers first (mensenhandel.traject and bij.melding
    before cases.casus): destroying the dependant first frees the dossier it points at. Otherwise the registry's
    order; a cycle is broken by that order."""
    remaining = list(plans)
    ordered = []
    while remaining:
        pointed_at = {
            f.related_model
            for plan in remaining
            for f in plan.avg.model._meta.concrete_fields
            if f.is_relation and f.related_model is not plan.avg.model
        }
        free = next((p for p in remaining if p.avg.model not in pointed_at), remaining[0])
        ordered.append(free)
        remaining.remove(free)
    return ordered


@dataclass
class Outcome:
    numbers: list[str] = field(default_factory=list)
    persons: int = 0
    counts: Counter = field(default_factory=Counter)
    failed: list[dict] = field(default_factory=list)


def _run_plan(plan: Plan, now: datetime) -> Outcome:
    outcome = Outcome()
    for start in range(0, len(plan.dossiers), BATCH):
        batch = plan.dossiers[start : start + BATCH]
        try:
            _attempt(plan, batch, now, outcome)
        except Exception:  # noqa: BLE001 - the job must go on; the dossiers are retried one by one below
            for obj in batch:
                try:
                    _attempt(plan, [obj], now, outcome)
                except Exception as exc:  # noqa: BLE001 - reported in the register, retried by the next run
                    reden = failure_reason(exc)
                    outcome.failed.append({"nummer": plan.avg.number(obj), "reden": reden})
                    logger.warning("bewaartermijnen %s: dossier %s overgeslagen: %s", plan.avg.key, obj.pk, reden)
    return outcome


def _attempt(plan: Plan, batch: list, now: datetime, outcome: Outcome) -> None:
    counts: Counter = Counter()
    persons = _destroy_batch(plan.avg, batch, plan.termijn.wijze, counts, now)
    outcome.persons += persons
    outcome.counts.update(counts)
    outcome.numbers += [plan.avg.number(obj) for obj in batch]


def failure_reason(exc: Exception) -> str:
    """Why a dossier could not go, in Dutch and without personal data (database messages can hold values)."""
    from django.utils.translation import gettext as _

    if isinstance(exc, ProtectedError | RestrictedError):
        blockers = Counter(str(obj._meta.verbose_name) for obj in exc.args[1])
        names = ", ".join(f"{label} ({n})" for label, n in sorted(blockers.items()))
        return _("nog gekoppeld aan: %(names)s") % {"names": names}
    diag = getattr(getattr(exc, "__cause__", None), "diag", None)
    constraint = getattr(diag, "constraint_name", None)
    if constraint:
        return _("databaseregel %(name)s weigerde de wijziging") % {"name": constraint}
    if isinstance(exc, DatabaseError):
        return _("de database weigerde de wijziging (%(kind)s)") % {"kind": type(exc).__name__}
    return _("technische fout (%(kind)s)") % {"kind": type(exc).__name__}


@transaction.atomic
def _destroy_batch(avg: AvgDossierType, dossiers: list, wijze: str, counts: Counter, now: datetime) -> int:
    """Destroy or anonymise a batch of dossiers of one type (and the dossiers that follow them); the number of
    persons removed from the register. One transaction: on any error nothing of the batch changes."""
    if wijze == Wijze.VERNIETIGEN:
        _allow_destruction(True)
    person_ids: set[int] = set()
    groups: dict[str, list[int]] = {avg.key: [obj.pk for obj in dossiers]}
    for obj in dossiers:
        for key, pk in avg.followers(obj) if avg.followers else ():
            groups.setdefault(key, []).append(pk)
    for key, ids in groups.items():
        member = avg_type(key)
        person_ids |= _person_ids(member, ids)
        _apply(member, ids, wijze, counts, now)
    removed = _remove_orphans(person_ids)
    if wijze == Wijze.VERNIETIGEN:
        _allow_destruction(False)
    return removed


def _allow_destruction(on: bool) -> None:
    """Tell the database triggers that refuse deletes (bij migration 0004) that this transaction is the retention
    job. Transaction-local: a rollback undoes it, and it is switched off again before the transaction goes on."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('zvh.vernietigen', %s, true)", ["aan" if on else ""])


def _person_ids(avg: AvgDossierType, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for gegevens in avg.data:
        for name in gegevens.person_fields:
            found |= set(gegevens.rows_of(ids).exclude(**{f"{name}__isnull": True}).values_list(name, flat=True))
    return found


def _apply(avg: AvgDossierType, ids: list[int], wijze: str, counts: Counter, now: datetime) -> None:
    anonymise = wijze == Wijze.ANONIMISEREN
    for gegevens in reversed(avg.data[1:]):  # children first: their foreign keys point at the dossier
        rows = gegevens.rows_of(ids)
        if anonymise and gegevens.keep:
            counts[f"{gegevens.model._meta.label} (geanonimiseerd)"] += _wipe(gegevens, rows)
        else:
            counts[gegevens.model._meta.label] += _delete(rows)
    dossier_rows = avg.dossier.rows_of(ids)
    if anonymise:
        counts[f"{avg.model._meta.label} (geanonimiseerd)"] += _wipe(avg.dossier, dossier_rows)
        GeanonimiseerdDossier.objects.bulk_create(
            [GeanonimiseerdDossier(soort=avg.key, dossier_id=pk, op=now) for pk in ids], ignore_conflicts=True
        )
    else:
        _release(avg, ids, counts)
        counts[avg.model._meta.label] += _delete(dossier_rows)


def _release(avg: AvgDossierType, ids: list[int], counts: Counter) -> None:
    """References from outside the dossier that would block deleting it: an optional one is emptied (the other
    dossier stays, with its own term: e.g. a BIJ-melding that was scaled up to this case); a required one stays and
    blocks (ProtectedError: the dossier is reported and skipped until the other one is gone)."""
    incoming = [
        f
        for f in avg.model._meta.get_fields(include_hidden=True)  # related_name="+" too
        if f.auto_created and not f.concrete and (f.one_to_many or f.one_to_one)
    ]
    for rel in incoming:
        if rel.on_delete not in (models.PROTECT, models.RESTRICT) or not rel.field.null:
            continue
        rows = rel.related_model._default_manager.filter(**{f"{rel.field.name}__in": ids})
        for gegevens in avg.data:
            if gegevens.model is rel.related_model:  # rows of this dossier itself are deleted with it
                rows = rows.exclude(pk__in=gegevens.rows_of(ids).values("pk"))
        detached = rows.update(**{rel.field.name: None})
        if detached:
            counts[f"{rel.related_model._meta.label}.{rel.field.name} (losgekoppeld)"] += detached


def _delete(rows: models.QuerySet) -> int:
    files = _file_names(rows)
    count = rows.count()
    rows.delete()
    _remove_files(rows.model, files)
    return count


def _wipe(gegevens: Gegevens, rows: models.QuerySet) -> int:
    """Empty every personal field that the statistics do not need (one UPDATE per model); a person reference
    is replaced by the person's anonymous stand-in (see ``pseudonym_for``)."""
    values = {}
    files = _file_names(rows)
    _pseudonymise(gegevens, rows)
    for name, klasse in classification(gegevens.model).items():
        if klasse not in PERSONAL or name in gegevens.statistiek or name in gegevens.person_fields:
            continue
        model_field = gegevens.model._meta.get_field(name)
        if model_field.many_to_many:
            model_field.remote_field.through.objects.filter(
                **{f"{model_field.m2m_field_name()}__in": rows.values("pk")}
            ).delete()
            continue
        value = _empty_value(model_field)
        if value is not _KEEP:
            values[model_field.attname] = value
    count = rows.update(**values) if values else rows.count()
    _remove_files(gegevens.model, files)
    return count


_KEEP = object()


def _empty_value(model_field):
    if model_field.null:
        return None
    if model_field.choices and not model_field.blank:
        return _KEEP  # a required code (e.g. a status): emptying it would leave an invalid row
    if isinstance(model_field, models.JSONField):
        return model_field.get_default()
    if isinstance(model_field, models.CharField | models.TextField | models.FileField):
        return ""
    return _KEEP  # e.g. a required reference to a staff member: not data about the betrokkene


def _pseudonymise(gegevens: Gegevens, rows: models.QuerySet) -> None:
    """Point every kept row at the anonymous stand-in of its person: one stand-in per person, so figures that
    count distinct persons (bij.personen, reintegratie.personen) and unique (persoon, …) rules hold as before."""
    for name in gegevens.person_fields:
        attname = gegevens.model._meta.get_field(name).attname
        originals = rows.exclude(**{f"{attname}__isnull": True}).values_list(attname, flat=True).distinct()
        for original in sorted(set(originals)):
            stand_in = pseudonym_for(original)
            if stand_in != original:
                rows.filter(**{attname: original}).update(**{attname: stand_in})


def person_key(field: str = "persoon") -> models.Expression:
    """What a figure that counts *distinct* persons counts: the person's anonymous stand-in when they have one, else
    the person. While a person has one dossier anonymised and another still live, both count as one."""
    from django.db.models import OuterRef, Subquery
    from django.db.models.functions import Coalesce

    stand_in = Pseudoniem.objects.filter(persoon_id=OuterRef(f"{field}_id")).values("anoniem_id")[:1]
    return Coalesce(Subquery(stand_in), models.F(f"{field}_id"), output_field=models.BigIntegerField())


def _anonymous(ids) -> set[int]:
    from zvh.persons.models import Persoon

    return set(
        Persoon.objects.filter(pk__in=ids, voornamen=ANONIEM, achternaam=ANONIEM, bsn__isnull=True).values_list(
            "pk", flat=True
        )
    )


def pseudonym_for(person_id: int) -> int:
    """The anonymous stand-in of a person (a Persoon without name, BSN or birth date): the same one for every
    dossier of that person that is anonymised while the person is still in the register."""
    from zvh.persons.models import Persoon

    if _anonymous([person_id]):
        return person_id
    known = Pseudoniem.objects.filter(persoon_id=person_id).values_list("anoniem_id", flat=True).first()
    if known is not None and Persoon.objects.filter(pk=known).exists():
        return known
    stand_in = Persoon(voornamen=ANONIEM, achternaam=ANONIEM)
    stand_in.save()
    Pseudoniem.objects.update_or_create(persoon_id=person_id, defaults={"anoniem_id": stand_in.pk})
    return stand_in.pk


def _remove_orphans(person_ids: set[int]) -> int:
    """Remove persons that no dossier holds any more (a person still linked anywhere is protected), and with them
    the link to their anonymous stand-in."""
    from zvh.persons.models import Persoon

    removed = 0
    for pk in sorted(person_ids - _anonymous(person_ids)):
        try:
            with transaction.atomic():
                gone = Persoon.objects.filter(pk=pk).delete()[0] > 0
        except (ProtectedError, RestrictedError, IntegrityError):
            continue
        if gone:
            Pseudoniem.objects.filter(persoon_id=pk).delete()
            removed += 1
    return removed


def _file_names(rows: models.QuerySet) -> list[tuple[str, str]]:
    names = [f.name for f in rows.model._meta.concrete_fields if isinstance(f, models.FileField)]
    if not names:
        return []
    return [(name, value) for row in rows.values(*names) for name, value in row.items() if value]


def _remove_files(model, files: list[tuple[str, str]]) -> None:
    for name, value in files:
        storage = model._meta.get_field(name).storage
        transaction.on_commit(lambda s=storage, v=value: s.delete(v))


# --- Legal hold and terms (the FG's writes)


@transaction.atomic
def legal_hold_place(*, soort: str, dossier_id: int, reden: str, by) -> LegalHold:
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    avg = avg_type(soort)
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden van de bewaarplicht op.")})
    if not avg.model._default_manager.filter(pk=dossier_id).exists():
        raise ValidationError({"dossier_id": _("Dit dossier bestaat niet (meer).")})
    if LegalHold.objects.filter(soort=soort, dossier_id=dossier_id, opgeheven_op__isnull=True).exists():
        raise ValidationError({"dossier_id": _("Op dit dossier rust al een bewaarplicht.")})
    hold = LegalHold(soort=soort, dossier_id=dossier_id, reden=reden.strip(), geplaatst_door=by)
    hold.full_clean()
    hold.save()
    return hold


@transaction.atomic
def legal_hold_lift(*, hold: LegalHold, by) -> LegalHold:
    hold.opgeheven_op, hold.opgeheven_door = timezone.now(), by
    hold.save(update_fields=["opgeheven_op", "opgeheven_door"])
    return hold


@transaction.atomic
def bewaartermijn_set(
    *, soort: str, maanden: int, wijze: str, by, verwerking=None, toelichting: str = ""
) -> Bewaartermijn:
    termijn = Bewaartermijn.objects.filter(soort=soort).first() or Bewaartermijn(soort=soort)
    termijn.maanden, termijn.wijze, termijn.gewijzigd_door = maanden, wijze, by
    termijn.verwerking, termijn.toelichting = verwerking, toelichting
    termijn.full_clean()
    termijn.save()
    return termijn


def bewaartermijnen_defaults() -> list[Bewaartermijn]:
    """The registry's default term per type, where the FG set none yet (demo data, first install)."""
    made = []
    for avg in avg_types():
        termijn, created = Bewaartermijn.objects.get_or_create(
            soort=avg.key, defaults={"maanden": avg.default_months, "wijze": avg.default_wijze}
        )
        if created:
            made.append(termijn)
    return made


LOG_TERMS = {"log.toegang": "toegang", "log.audit": "audit"}


def log_retention_run(*, now: datetime | None = None) -> list:
    """The logs' own term (Bewaartermijn "log.toegang" / "log.audit"): only sealed rows go (see chain.prune)."""
    from .chain import LOGS, prune

    now = now or timezone.now()
    done = []
    for termijn in Bewaartermijn.objects.filter(soort__in=LOG_TERMS):
        pruned = prune(LOGS[LOG_TERMS[termijn.soort]], before=months_before(now, termijn.maanden))
        if pruned is not None:
            done.append(pruned)
    return done
