"""Settings from the environment, with safe defaults for a single-machine deployment.

DATABASE_URL   database (default: SQLite file var/gongkai.sqlite3, WAL mode)
SECRET_KEY     signing key (default: generated once and kept in var/secret_key)
DEBUG          "1"/"true" to turn on debug pages (default off)
ALLOWED_HOSTS  comma-separated host names (default: localhost, 127.0.0.1, [::1])
GONGKAI_VAR    directory for local state (default: ./var)
CACHE_BACKEND  the cache every process shares: "database" (default, table gongkai_cache), "redis" or
               "memcached" (with CACHE_LOCATION), "file" (var/cache; not atomic, so limits are approximate) or
               "locmem" (one process only: never with several workers)
GONGKAI_RATE_LIMITS  JSON that replaces entries of RATE_LIMITS, e.g. '{"applications": {"address":
               {"count": 1000, "seconds": 60}}}' for a load test
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent  # src/gongkai
PROJECT_DIR = BASE_DIR.parent.parent  # repository root
DATA_DIR = Path(os.environ.get("GONGKAI_DATA", PROJECT_DIR / "data"))
VAR_DIR = Path(os.environ.get("GONGKAI_VAR", PROJECT_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("DEBUG")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],::1").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "gongkai.core",
    "gongkai.workdays",
    "gongkai.catalog",
    "gongkai.orgs",
    "gongkai.disclosures",
    "gongkai.applications",
    "gongkai.credit",
    "gongkai.transactions",
    "gongkai.search",
    "gongkai.complaints",
    "gongkai.oversight",
    "gongkai.reports",
    "gongkai.scheduler",
    "gongkai.subscriptions",
    "gongkai.backoffice",
    "gongkai.exchange",
    "gongkai.portal",
    "gongkai.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

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
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'gongkai.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _default_db), conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer commits; the busy timeout makes a second writer wait, not fail.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # filled by collectstatic; WhiteNoise expects the directory
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"  # uploaded files live outside the web root and are served by views
SEARCH_INDEX_DIR = Path(os.environ.get("GONGKAI_SEARCH_INDEX", VAR_DIR / "search-index"))

# Background work: django-tasks on its database backend (no extra service); tests run tasks immediately.
TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "gongkai@localhost")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = _env_bool("SECURE_COOKIES")

# The cache holds rate-limit counters, so it must be shared by every process (granian runs several workers):
# the database cache needs no extra service and its `add` is atomic (a primary key), which the rate limiter
# relies on; Redis or memcached are the choice for larger sites. The table is created by a migration
# (core/migrations/0002_cache_table.py) or `gongkai createcachetable`.
_CACHE_BACKENDS = {
    "database": ("django.core.cache.backends.db.DatabaseCache", "gongkai_cache"),
    "redis": ("django.core.cache.backends.redis.RedisCache", "redis://127.0.0.1:6379/1"),
    "memcached": ("django.core.cache.backends.memcached.PyMemcacheCache", "127.0.0.1:11211"),
    "file": ("django.core.cache.backends.filebased.FileBasedCache", str(VAR_DIR / "cache")),
    "locmem": ("django.core.cache.backends.locmem.LocMemCache", "gongkai"),
}
_cache_backend, _cache_location = _CACHE_BACKENDS[os.environ.get("CACHE_BACKEND", "database")]
CACHES = {
    "default": {
        "BACKEND": _cache_backend,
        "LOCATION": os.environ.get("CACHE_LOCATION", _cache_location),
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

# Rate limits on public writes (core/ratelimit.py): per scope, per dimension at most `count` accepted writes in
# a fixed window of `seconds`. "address" is the client address, "identity" each of the applicant's ID number,
# phone and e-mail (the complainant's phone and e-mail; the subscriber's e-mail) as given.
RATE_LIMITS: dict[str, dict[str, dict[str, int]]] = {
    "applications": {"address": {"count": 10, "seconds": 3600}, "identity": {"count": 5, "seconds": 3600}},
    "complaints": {"address": {"count": 5, "seconds": 3600}, "identity": {"count": 3, "seconds": 3600}},
    "subscriptions": {"address": {"count": 10, "seconds": 3600}, "identity": {"count": 5, "seconds": 3600}},
}
RATE_LIMITS.update(json.loads(os.environ.get("GONGKAI_RATE_LIMITS") or "{}"))
RATE_LIMIT_PROXY_HOPS = int(os.environ.get("RATE_LIMIT_PROXY_HOPS", "0"))  # trusted reverse proxies in front
# Idempotency-Key on the public and client write APIs (core/idempotency.py): answers kept this long.
IDEMPOTENCY_KEY_TTL_SECONDS = int(os.environ.get("IDEMPOTENCY_KEY_TTL_SECONDS", str(24 * 3600)))

LOGIN_URL = "/staff/login/"
LOGIN_REDIRECT_URL = "/staff/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
