from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

NAV_ITEMS = [
    NavItem(
        _("Rolwijzigingen"),
        "role_change_list",
        frozenset({Role.FG}),
        _("Elke wijziging van een rol: wie vroeg, wie keurde goed of af, en wanneer."),
        order=715,
    ),
]
