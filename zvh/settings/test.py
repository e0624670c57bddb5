"""Test settings: the developer defaults, plus fast hashing and a quiet mail outbox.

DATABASE_URL and REDIS_URL are honoured when set (CI runs against PostgreSQL and Redis); without them the
suite runs on SQLite with Celery in-process.
"""

import os

os.environ.setdefault("ZVH_ENVIRONMENT", "test")

from .dev import *  # noqa: E402,F403
from .dev import CACHES, REDIS_URL  # noqa: E402

DEBUG = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Argon2 with production parameters costs ~0.1 s per hash; tests that check hashing use the base list.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tasks run in-process in tests; tests that need the real broker say so explicitly.
CELERY_TASK_ALWAYS_EAGER = True
if REDIS_URL:
    # One key space per test process so parallel runs never see each other's cache.
    CACHES["default"]["KEY_PREFIX"] = f"zvh-test-{os.getpid()}"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    # A test database is thrown away: a commit need not wait for its WAL to reach the disk.
    _options = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    _options["options"] = (_options.get("options", "") + " -c synchronous_commit=off").strip()
