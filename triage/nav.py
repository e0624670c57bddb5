from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

NAV_ITEMS = [
    NavItem(
        _("Aanmeldingen"),
        "triage:aanmelding_list",
        frozenset({Role.PROCESREGISSEUR, Role.KETENPARTNER}),
        _("Een casus aanmelden bij het ZVH en de uitkomst van de triage volgen."),
        order=20,
    ),
    NavItem(
        _("Triage"),
        "triage:board_list",
        frozenset({Role.PROCESREGISSEUR}),
        _("Gezamenlijke triage MaSS / Veilig Thuis en de Weegploeg."),
        order=25,
    ),
    NavItem(
        _("Advies op verzoek"),
        "triage:advies_list",
        frozenset({Role.PROCESREGISSEUR}),
        _("Adviesvragen van partners kort registreren."),
        order=50,
    ),
]
