from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

NAV_ITEMS = [
    NavItem(
        _("BIJ"),
        "bij:melding_list",
        frozenset({Role.PROCESREGISSEUR, Role.KETENPARTNER}),
        _("BIJ-meldingen: terugkeer van justitiabelen en het advies aan de burgemeester."),
        order=45,
    ),
]
