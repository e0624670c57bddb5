from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

NAV_ITEMS = [
    NavItem(
        _("Netwerk en training"),
        "netwerk:activiteit_list",
        frozenset({Role.SECRETARIAAT, Role.PROCESREGISSEUR}),
        _("Trainingen, expertmeetings, werkbezoeken en netwerkbijeenkomsten met hun deelnemers per organisatie."),
        order=530,
    ),
    NavItem(
        _("Netwerk en training"),
        "netwerk:overzicht",
        frozenset({Role.MANAGER}),
        _("Bereikte en getrainde professionals per soort activiteit en per organisatie."),
        order=530,
    ),
]
