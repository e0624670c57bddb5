"""The AVG registry is complete: every link to a person is registered, every field of those apps classified.

When bij/, reintegration/ or mensenhandel/ add a model that points at persons.Persoon, or a field, these tests fail
until the app declares it in its own avg.py.
"""

import pytest
from django.db import models

from privacy.avg import checks, registry
from privacy.avg.registry import Gegevens, Klasse


def test_every_model_that_links_to_a_person_is_registered():
    assert checks.unregistered_person_links() == []


def test_every_field_of_every_model_with_personal_data_is_classified():
    assert checks.unclassified_fields() == []


def test_the_known_person_links_are_found():
    links = {f"{m._meta.label}.{name}" for m, name in checks.person_links()}
    assert {"cases.Casus.hoofdpersoon", "cases.Betrokkene.persoon", "triage.AanmeldingBetrokkene.persoon"} <= links


def test_an_unregistered_person_link_is_reported(monkeypatch):
    casus = registry.avg_type("cases.casus")
    without_betrokkene = [g for g in casus.data if g.model._meta.model_name != "betrokkene"]
    monkeypatch.setitem(registry._TYPES, "cases.casus", _replace(casus, data=tuple(without_betrokkene)))
    assert checks.unregistered_person_links() == ["cases.Betrokkene.persoon"]


def test_an_unclassified_field_is_reported(monkeypatch):
    from cases.models import Casus

    fields = dict(registry._CLASSIFICATION[Casus])
    del fields["grondslag_toelichting"]
    monkeypatch.setitem(registry._CLASSIFICATION, Casus, fields)
    assert checks.unclassified_fields() == ["cases.Casus.grondslag_toelichting"]


def test_classify_refuses_a_field_that_does_not_exist():
    from cases.models import Casus

    with pytest.raises(ValueError, match="no field"):
        registry.classify(Casus, geen=("bestaat_niet",))


def test_the_dossier_comes_first():
    from cases.models import Betrokkene, Casus

    with pytest.raises(ValueError, match="first Gegevens"):
        registry.AvgDossierType(
            key="x.y", model=Casus, label="x", anchor="afgesloten_op", data=(Gegevens(Betrokkene, "casus"),)
        )


def test_every_statistiek_field_exists_and_every_person_field_is_identificerend():
    for avg in registry.avg_types():
        for g in avg.data:
            known = registry.classification(g.model)
            for name in g.statistiek:
                assert name in known, f"{g.model._meta.label}.{name}"
            for name in g.person_fields:
                assert known[name] == Klasse.IDENTIFICEREND, f"{g.model._meta.label}.{name}"
                assert isinstance(g.model._meta.get_field(name), models.ForeignKey)


def _replace(obj, **changes):
    import dataclasses

    return dataclasses.replace(obj, **changes)
