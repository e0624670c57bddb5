"""What each role may do: one list drives both the navigation bar and the start page.

Apps contribute their entries in a ``nav.py`` module with a ``NAV_ITEMS`` list; they are collected in
INSTALLED_APPS order and sorted by ``order``. An entry only appears for the roles listed.
"""

from dataclasses import dataclass
from functools import cache
from importlib import import_module

from django.apps import apps
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
    order: int = 100
    landing: bool = False  # where the roles of this item land after login (the first such item wins)
    header_search: bool = False  # the search box in every page header posts here, for the roles of this item

    @property
    def url(self) -> str:
        return reverse(self.url_name)


ALL_ROLES = frozenset(Role.values)

CORE_ITEMS: list[NavItem] = [
    NavItem(_("Start"), "core:home", ALL_ROLES, order=0),
    NavItem(
        _("Beheer"),
        "admin:index",
        frozenset({Role.BEHEERDER}),
        _("Gebruikers, organisaties en rollen beheren; geblokkeerde accounts vrijgeven."),
        order=800,
    ),
    NavItem(_("Mijn account"), "two_factor:profile", ALL_ROLES, _("Tweestapsverificatie en reservecodes."), order=900),
]


@cache
def all_items() -> tuple[NavItem, ...]:
    items = list(CORE_ITEMS)
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.nav")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.nav":
                raise
            continue
        items.extend(module.NAV_ITEMS)
    return tuple(sorted(items, key=lambda item: item.order))


def items_for(user) -> list[NavItem]:
    if not user.is_authenticated:
        return []
    return [item for item in all_items() if user.has_role(*item.roles)]


def landing_url(user) -> str:
    """Where a user lands after login: their role's work page (Mijn werk), else the start page."""
    for item in items_for(user):
        if item.landing:
            return item.url
    return reverse("core:home")
