"""Demo data, app by app. Each seeder is idempotent; order matters (later data builds on earlier)."""

from django.utils.module_loading import import_string

SEEDERS = [
    "zvh.accounts.demo.seed",
]


def seed_all(stdout=None, **options) -> None:
    for path in SEEDERS:
        import_string(path)(stdout=stdout, **options)
