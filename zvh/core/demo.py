"""Demo data, app by app: every installed app may have a ``demo.py`` with ``seed(stdout=None, **options)``.

Seeders run in INSTALLED_APPS order (accounts first, reporting after the case data it reports on). Each
seeder is idempotent: running seed_demo twice changes nothing.
"""

from importlib import import_module

from django.apps import apps


def seeders() -> list:
    found = []
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        if hasattr(module, "seed"):
            found.append(module.seed)
    return found


def seed_all(stdout=None, **options) -> None:
    from auditlog.context import disable_auditlog

    from zvh.notifications.services import notifications_muted

    # The demo's history is not news: replaying it sends no e-mail notifications, and it leaves no audit trail
    # (no one made these changes; auditlog's row lookup and diff per save were 40% of a full seed's time).
    # Every change after the seed, by a user or a task, is audited as always.
    with notifications_muted(), disable_auditlog():
        for seed in seeders():
            seed(stdout=stdout, **options)
