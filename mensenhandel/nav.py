from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

NAV_ITEMS = [
    NavItem(
        _("Mensenhandel"),
        "mensenhandel:traject_list",
        frozenset({Role.PROCESREGISSEUR, Role.KETENPARTNER}),
        _("Zorgcoördinatie voor slachtoffers van mensenhandel: signalen, trajecten en procedures."),
        order=45,
    ),
]
