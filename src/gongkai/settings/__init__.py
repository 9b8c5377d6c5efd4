"""Settings from the environment, with safe defaults for a single-machine deployment.

DATABASE_URL   database (default: SQLite file var/gongkai.sqlite3, WAL mode)
SECRET_KEY     signing key (default: generated once and kept in var/secret_key)
DEBUG          "1"/"true" to turn on debug pages (default off)
ALLOWED_HOSTS  comma-separated host names (default: localhost, 127.0.0.1, [::1])
GONGKAI_VAR    directory for local state (default: ./var)
"""

from __future__ import annotations

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
    "gongkai.changes",
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
    # ConditionalGet answers If-None-Match with 304 for the ETags the page cache sets (and for any other ETag).
    "django.middleware.http.ConditionalGetMiddleware",
    "gongkai.portal.caching.PublicPageCacheMiddleware",
]

# Caches. "default" is per process (rate limits and small lookups); "pages" holds anonymous public pages and API
# reads, keyed by the change feed's generation (portal/caching.py), so a publish shows at once in every process.
# A production setting may point "pages" at a shared cache (Redis: django.core.cache.backends.redis.RedisCache).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "gongkai-default"},
    "pages": {
        "BACKEND": os.environ.get("PUBLIC_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("PUBLIC_CACHE_LOCATION", "gongkai-pages"),
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PUBLIC_CACHE_ENTRIES", "5000"))},
    },
}
PUBLIC_CACHE_ENABLED = os.environ.get("PUBLIC_CACHE", "1") != "0"
PUBLIC_CACHE_ALIAS = "pages"
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "60"))
PUBLIC_CACHE_EXCLUDE = (
    "/staff/",
    "/admin/",
    "/applications/",
    "/complaints/",
    "/api/client/",
    "/api/applications",
    "/api/complaints",
    "/api/docs",
    "/healthz",
    "/readyz",
    "/static/",
    "/attachments/",
    # Search follows commits through its outbox a moment later: a search answered between the commit and the
    # index update would be cached under the new generation. The index is fast on its own (docs/performance.md).
    "/search/",
    "/api/search",
    "/feeds/",
)

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

# Open Contracting Data Standard export (docs/ocds.md). The ocid prefix must be registered with the Open Contracting
# Partnership before publishing for real; the default is marked as a test prefix so nobody mistakes it for one.
OCDS_OCID_PREFIX = os.environ.get("OCDS_OCID_PREFIX", "ocds-test00")
OCDS_PUBLISHER_NAME = os.environ.get("OCDS_PUBLISHER_NAME", "公共资源配置领域信息公开平台")
OCDS_LICENSE = os.environ.get("OCDS_LICENSE", "https://creativecommons.org/licenses/by/4.0/")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = _env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = _env_bool("SECURE_COOKIES")

LOGIN_URL = "/staff/login/"
LOGIN_REDIRECT_URL = "/staff/"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
