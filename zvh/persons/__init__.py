"""Persons (betrokkenen) as one shared register below every dossier type.

Who may *see* a person is decided by the access layer (``zvh.access``): a person is visible exactly when they are
in a dossier the user may see. This package only holds the register and the rules for writing it.
"""
