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
    NavItem(
        _("Register art. 18b"),
        "bij:register_list",
        frozenset({Role.FG}),
        _("Verstrekkingen en ontvangsten onder art. 18b Penitentiaire beginselenwet (verstrekkingenregister)."),
        order=70,
    ),
]
