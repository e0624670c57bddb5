"""Base settings: secure by default, everything configurable comes from the environment (django-environ).

Developer convenience lives in ``dev.py`` / ``test.py``, which set environment defaults *before* importing
this module. Production (``production.py``) adds transport security on top.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django_guid.integrations import CeleryIntegration

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# --- Core ------------------------------------------------------------------------------------------------
SECRET_KEY = env.str("SECRET_KEY")  # required: no default on purpose
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project core first so its templates (two_factor, admin overrides) win.
    "zvh.accounts",
    "zvh.core",
    "zvh.core.admin_config.ZvhAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.sites",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",
    # Third party
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "two_factor",
    "axes",
    "guardian",
    "auditlog",
    "django_filters",
    "django_guid",
    "csp",
    # ZVH functions: the shared person register and the access layer first, every dossier type builds on them
    "zvh.persons",
    "zvh.access",
    "privacy",
    "cases",
    "triage",
    "bij",
    "reintegration",
    "mensenhandel",
    "zsm",
    "levensloop",
    "netwerk",
    "reporting",
    "facilitering",
    "zvh.notifications",
]

MIDDLEWARE = [
    # First: the whole request runs with room on CPython's frame stack (zvh/core/stack.py, CPython gh-142183).
    "zvh.core.stack.StackHeadroomMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The correlation id is generated here, never taken from the client (see the middleware).
    "zvh.core.middleware.ServerCorrelationIdMiddleware",
    "django_guid.middleware.guid_middleware",
    "zvh.core.middleware.NoStoreMiddleware",
    "zvh.core.middleware.AllowedMethodsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "zvh.core.middleware.SessionTimeoutMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "zvh.core.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Axes must be last: it turns a lockout flag set during authentication into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zvh.urls"
WSGI_APPLICATION = "zvh.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zvh.core.context_processors.shell",
            ],
            "builtins": ["zvh.core.templatetags.datums", "zvh.core.templatetags.paden"],
        },
    },
]
FORM_RENDERER = "zvh.core.forms.ZvhFormRenderer"

# --- Database ---------------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=60))
# A persistent connection that died (PostgreSQL restarted) is noticed before the request uses it, and replaced.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# A connection pooler between Django and PostgreSQL: "" (direct) or "pgbouncer" (session pooling).
DB_POOLER = env.str("DB_POOLER", default="")
if DB_POOLER not in ("", "pgbouncer"):
    raise ImproperlyConfigured(f"DB_POOLER={DB_POOLER!r}: kies leeg (direct) of 'pgbouncer'")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default under concurrent requests: readers never block the writer (WAL), a writer takes the
    # lock at BEGIN (no upgrade deadlocks), and waits up to 20 s for it instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20}
    )
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    # No JIT: page queries are short, and the planner's cost guesses for access conditions (correlated
    # subplans) made PostgreSQL spend 2.5 s compiling a 0.9 s person search (measured at 250k cases).
    # TimeZone=UTC at connect: otherwise Django sends SET TIME ZONE on every new connection (one round trip more
    # on the first request after a restart or idle timeout) when the server's default is spelled otherwise.
    # PgBouncer (DB_POOLER=pgbouncer) refuses this startup parameter: there the database carries both as its
    # defaults (migration core.0001_database_defaults), which DISCARD ALL between two clients returns to.
    if not DB_POOLER:
        DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off -c TimeZone=UTC")
    # Plain cursors: no DECLARE/FETCH round trips for iterators (and safe behind pgbouncer).
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The site name is the issuer shown in authenticator apps ("ZVH Casusregie: <gebruikersnaam>").
SITE_ID = 1

# --- Users, authentication, sessions ----------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "zvh.accounts.backends.RolePermissionBackend",
    "guardian.backends.ObjectPermissionBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "core:landing"  # Mijn werk for the roles that have it (zvh/core/navigation.py)
LOGOUT_REDIRECT_URL = "two_factor:login"

SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Idle and absolute session limits, enforced by zvh.core.middleware.SessionTimeoutMiddleware.
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT_MINUTES", default=30) * 60
SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_ABSOLUTE_TIMEOUT_HOURS", default=12) * 3600
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
CSRF_COOKIE_HTTPONLY = True

# Two-factor authentication (django-two-factor-auth on django-otp): TOTP is mandatory for everybody.
TWO_FACTOR_PATCH_ADMIN = False
TWO_FACTOR_LOGIN_TIMEOUT = 600
TWO_FACTOR_REMEMBER_COOKIE_AGE = None  # never skip the second factor
OTP_TOTP_THROTTLE_FACTOR = 1
# The admin never shows a TOTP secret or its QR code: whoever sees it can make the user's codes.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# The one-time link of a password reset is valid for one day (and only once: it dies when the password changes).
PASSWORD_RESET_TIMEOUT = 24 * 3600

# Lockout (django-axes): 5 failures per username+IP lock that pair out for 30 minutes.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "auth-username"
AXES_USERNAME_CALLABLE = "zvh.accounts.axes.get_username"
AXES_PASSWORD_FORM_FIELD = "auth-password"
AXES_RESET_ON_SUCCESS = True
# Exactly 30 minutes from the lockout: attempts during the lockout do not extend it (predictable for users).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False  # keep usernames and addresses out of the application log
AXES_IPWARE_PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if env.int("AXES_PROXY_COUNT", default=0) else ["REMOTE_ADDR"]
)

# django-guardian: no anonymous user object, direct foreign-key permission tables are declared per model.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False
GUARDIAN_RENDER_403 = False

# --- Audit and correlation ids ----------------------------------------------------------------------------
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Correlation-ID",
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
    # The correlation id travels with every task a request queues.
    "INTEGRATIONS": [CeleryIntegration(use_django_logging=True, log_parent=True)],
    "UUID_LENGTH": 32,
}
AUDITLOG_CID_GETTER = "django_guid.get_guid"
AUDITLOG_DISABLE_REMOTE_ADDR = False
# Loading fixtures or serialized test data (raw saves) is not a user action.
AUDITLOG_DISABLE_ON_RAW_SAVE = True

# --- Internationalisation ---------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Dates: "18-12-2026" wherever no filter says otherwise; text dates use the ``datum`` filter (zvh/core/dates.py).
FORMAT_MODULE_PATH = ["zvh.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static files -----------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security headers -------------------------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    },
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Cache and Celery -------------------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
# Redis that is down or hangs must never hang a web request: every socket operation gives up within a second.
REDIS_SOCKET_TIMEOUT = env.float("REDIS_SOCKET_TIMEOUT", default=1.0)

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "zvh",
            "OPTIONS": {
                "socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
                "socket_timeout": REDIS_SOCKET_TIMEOUT,
            },
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "zvh"}}
    CELERY_BROKER_URL = "memory://localhost/"
    CELERY_RESULT_BACKEND = "cache+memory://"
    CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_RESULT_EXPIRES = timedelta(days=1)
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_SOCKET_TIMEOUT
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_timeout": REDIS_SOCKET_TIMEOUT,
    "socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
    "max_retries": 0,
    "visibility_timeout": 3600,
}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "socket_timeout": REDIS_SOCKET_TIMEOUT,
    "socket_connect_timeout": REDIS_SOCKET_TIMEOUT,
    "retry_policy": {"max_retries": 0},
}
# Task outcomes are recorded in the database by the tasks themselves; publishing then touches only the broker.
CELERY_TASK_IGNORE_RESULT = True
CELERY_REDIS_SOCKET_TIMEOUT = REDIS_SOCKET_TIMEOUT
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_SOCKET_TIMEOUT
CELERY_REDIS_BACKEND_HEALTH_CHECK_INTERVAL = 30
# A web request publishes once: no retry loop while the user waits.
CELERY_TASK_PUBLISH_RETRY = False
# Reports: the sweeper (Celery beat) re-queues a compilation still queued after REPORT_QUEUED_GRACE seconds or
# still running after REPORT_RUNNING_LEASE seconds (longer than the task's 300 s hard limit: its worker died).
REPORT_SWEEP_INTERVAL = env.float("REPORT_SWEEP_INTERVAL", default=60)
REPORT_QUEUED_GRACE = env.float("REPORT_QUEUED_GRACE", default=600)
REPORT_RUNNING_LEASE = env.float("REPORT_RUNNING_LEASE", default=360)
REPORT_MAX_ATTEMPTS = env.int("REPORT_MAX_ATTEMPTS", default=3)
# The dashboard and the CSV show the registration's figures as last computed (reporting.Meetwaarde): a value older
# than REPORTING_FIGURES_MAX_AGE seconds is shown and computed again by a task; beat refreshes the default quarter
# every REPORTING_FIGURES_REFRESH seconds. Manual realisations are always read afresh. The PDF computes afresh.
REPORTING_FIGURES_MAX_AGE = env.float("REPORTING_FIGURES_MAX_AGE", default=600)
REPORTING_FIGURES_REFRESH = env.float("REPORTING_FIGURES_REFRESH", default=300)
CELERY_BEAT_SCHEDULE: dict = {
    "sessies-opruimen": {"task": "zvh.core.tasks.clear_expired_sessions", "schedule": timedelta(hours=6)},
    "verlopen-toegang-opruimen": {
        "task": "cases.tasks.remove_expired_grant_permissions",
        "schedule": timedelta(minutes=15),
    },
    # Runs hourly but mails at most once a day (bij.tasks: one Dagmelding per date).
    "bij-te-late-meldingen": {"task": "bij.tasks.send_late_meldingen_mail", "schedule": timedelta(hours=1)},
    "reintegratie-signalen": {"task": "reintegration.tasks.send_signal_mails", "schedule": timedelta(days=1)},
    # privacy: retention terms daily at night; the log hash chain sealed every minute, its checkpoint daily
    "bewaartermijnen-toepassen": {"task": "privacy.tasks.apply_retention", "schedule": crontab(hour=3, minute=30)},
    "logs-verzegelen": {"task": "privacy.tasks.seal_logs", "schedule": timedelta(minutes=1)},
    "logs-controlepunt": {"task": "privacy.tasks.log_checkpoint", "schedule": crontab(hour=0, minute=5)},
    # e-mail notifications: the daily digest, the weekly reminder of overdue afspraken, and a sweep that sends
    # immediate notifications whose queueing failed (Redis away at the moment of the event)
    "meldingen-dagoverzicht": {"task": "zvh.notifications.tasks.send_digests", "schedule": crontab(hour=7, minute=0)},
    "meldingen-herinnering-afspraken": {
        "task": "zvh.notifications.tasks.remind_overdue_afspraken",
        "schedule": crontab(day_of_week=1, hour=6, minute=45),
    },
    "meldingen-achterstand": {"task": "zvh.notifications.tasks.send_pending", "schedule": timedelta(minutes=15)},
}
# Optional: a file outside the database (another disk or host) to which the daily checkpoint hash is appended.
PRIVACY_CHECKPOINT_FILE = env.str("PRIVACY_CHECKPOINT_FILE", default="")

# --- E-mail -----------------------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="smtp://localhost:25")
vars().update(EMAIL_CONFIG)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="ZVH Casusregie <noreply@zvh.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Logging: no personal data, correlation id on every line ----------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "correlation_id": {"()": "django_guid.log_filters.CorrelationId"},
        "redact_secrets": {"()": "zvh.logredact.RedactSecretsFilter"},
    },
    "formatters": {
        "default": {"format": "%(asctime)s %(levelname)s [%(correlation_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "default",
            "filters": ["correlation_id", "redact_secrets"],
        },
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django_guid": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# --- Application ------------------------------------------------------------------------------------------
ZVH_NAME = env.str("ZVH_NAME", default="Zorg- en Veiligheidshuis Baronie Breda")
ZVH_ENVIRONMENT = env.str("ZVH_ENVIRONMENT", default="productie")
# The address users reach the application at, for links in e-mails and calendar files (e.g.
# https://casusregie.example.nl). Empty: links are paths only.
ZVH_BASE_URL = env.str("ZVH_BASE_URL", default="").rstrip("/")
# A partner's access to a case ends this many days after afschaling (or closing), unless set otherwise per grant.
ZVH_GRANT_DAYS_AFTER_AFSCHALING = env.int("ZVH_GRANT_DAYS_AFTER_AFSCHALING", default=30)
# BIJ: a melding without advice whose expected date is this many days away (or less) is flagged as late.
ZVH_BIJ_TERMIJN_DAGEN = env.int("ZVH_BIJ_TERMIJN_DAGEN", default=14)
# Re-integratie: signal a release within this many days while basisvoorwaarden are open; an ISD-measure this many
# months before its end while the re-integratiefase has no plan.
ZVH_REINTEGRATIE_SIGNAAL_DAGEN = env.int("ZVH_REINTEGRATIE_SIGNAAL_DAGEN", default=14)
ZVH_ISD_PLAN_MAANDEN = env.int("ZVH_ISD_PLAN_MAANDEN", default=4)
# seed_demo refuses to run unless a developer settings module switches this on.
ZVH_DEMO_ALLOWED = False
