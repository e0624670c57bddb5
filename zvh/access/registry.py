"""Dossier types register here; the access layer builds every visibility rule from these registrations.

A domain app describes each dossier type once, in its ``AppConfig.ready()``::

    register(DossierType(
        key="cases.casus",                       # also the object type in the access log
        model=Casus,
        label=_("casus"),
        condition=casus_role_condition,          # (user, prefix) -> Q: the role rule, in SQL, nothing else
        persons=(PersonLink(Betrokkene, "casus__", "persoon"),),
        person_ids=lambda casus: [...],          # persons of one loaded dossier (for the access log)
        on_behalf_of="aanbrengende_partner",     # whose data it is (AVG: the ZVH processes on their behalf)
        theme_field="thema",                     # or theme="bij" for a type that is restricted as a whole
    ))

The layer adds the restricted-theme rule to every condition, so an app cannot forget it, and derives from the
registrations which persons a user may see. Adding a dossier type copies no access code.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q

# A condition that matches nothing (and costs nothing: Django short-circuits an empty IN list).
NOTHING = Q(pk__in=[])

RoleCondition = Callable[[object, str], Q]


@dataclass(frozen=True)
class PersonLink:
    """How persons hang on a dossier: rows of ``model`` reach the dossier by ``dossier_prefix`` ("" when the
    dossier itself holds the person) and name the person in ``person_field``."""

    model: type[models.Model]
    dossier_prefix: str
    person_field: str
    # True where a user who is not a procesregisseur may see few of these dossiers (by invitation, by consent, by a
    # grant on a linked case): the person condition then reads their persons once per query (one hashed IN) instead
    # of probing the table for every person it asks about. Leave False where a partner may see thousands (cases,
    # aanmeldingen): a hash of those would be built on every search.
    few_per_user: bool = False


@dataclass(frozen=True)
class DossierType:
    key: str
    model: type[models.Model]
    label: str
    condition: RoleCondition
    persons: tuple[PersonLink, ...] = ()
    person_ids: Callable[[models.Model], Iterable[int]] = field(default=lambda obj: ())
    on_behalf_of: str | None = None
    theme_field: str | None = None
    theme: str | None = None
    # Who still sees a dossier of a restricted theme outside its team: (user, prefix) -> Q. Only for what the
    # user wrote themselves (a melder follows their own aanmelding); never a role as a whole.
    theme_exempt: RoleCondition | None = None
    # Where a user opens one dossier (takes the pk); lets person pages list a person's dossiers of every type.
    detail_url_name: str | None = None
    # Who sees the *persons* of these dossiers (person pages, search, duplicate warnings): (user, prefix) -> Q, on
    # top of the dossier rule. None: whoever sees the dossier. A ZSM partner sees its own contextverzoek, never the
    # register's data about the suspect (that would tell whether the ZVH knows them).
    persons_condition: RoleCondition | None = None

    def __post_init__(self):
        if self.theme_field and self.theme:
            raise ValueError(f"{self.key}: give a theme field or one theme, not both")


_REGISTRY: dict[str, DossierType] = {}


def register(dossier_type: DossierType) -> DossierType:
    existing = _REGISTRY.get(dossier_type.key)
    if existing is not None and existing.model is not dossier_type.model:
        raise ValueError(f"dossier type {dossier_type.key} is already registered for {existing.model}")
    _REGISTRY[dossier_type.key] = dossier_type
    return dossier_type


def dossier_type(key: str) -> DossierType:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise LookupError(f"no dossier type {key!r} is registered (registered: {sorted(_REGISTRY)})") from None


def dossier_types() -> list[DossierType]:
    return list(_REGISTRY.values())


def dossier_type_for_model(model: type[models.Model]) -> DossierType:
    for candidate in _REGISTRY.values():
        if candidate.model is model:
            return candidate
    raise LookupError(f"{model.__name__} is not a registered dossier type")
