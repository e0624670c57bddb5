from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

R, K = Role.PROCESREGISSEUR, Role.KETENPARTNER

NAV_ITEMS = [
    NavItem(
        _("Re-integratie"),
        "reintegration:traject_list",
        frozenset({R, K}),
        _("Ex-gedetineerden rond vrijlating: basisvoorwaarden, signalen en ISD-trajecten."),
        order=50,
    ),
]
