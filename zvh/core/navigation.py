"""What each role may do: one list drives both the navigation bar and the start page.

Apps add their entries here when they add screens; an entry only appears for the roles listed.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from zvh.accounts.choices import Role


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    roles: frozenset[str]
    description: str = ""
    in_menu: bool = True

    @property
    def url(self) -> str:
        return reverse(self.url_name)


ALL_ROLES = frozenset(Role.values)

NAV_ITEMS: list[NavItem] = [
    NavItem(_("Start"), "core:home", ALL_ROLES, in_menu=True),
    NavItem(
        _("Inlogregistratie"),
        "privacy:login_records",
        frozenset({Role.FG}),
        _("Wie wanneer heeft ingelogd of uitgelogd, mislukte pogingen en blokkeringen."),
    ),
    NavItem(
        _("Beheer"),
        "admin:index",
        frozenset({Role.BEHEERDER}),
        _("Gebruikers, organisaties en rollen beheren; geblokkeerde accounts vrijgeven."),
    ),
    NavItem(
        _("Mijn account"),
        "two_factor:profile",
        ALL_ROLES,
        _("Tweestapsverificatie en reservecodes."),
    ),
]


def items_for(user) -> list[NavItem]:
    if not user.is_authenticated:
        return []
    return [item for item in NAV_ITEMS if user.has_role(*item.roles)]
