"""Completeness of the AVG registry: what the tests (and `manage.py check`) hold every app to."""

from django.apps import apps
from django.db import models

from .registry import _CLASSIFICATION, avg_types


def _persoon_model():
    return apps.get_model("persons", "Persoon")


def person_links() -> list[tuple[type[models.Model], str]]:
    """Every (model, field) in the project that points at a person of the shared register."""
    persoon = _persoon_model()
    found = []
    for model in apps.get_models():
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if f.is_relation and f.related_model is persoon:
                found.append((model, f.name))
    return found


def registered_person_links() -> set[tuple[type[models.Model], str]]:
    return {(g.model, name) for avg in avg_types() for g in avg.data for name in g.person_fields}


def unregistered_person_links() -> list[str]:
    registered = registered_person_links()
    return [f"{m._meta.label}.{name}" for m, name in person_links() if (m, name) not in registered]


def models_in_scope() -> list[type[models.Model]]:
    """Models whose every field must be classified: every model of an app that holds personal data (an app with a
    registered dossier type, a classified model or a link to a person), and the person register itself."""
    labels = {g.model._meta.app_label for avg in avg_types() for g in avg.data}
    labels |= {m._meta.app_label for m in _CLASSIFICATION}
    labels |= {m._meta.app_label for m, _name in person_links()}
    return [m for m in apps.get_models() if m._meta.app_label in labels and not m._meta.auto_created]


def unclassified_fields() -> list[str]:
    missing = []
    for model in models_in_scope():
        known = _CLASSIFICATION.get(model, {})
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if f.name not in known:
                missing.append(f"{model._meta.label}.{f.name}")
    return missing
