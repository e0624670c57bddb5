"""docker-compose.yml, the Dockerfile and .env.example describe a stack that the code actually supports.

There is no Docker engine here; CI runs the same commands (.ci/smoke-stack.sh) against local services.
"""

import re
from importlib import import_module
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_stack_has_the_six_services_with_health_checks():
    services = COMPOSE["services"]
    assert set(services) == {"postgres", "pgbouncer", "redis", "web", "worker", "beat"}
    for name, service in services.items():
        assert "healthcheck" in service, name


def test_app_services_wait_for_healthy_database_and_broker():
    for name in ("web", "worker", "beat"):
        depends = COMPOSE["services"][name]["depends_on"]
        assert depends["pgbouncer"]["condition"] == depends["redis"]["condition"] == "service_healthy"
    assert COMPOSE["services"]["pgbouncer"]["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_app_services_connect_through_pgbouncer_and_pgbouncer_directly_to_postgres():
    for name in ("web", "worker", "beat"):
        environment = COMPOSE["services"][name]["environment"]
        assert "@pgbouncer:6432/zvh" in environment["DATABASE_URL"]
        assert environment["DB_POOLER"] == "pgbouncer"
    # Migrations straight to PostgreSQL, so the pool's backends start with the database defaults they set.
    assert "@postgres:5432/zvh DB_POOLER= python manage.py migrate" in COMPOSE["services"]["web"]["command"]
    pooler = COMPOSE["services"]["pgbouncer"]
    assert "@postgres:5432/zvh" in pooler["environment"]["DATABASE_URL"]
    assert pooler["command"][:3] == ["python", "manage.py", "pgbouncer"]
    assert import_module("zvh.core.management.commands.pgbouncer").Command


def test_commands_point_at_real_modules():
    web = COMPOSE["services"]["web"]["command"]
    assert "gunicorn zvh.wsgi:application" in web and "migrate --noinput" in web
    assert callable(import_module("zvh.wsgi").application)
    assert import_module("zvh.celery").app.main == "zvh"
    assert COMPOSE["services"]["worker"]["command"][:4] == ["celery", "-A", "zvh", "worker"]
    assert COMPOSE["services"]["beat"]["command"][:4] == ["celery", "-A", "zvh", "beat"]


def test_dockerfile_installs_weasyprint_libraries_and_runs_unprivileged():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for package in ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "pgbouncer"):
        assert package in dockerfile
    assert re.search(r"^USER zvh$", dockerfile, re.MULTILINE)


def test_every_example_variable_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    names = [line.split("=", 1)[0] for line in (ROOT / ".env.example").read_text().splitlines() if "=" in line]
    names = [n for n in names if not n.startswith("#")]
    assert names
    undocumented = [name for name in names if f"`{name}`" not in readme]
    assert not undocumented, undocumented


def test_every_environment_variable_the_settings_read_is_documented():
    readme = (ROOT / "README.md").read_text()
    names = set()
    for path in (ROOT / "zvh" / "settings").glob("*.py"):
        names |= set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z_]+)\"", path.read_text()))
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "EMAIL_URL"} <= names
    undocumented = sorted(name for name in names if f"`{name}`" not in readme)
    assert not undocumented, undocumented
