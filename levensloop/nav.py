from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

NAV_ITEMS = [
    NavItem(
        _("Levensloop"),
        "levensloop:dossier_list",
        frozenset({Role.PROCESREGISSEUR, Role.KETENPARTNER}),
        _("Verward gedrag met een hoog veiligheidsrisico: selectie, inclusietafel en levenslooptafel."),
        order=47,
    ),
    NavItem(
        _("Monitor verward gedrag"),
        "levensloop:monitor",
        frozenset({Role.MANAGER}),
        _("Inclusies, personen in de levensloopaanpak, reviews en uitstroom: alleen aantallen."),
        order=47,
    ),
]
