"""Retention: destroy or anonymise every dossier past the term the FG set for its type (privacy.avg registry).

Decision (see README, "Bewaartermijnen"): the jaarplan figures count live rows, so a type whose rows feed the
figures is *anonymised* by default: every row with personal data is deleted, the dossier row itself (and the
triage decision) stays as an anonymous skeleton — persons unlinked, free text, themes of life and grounds wiped —
with only the fields the figures count. *Vernietigen* removes the dossier completely; the FG chooses it for a type
whose statistics need not survive. Either way the persons of the dossier are removed when no other dossier still
holds them, grants and attachments go with the dossier, and the vernietigingsregister gets one row per run and per
type (numbers and counts, never a person).
"""

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from ..avg.registry import PERSONAL, AvgDossierType, Gegevens, avg_type, avg_types, classification
from ..choices import Wijze
from ..models import Bewaartermijn, GeanonimiseerdDossier, LegalHold, Vernietigingsregel

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
    """The daily job: every type past its term, in batches; one register row per type. Idempotent."""
    now = now or timezone.now()
    run = uuid.uuid4()
    rows = []
    for plan in retention_plan(now=now):
        counts: Counter = Counter()
        persons = 0
        numbers: list[str] = []
        for start in range(0, len(plan.dossiers), BATCH):
            batch = plan.dossiers[start : start + BATCH]
            persons += _destroy_batch(plan.avg, batch, plan.termijn.wijze, counts, now)
            numbers += [plan.avg.number(obj) for obj in batch]
        rows.append(
            Vernietigingsregel.objects.create(
                run=run,
                uitgevoerd_op=now,
                soort=plan.avg.key,
                wijze=plan.termijn.wijze,
                maanden=plan.termijn.maanden,
                peildatum=plan.peildatum,
                dossiernummers=numbers,
                aantal_dossiers=len(numbers),
                aantal_personen=persons,
                aantallen=dict(sorted(counts.items())),
                uitgevoerd_door=door,
            )
        )
    return rows


@transaction.atomic
def _destroy_batch(avg: AvgDossierType, dossiers: list, wijze: str, counts: Counter, now: datetime) -> int:
    """Destroy or anonymise a batch of dossiers of one type (and the dossiers that follow them); the number of
    persons removed from the register."""
    person_ids: set[int] = set()
    groups: dict[str, list[int]] = {avg.key: [obj.pk for obj in dossiers]}
    for obj in dossiers:
        for key, pk in avg.followers(obj) if avg.followers else ():
            groups.setdefault(key, []).append(pk)
    for key, ids in groups.items():
        member = avg_type(key)
        person_ids |= _person_ids(member, ids)
        _apply(member, ids, wijze, counts, now)
    return _remove_orphans(person_ids)


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
        counts[avg.model._meta.label] += _delete(dossier_rows)


def _delete(rows: models.QuerySet) -> int:
    files = _file_names(rows)
    count = rows.count()
    rows.delete()
    _remove_files(rows.model, files)
    return count


def _wipe(gegevens: Gegevens, rows: models.QuerySet) -> int:
    """Empty every personal field that the statistics do not need (one UPDATE per model)."""
    values = {}
    files = _file_names(rows)
    for name, klasse in classification(gegevens.model).items():
        if klasse not in PERSONAL or name in gegevens.statistiek:
            continue
        model_field = gegevens.model._meta.get_field(name)
        if model_field.many_to_many:
            model_field.remote_field.through.objects.filter(
                **{f"{model_field.m2m_field_name()}__in": rows.values("pk")}
            ).delete()
            continue
        value = _empty_value(model_field, name in gegevens.person_fields)
        if value is not _KEEP:
            values[model_field.attname] = value
    count = rows.update(**values) if values else rows.count()
    _remove_files(gegevens.model, files)
    return count


_KEEP = object()


def _empty_value(model_field, is_person: bool):
    if is_person and not model_field.null:
        return placeholder_person_id()
    if model_field.null:
        return None
    if model_field.choices and not model_field.blank:
        return _KEEP  # a required code (e.g. a status): emptying it would leave an invalid row
    if isinstance(model_field, models.JSONField):
        return model_field.get_default()
    if isinstance(model_field, models.CharField | models.TextField | models.FileField):
        return ""
    return _KEEP  # e.g. a required reference to a staff member: not data about the betrokkene


def placeholder_person_id() -> int:
    """One anonymous stand-in for a required person reference of an anonymised dossier (no BSN, no birth date)."""
    from zvh.persons.models import Persoon

    persoon = Persoon.objects.filter(voornamen=ANONIEM, achternaam=ANONIEM, bsn__isnull=True).first()
    if persoon is None:
        persoon = Persoon(voornamen=ANONIEM, achternaam=ANONIEM)
        persoon.save()
    return persoon.pk


def _remove_orphans(person_ids: set[int]) -> int:
    """Remove persons that no dossier holds any more (a person still linked anywhere is protected)."""
    from zvh.persons.models import Persoon

    removed = 0
    placeholder = Persoon.objects.filter(voornamen=ANONIEM, achternaam=ANONIEM).values_list("pk", flat=True)
    for pk in sorted(person_ids - set(placeholder)):
        try:
            with transaction.atomic():
                removed += Persoon.objects.filter(pk=pk).delete()[0] > 0
        except (ProtectedError, IntegrityError):
            continue
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
