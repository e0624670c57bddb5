"""Declarations per dossier type (see the package docstring). Plain data: no queries at import time."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Klasse(models.TextChoices):
    """The classification of one model field (AVG)."""

    IDENTIFICEREND = "identificerend", _("identificerend")
    BIJZONDER = "bijzonder", _("bijzonder of strafrechtelijk")
    GEWOON = "gewoon", _("gewoon persoonsgegeven")
    GEEN = "geen", _("geen persoonsgegeven")


PERSONAL = (Klasse.IDENTIFICEREND, Klasse.BIJZONDER, Klasse.GEWOON)


@dataclass(frozen=True)
class Gegevens:
    """Rows of ``model`` that belong to one dossier.

    ``dossier_path``: lookup from this model to the dossier ("" when the model is the dossier itself).
    ``person_fields``: foreign keys to ``persons.Persoon`` on this model (the rows about one person).
    ``keep``: on anonymisation the row stays (its personal fields are wiped, ``statistiek`` fields are kept because
    the jaarplan figures count them); rows that are not kept are deleted, in the declared order.
    """

    model: type[models.Model]
    dossier_path: str = ""
    person_fields: tuple[str, ...] = ()
    keep: bool = False
    statistiek: tuple[str, ...] = ()
    # Only these rows belong to the dossier (e.g. an 18b exchange about a case that no BIJ-melding holds).
    only: Q | None = None

    def rows_of(self, dossier_ids) -> models.QuerySet:
        lookup = f"{self.dossier_path}__in" if self.dossier_path else "pk__in"
        rows = self.model._default_manager.filter(**{lookup: dossier_ids})
        return rows.filter(self.only) if self.only is not None else rows


@dataclass(frozen=True)
class AvgDossierType:
    key: str
    model: type[models.Model]
    label: str
    anchor: str  # the date field from which the retention term counts
    data: tuple[Gegevens, ...]
    number_field: str = "pk"  # what the vernietigingsregister names the dossier by (never a person)
    eligible: Q = field(default_factory=Q)  # which dossiers the term applies to at all
    default_months: int = 60
    default_wijze: str = "vernietigen"
    # Dossiers of other types that go with this one (e.g. the aanmelding a case came from): obj -> [(key, pk)]
    followers: Callable[[models.Model], Iterable[tuple[str, int]]] | None = None
    # Dossiers that are destroyed only together with another one (the retention job skips them on their own).
    follows_only: Q | None = None
    verwerking: str = ""  # name of the verwerking (art. 30) in the demo register

    def __post_init__(self):
        if not self.data or self.data[0].model is not self.model or self.data[0].dossier_path:
            raise ValueError(f"{self.key}: the first Gegevens entry is the dossier itself")

    @property
    def dossier(self) -> Gegevens:
        return self.data[0]

    def number(self, obj) -> str:
        return str(getattr(obj, self.number_field))


_TYPES: dict[str, AvgDossierType] = {}
_CLASSIFICATION: dict[type[models.Model], dict[str, str]] = {}
_WITHHELD: dict[type[models.Model], dict[str, str]] = {}


def register(avg_dossier_type: AvgDossierType) -> AvgDossierType:
    existing = _TYPES.get(avg_dossier_type.key)
    if existing is not None and existing.model is not avg_dossier_type.model:
        raise ValueError(f"AVG dossier type {avg_dossier_type.key} is already registered for {existing.model}")
    _TYPES[avg_dossier_type.key] = avg_dossier_type
    return avg_dossier_type


def avg_types() -> list[AvgDossierType]:
    return list(_TYPES.values())


def avg_type(key: str) -> AvgDossierType:
    try:
        return _TYPES[key]
    except KeyError:
        raise LookupError(f"no AVG dossier type {key!r} (registered: {sorted(_TYPES)})") from None


def classify(model: type[models.Model], **categories: Iterable[str]) -> None:
    """``classify(Model, identificerend=(...), bijzonder=(...), gewoon=(...), geen=(...))``."""
    names = {f.name for f in model._meta.concrete_fields} | {f.name for f in model._meta.many_to_many}
    result = _CLASSIFICATION.setdefault(model, {})
    for category, fields in categories.items():
        klasse = Klasse(category)
        for name in fields:
            if name not in names:
                raise ValueError(f"{model._meta.label}: no field {name!r} to classify")
            if result.get(name, klasse) != klasse:
                raise ValueError(f"{model._meta.label}.{name} classified twice")
            result[name] = klasse


def classification(model: type[models.Model]) -> dict[str, str]:
    return dict(_CLASSIFICATION.get(model, {}))


def classified_models() -> list[type[models.Model]]:
    return list(_CLASSIFICATION)


def withhold(model: type[models.Model], fields: Iterable[str], *, reden: str) -> None:
    """Leave ``fields`` of ``model`` out of the inzage export (art. 15 lid 4 AVG, art. 41 UAVG: the rights and
    freedoms of others, e.g. the safety of a shelter). The export says what was withheld and why."""
    names = {f.name for f in model._meta.concrete_fields}
    for name in fields:
        if name not in names:
            raise ValueError(f"{model._meta.label}: no field {name!r} to withhold")
        _WITHHELD.setdefault(model, {})[name] = reden


def withheld(model: type[models.Model]) -> dict[str, str]:
    """Field name -> reason, for the fields of ``model`` the inzage export leaves out."""
    return dict(_WITHHELD.get(model, {}))
