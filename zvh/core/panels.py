"""'Mijn werk' panels: every app adds what needs attention in its own ``mijnwerk.py`` (a ``PANELS`` list).

The start page shows, per role, the panels of every app in ``order``; each panel reports what it showed so the
page writes it to the access log in one place.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

from django.apps import apps
from django.http import HttpRequest


@dataclass(frozen=True)
class Shown:
    """What a panel showed, for the access log: the dossiers and the persons named on the page."""

    object_type: str
    object_ids: list = field(default_factory=list)
    person_ids: list = field(default_factory=list)


@dataclass(frozen=True)
class PanelContent:
    context: dict
    shown: tuple[Shown, ...] = ()


@dataclass(frozen=True)
class Panel:
    key: str
    roles: frozenset[str]
    template: str
    build: Callable[[HttpRequest], PanelContent | None]  # None: nothing to show for this user
    order: int = 100


@cache
def all_panels() -> tuple[Panel, ...]:
    panels: list[Panel] = []
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.mijnwerk")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.mijnwerk":
                raise
            continue
        panels.extend(module.PANELS)
    return tuple(sorted(panels, key=lambda panel: panel.order))


def panels_for(request: HttpRequest) -> list[tuple[Panel, PanelContent]]:
    roles = request.user.roles
    built = []
    for panel in all_panels():
        if panel.roles & roles:
            content = panel.build(request)
            if content is not None:
                built.append((panel, content))
    return built
