from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

R, K, S = Role.PROCESREGISSEUR, Role.KETENPARTNER, Role.SECRETARIAAT

NAV_ITEMS = [
    NavItem(
        _("Mijn werk"),
        "cases:dashboard",
        frozenset({R, K, S}),
        _("Wat vandaag uw aandacht vraagt."),
        order=10,
        landing=True,
    ),
    NavItem(
        _("Casussen"),
        "cases:casus_list",
        frozenset({R, K, S}),
        _("Casussen waarin u een taak heeft, met status, plan van aanpak en afspraken."),
        order=30,
    ),
    NavItem(
        _("Casusoverleggen"),
        "cases:overleg_list",
        frozenset({R, K, S}),
        _("Agenda's en verslagen van de casusoverleggen waaraan u deelneemt."),
        order=40,
    ),
    NavItem(
        _("Zoeken"),
        "cases:search",
        frozenset({R, K, S}),
        _("Personen en casussen zoeken."),
        order=60,
        header_search=True,
    ),
    NavItem(
        _("Grondslagen"),
        "cases:grondslag_list",
        frozenset({Role.FG}),
        _("De grondslagen waarop aanmeldingen en casussen rusten, elk met de toelichting."),
        order=738,
    ),
]
