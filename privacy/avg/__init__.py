"""The AVG registry: what each dossier type holds about persons, how long it is kept, how it is destroyed.

Every app that stores personal data declares it in its own ``<app>/avg.py`` (autodiscovered when the privacy app is
ready)::

    from privacy.avg import AvgDossierType, Gegevens, classify, register

    register(AvgDossierType(
        key="cases.casus", model=Casus, label=_("casus"), number_field="nummer",
        anchor="afgesloten_op", eligible=Q(status="afgesloten"),       # the retention clock starts here
        data=(Gegevens(Casus, "", person_fields=("hoofdpersoon",), keep=True, statistiek=("status", ...)),
              Gegevens(Betrokkene, "casus", person_fields=("persoon",)), ...),
        default_months=60,
    ))
    classify(Casus, identificerend=(...), bijzonder=(...), gewoon=(...), geen=(...))

The inzage export (art. 15), the retention job and the field classification are all driven by these declarations.
``tests/privacy/test_avg_registry.py`` fails when a model that links to a person is not registered, or when a field
of a registered model is not classified.
"""

from .registry import (
    AvgDossierType,
    Gegevens,
    Klasse,
    avg_type,
    avg_types,
    classification,
    classify,
    register,
    withheld,
    withhold,
)

__all__ = [
    "AvgDossierType",
    "Gegevens",
    "Klasse",
    "avg_type",
    "avg_types",
    "classification",
    "classify",
    "register",
    "withheld",
    "withhold",
]
