from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

# Procesregisseurs only: the ZSM partners' accounts reach their page from Mijn werk (a role-wide menu item would
# show every ketenpartner a page they may not open).
NAV_ITEMS = [
    NavItem(
        _("ZSM"),
        "zsm:verzoek_list",
        frozenset({Role.PROCESREGISSEUR}),
        _("Contextinformatie voor ZSM: verzoeken van vandaag beantwoorden vóór de deadline."),
        order=47,
    ),
]
