from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

NAV_ITEMS = [
    NavItem(
        _("Facilitering"),
        "facilitering:booking_list",
        frozenset({Role.SECRETARIAAT, Role.KETENPARTNER}),
        _("Administratieve ondersteuning van casusoverleggen van partners: aanvragen, plannen, agenda en uren."),
        order=300,
    ),
    NavItem(
        _("Facilitering"),
        "facilitering:budget_overview",
        frozenset({Role.MANAGER}),
        _("Geboekte en gerealiseerde uren ondersteuning per partner tegenover het weekbudget, per week en kwartaal."),
        order=300,
    ),
    NavItem(
        _("Budget facilitering"),
        "facilitering:budget_overview",
        frozenset({Role.SECRETARIAAT}),
        _("Uren per partner tegenover het weekbudget, per week en per kwartaal."),
        in_menu=False,
        order=310,
    ),
]
