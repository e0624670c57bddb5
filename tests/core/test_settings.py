"""Settings come from the environment; production is strict; developer defaults are opt-in."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from ..helpers import clean_env

ROOT = Path(__file__).resolve().parents[2]
PROD_ENV = {
    "DJANGO_SETTINGS_MODULE": "zvh.settings.production",
    "SECRET_KEY": "k" * 30 + "Z7q!Vb2#Lm9@Xc4$Nt6%Rw8^Ys1&Pd3*",
    "ALLOWED_HOSTS": "zvh.example.nl",
    "DATABASE_URL": "sqlite:////tmp/zvh-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp://mail.example.nl:587",
}


def run_python(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        env=clean_env(**env),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_value(expr: str, env: dict) -> str:
    result = run_python(f"import django; django.setup(); from django.conf import settings; print({expr})", env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_check_deploy_reports_nothing_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=clean_env(**PROD_ENV),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PROD_ENV.items() if k != "SECRET_KEY"}
    result = run_python("import django; django.setup()", env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_without_redis_celery_runs_in_process_and_the_cache_is_local():
    env = {**PROD_ENV}
    env.pop("REDIS_URL")
    assert settings_value("settings.CELERY_TASK_ALWAYS_EAGER", env) == "True"
    assert "LocMemCache" in settings_value("settings.CACHES['default']['BACKEND']", env)


def test_with_redis_celery_uses_it_as_broker_and_result_backend():
    assert settings_value("settings.CELERY_TASK_ALWAYS_EAGER", PROD_ENV) == "False"
    assert settings_value("settings.CELERY_BROKER_URL", PROD_ENV) == PROD_ENV["REDIS_URL"]
    assert settings_value("settings.CELERY_RESULT_BACKEND", PROD_ENV) == PROD_ENV["REDIS_URL"]
    assert "RedisCache" in settings_value("settings.CACHES['default']['BACKEND']", PROD_ENV)


def test_developer_defaults_use_sqlite_without_any_environment():
    env = {"DJANGO_SETTINGS_MODULE": "zvh.settings.dev"}
    assert settings_value("settings.DATABASES['default']['ENGINE']", env) == "django.db.backends.sqlite3"
    assert settings_value("settings.CELERY_TASK_ALWAYS_EAGER", env) == "True"


def test_locale_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
    assert settings.USE_TZ is True


def test_argon2_is_the_first_password_hasher():
    assert settings_value("settings.PASSWORD_HASHERS[0]", PROD_ENV) == (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


@pytest.mark.django_db
def test_passwords_are_stored_with_argon2_in_production(settings):
    from zvh.settings import base

    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    from .. import factories

    user = factories.UserFactory()
    user.set_password("een-goed-lang-wachtwoord")
    assert user.password.startswith("argon2")


def test_passwords_need_at_least_twelve_characters():
    with pytest.raises(ValidationError) as excinfo:
        validate_password("Kort-ww-123")  # 11
    assert any("12" in message for message in excinfo.value.messages)
    validate_password("Lang-genoeg-wachtwoord")
