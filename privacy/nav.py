from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

NAV_ITEMS = [
    NavItem(
        _("Inlogregistratie"),
        "privacy:login_records",
        frozenset({Role.FG}),
        _("Wie wanneer heeft ingelogd of uitgelogd, mislukte pogingen en blokkeringen."),
        order=710,
    ),
]
