"""Developer settings: `make demo` runs on these. Embedded defaults, no external services needed.

Defaults are put into the environment *before* the base settings read it, so every value can still be
overridden with a real environment variable (for example DATABASE_URL or REDIS_URL).
"""

import os

from ._env import BASE_DIR_FOR_DEFAULTS

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{BASE_DIR_FOR_DEFAULTS / 'var' / 'db.sqlite3'}")
os.environ.setdefault("EMAIL_URL", "consolemail://")
os.environ.setdefault("ZVH_BASE_URL", "http://127.0.0.1:8000")
os.environ.setdefault("ZVH_ENVIRONMENT", "demo")

from .base import *  # noqa: E402,F403

ZVH_DEMO_ALLOWED = True

# Static files straight from the source folders (no collectstatic needed), also with DEBUG off (make demo).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Tasks run in-process here: one INFO line per task is noise in a terminal.
LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}  # noqa: F405
