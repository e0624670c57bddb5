from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role
from zvh.core.navigation import NavItem

NAV_ITEMS = [
    NavItem(
        _("Jaarplan en realisatie"),
        "reporting:dashboard",
        frozenset({Role.MANAGER, Role.BEHEERDER}),
        _("Wat het jaarplan beoogt en wat het ZVH heeft gerealiseerd, per kwartaal; cijfers als CSV."),
        order=500,
    ),
    NavItem(
        _("Kwartaalrapportages"),
        "reporting:report_list",
        frozenset({Role.MANAGER, Role.BEHEERDER}),
        _("De kwartaalrapportage als PDF laten samenstellen en downloaden; eerdere rapportages."),
        order=510,
    ),
    NavItem(
        _("Jaarplannen"),
        "reporting:jaarplan_list",
        frozenset({Role.MANAGER, Role.SECRETARIAAT, Role.BEHEERDER}),
        _("Activiteiten en prognoses; realisatie en toelichting per kwartaal invoeren."),
        order=520,
    ),
]
