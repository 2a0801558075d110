"""Settings shared by every environment. Anything that differs between machines comes from the
environment, so the same code runs on a laptop (SQLite) and in production (PostgreSQL)."""

import os
from pathlib import Path

import dj_database_url

from lantern.parts import part_apps

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("LANTERN_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = False
ALLOWED_HOSTS = os.environ.get("LANTERN_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "lantern.accounts",
    "lantern.audit_log",
    "lantern.access",
    "lantern.people",
    "lantern.revisions",
    "lantern.tasks",
    "lantern.obligations",
    # The parts of the child's journey, found by their PartConfig (lantern/parts.py), in journey order.
    *part_apps(),
    "lantern.web",
    "lantern.synthetic",
    "lantern.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lantern.web.middleware.NoStoreMiddleware",
    "lantern.web.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lantern.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'lantern.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL's just-in-time compiler spends tens of milliseconds compiling the grouped counts
    # behind work lists and dashboards, more than it saves on queries this size.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Idle sessions end after 30 minutes (OWASP ASVS L2 3.3.2); every request renews the idle window.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# Database error text carries whole rows and key values (names, NHS numbers): it is redacted before
# any handler writes it. Naming "django" here replaces Django's own handlers for it, so its records
# reach the redacting console handler through the root like everyone else's.
_REDACT = ["redact_database_errors"]
_LOG_LEVEL = os.environ.get("LANTERN_LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_database_errors": {"()": "config.logging_filters.RedactDatabaseErrors"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": _REDACT}},
    "root": {"handlers": ["console"], "level": _LOG_LEVEL, "filters": _REDACT},
    "loggers": {"django": {"handlers": [], "level": _LOG_LEVEL, "propagate": True, "filters": _REDACT}},
}

# The fictional authority this installation serves; real deployments set their own.
LANTERN_AUTHORITY_NAME = os.environ.get("LANTERN_AUTHORITY_NAME", "Brindleford Metropolitan Borough Council")
LANTERN_LA_CODE = os.environ.get("LANTERN_LA_CODE", "333")
# The authority's own reverse proxies (addresses or networks, comma-separated). Only a request
# arriving from one of them may name its client in X-Forwarded-For; nobody else is believed.
LANTERN_TRUSTED_PROXIES = [p.strip() for p in os.environ.get("LANTERN_TRUSTED_PROXIES", "").split(",") if p.strip()]
# Where the audit trail's chain head is written out, one line at a time, so that a trail emptied or
# cut short in the database is found by `manage.py audit_verify` (ADR 0014).
LANTERN_AUDIT_ANCHOR_FILE = os.environ.get("LANTERN_AUDIT_ANCHOR_FILE", str(BASE_DIR / "var" / "audit-anchors.jsonl"))
LANTERN_AUDIT_ANCHOR_MINUTES = int(os.environ.get("LANTERN_AUDIT_ANCHOR_MINUTES", "5"))
# Break-glass access lasts this long before it must be asked for again.
LANTERN_BREAK_GLASS_HOURS = 24
# Teams whose staff may break the glass on any restricted record, as emergency cover; everyone else
# only on records they would reach were they not restricted (ADR 0002). Team kinds, comma-separated.
_EMERGENCY_KINDS = os.environ.get("LANTERN_BREAK_GLASS_EMERGENCY_TEAM_KINDS", "front_door,emergency_duty")
LANTERN_BREAK_GLASS_EMERGENCY_TEAM_KINDS = frozenset(k.strip() for k in _EMERGENCY_KINDS.split(",") if k.strip())
# Threads that count the dashboard's and the compendium's sources side by side on PostgreSQL (0: in turn);
# see lantern/returns/parallel.py. Each holds one database connection.
PERFORMANCE_FIGURE_WORKERS = int(os.environ.get("LANTERN_FIGURE_WORKERS", "2"))

# Uploads: a request body other than files is held in memory only up to this size, and a file above
# FILE_UPLOAD_MAX_MEMORY_SIZE goes to a temporary file instead of memory. Each upload page also
# refuses a body larger than its own cap from the declared size, before reading it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
LANTERN_UPLOAD_DIR = os.environ.get("LANTERN_UPLOAD_DIR", str(BASE_DIR / "var" / "uploads"))
# A waiting or running background task with no heartbeat for this many seconds is marked failed.
LANTERN_TASK_STALE_AFTER = 600
