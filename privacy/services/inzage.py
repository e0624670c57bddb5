"""Inzage (AVG art. 15): every datum about one person in every registered dossier type, and who saw it.

Driven by the AVG registry (privacy.avg): per dossier type the rows that hold the person (a person field pointing at
them) and the dossier-level rows of the dossiers they are in. Rows about other persons are left out; another
person referenced from a dossier-level row is shown as "andere betrokkene", and their names and BSN are blanked
from free text. Only personal fields (identificerend, bijzonder, gewoon) are exported. Fields registered with
``privacy.avg.withhold`` (e.g. the shelter address of a victim of human trafficking: art. 15 lid 4 AVG, art. 41
UAVG) are left out, and the export says what was withheld and why ("weggelaten").
"""

import datetime as dt
import re
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from ..avg.registry import PERSONAL, AvgDossierType, Gegevens, avg_types, classification, withheld
from ..choices import AccessAction, AccessResult

OTHER = "[andere betrokkene]"


def person_export(persoon) -> dict:
    """The whole inzage for one person, as plain JSON-ready data."""
    others = _other_persons(persoon.pk)
    dossiers = [d for avg in avg_types() for d in _dossiers(avg, persoon.pk, others)]
    return {
        "gemaakt_op": timezone.localtime().isoformat(timespec="seconds"),
        "persoon": _row(persoon, _persoon_fields(), persoon.pk, others),
        "dossiers": dossiers,
        "weggelaten": _withheld_summary(dossiers),
        "toegang": access_history(persoon.pk),
    }


def _withheld_summary(dossiers: list[dict]) -> list[dict]:
    """One line per withheld field that held something for this person: where, what, and why (no value)."""
    seen: dict[tuple, dict] = {}
    for dossier in dossiers:
        for deel in dossier["onderdelen"]:
            for veld, reden in deel.pop("weggelaten", {}).items():
                key = (dossier["soort"], deel["onderdeel"], veld)
                entry = seen.setdefault(
                    key,
                    {
                        "soort": dossier["soort"],
                        "onderdeel": deel["onderdeel"],
                        "veld": veld,
                        "reden": reden,
                        "dossiers": [],
                    },
                )
                entry["dossiers"].append(dossier["nummer"])
    return list(seen.values())


def _persoon_fields() -> list[str]:
    from zvh.persons.models import Persoon

    return [n for n, k in classification(Persoon).items() if k in PERSONAL and n != "zoeknaam"]


def _dossier_ids(avg: AvgDossierType, person_id: int) -> set[int]:
    ids: set[int] = set()
    for g in avg.data:
        key = g.dossier_path or "pk"
        for name in g.person_fields:
            ids |= set(g.model._default_manager.filter(**{name: person_id}).values_list(key, flat=True))
    return {pk for pk in ids if pk is not None}


def _dossiers(avg: AvgDossierType, person_id: int, others: "Others") -> list[dict]:
    ids = sorted(_dossier_ids(avg, person_id))
    result = []
    for dossier in avg.model._default_manager.filter(pk__in=ids).order_by("pk"):
        onderdelen = []
        for g in avg.data:
            rows = _rows_about(g, dossier.pk, person_id)
            held_back = withheld(g.model)
            fields = [n for n, k in classification(g.model).items() if k in PERSONAL and n not in held_back]
            if rows and fields:
                onderdelen.append(
                    {
                        "onderdeel": str(g.model._meta.verbose_name_plural),
                        "rijen": [_row(row, fields, person_id, others) for row in rows],
                        "weggelaten": {
                            str(g.model._meta.get_field(name).verbose_name): str(reden)
                            for name, reden in held_back.items()
                            if any(getattr(row, name) not in (None, "") for row in rows)
                        },
                    }
                )
        result.append({"soort": str(avg.label), "nummer": avg.number(dossier), "onderdelen": onderdelen})
    return result


def _rows_about(g: Gegevens, dossier_id: int, person_id: int) -> list:
    rows = g.rows_of([dossier_id])
    if g.person_fields:
        about = models.Q()
        for name in g.person_fields:
            about |= models.Q(**{name: person_id})
        rows = rows.filter(about)  # rows about other persons of the dossier are not theirs to see
    return list(rows.order_by("pk"))


class Others:
    """Other persons that share a dossier with the person: never named in the export."""

    def __init__(self, persons) -> None:
        self.ids = {p.pk for p in persons}
        words = set()
        for p in persons:
            words |= {p.volledige_naam, " ".join(x for x in (p.voornamen, p.achternaam) if x)}
            if p.bsn:
                words.add(p.bsn)
        words = {w for w in words if w and len(w) > 3}
        self.pattern = (
            re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I) if words else None
        )

    def scrub(self, text: str) -> str:
        return self.pattern.sub(OTHER, text) if self.pattern else text


def _other_persons(person_id: int) -> Others:
    from zvh.persons.models import Persoon

    ids: set[int] = set()
    for avg in avg_types():
        dossier_ids = _dossier_ids(avg, person_id)
        if not dossier_ids:
            continue
        for g in avg.data:
            for name in g.person_fields:
                ids |= set(g.rows_of(dossier_ids).values_list(name, flat=True))
    ids.discard(person_id)
    ids.discard(None)
    return Others(list(Persoon.objects.filter(pk__in=ids)))


def _row(obj, fields: list[str], person_id: int, others: Others) -> dict:
    row = {}
    for name in fields:
        f = obj._meta.get_field(name)
        row[str(f.verbose_name)] = _value(obj, f, person_id, others)
    return row


def _value(obj, f, person_id: int, others: Others):
    if f.many_to_many:
        return [others.scrub(str(x)) for x in getattr(obj, f.name).all()]
    if f.is_relation:
        pk = getattr(obj, f.attname)
        if pk is None:
            return None
        if f.related_model._meta.label == "persons.Persoon":
            return _("de betrokkene zelf") if pk == person_id else OTHER
        related = getattr(obj, f.name)
        return others.scrub(getattr(related, "display_name", None) or str(related))
    value = getattr(obj, f.attname)
    if f.choices and value not in (None, ""):
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return others.scrub(value)
    if hasattr(value, "name"):  # a file
        return value.name or None
    if isinstance(value, list | dict):
        return others.scrub(str(value)) if value else value
    return value


def access_history(person_id: int) -> list[dict]:
    """Who saw the person's data: when, which organisation, which role, what (never the user's name)."""
    from zvh.accounts.choices import Role

    from ..models import AccessLogPerson

    rows = (
        AccessLogPerson.objects.filter(person_id=person_id)
        .select_related("entry__organisation", "entry__on_behalf_of")
        .order_by("timestamp", "id")
    )
    roles = dict(Role.choices)
    actions, results = dict(AccessAction.choices), dict(AccessResult.choices)
    return [
        {
            "wanneer": timezone.localtime(r.entry.timestamp).isoformat(timespec="seconds"),
            "organisatie": str(r.entry.organisation) if r.entry.organisation_id else "",
            "rol": str(roles.get(r.entry.role, r.entry.role)),
            "actie": str(actions.get(r.entry.action, r.entry.action)),
            "resultaat": str(results.get(r.entry.result, r.entry.result)),
            "namens": str(r.entry.on_behalf_of) if r.entry.on_behalf_of_id else "",
        }
        for r in rows
    ]
