"""The access layer: need-to-know for every dossier type, in one place, in SQL.

- ``registry``: domain apps register their dossier types (model, role condition, persons, theme);
- ``conditions``: visibility as SQL (role rule + restricted themes), and the persons that follow from it;
- ``gateway``: the one "get for user or 404" with access logging, and logging of lists, searches and exports;
- ``themes`` / ``models``: closed teams and restricted themes, as data the beheerder edits.

See README "Wie ziet wat".
"""

from .registry import DossierType, PersonLink, register

__all__ = ["DossierType", "PersonLink", "register"]
