"""Settings from the environment, with safe defaults for a single-machine deployment.

DATABASE_URL   database (default: SQLite file var/gongkai.sqlite3, WAL mode)
SECRET_KEY     signing key (default: generated once and kept in var/secret_key)
DEBUG          "1"/"true" to turn on debug pages (default off)
ALLOWED_HOSTS  comma-separated host names (default: localhost, 127.0.0.1, [::1])
GONGKAI_VAR    directory for local state (default: ./var)
TASK_RUNNING_TIMEOUT, TASK_MAX_ATTEMPTS, READY_MAX_TASK_AGE, SEARCH_INDEX_MAX_LAG, GONGKAI_BACKUP_DIR:
               recovery and readiness (docs/deployment.md)
CACHE_BACKEND  the cache every process shares: "database" (default, table gongkai_cache), "redis" or
               "memcached" (with CACHE_LOCATION), "file" (var/cache; not atomic, so limits are approximate) or
               "locmem" (one process only: never with several workers)
GONGKAI_RATE_LIMITS  JSON that replaces entries of RATE_LIMITS, e.g. '{"applications": {"address":
               {"count": 1000, "seconds": 60}}}' for a load test
SECURE_COOKIES "1" behind HTTPS: Secure cookies, HSTS (HSTS_SECONDS, default one year), see security_settings()
SECURE_SSL_REDIRECT "1" to redirect plain HTTP to HTTPS (off by default: a TLS proxy usually does it)
SECURE_PROXY_SSL_HEADER "1" when a trusted proxy sets X-Forwarded-Proto (never on a directly exposed server)
SESSION_IDLE_MINUTES staff sessions end after this many minutes without a request (default 30)
LOGIN_FAILURE_LIMIT, LOGIN_COOLOFF_MINUTES  failed logins (per user name and address) before a lockout, and
               how long it lasts (default 5 and 30)
"""

from __future__ import annotations

import datetime as dt
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
    "gongkai.accounts.apps.GongkaiAdminConfig",  # django.contrib.admin with /admin/ for administrators only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "gongkai.core",
    "gongkai.workdays",
    "gongkai.catalog",
    "gongkai.orgs",
    "gongkai.accounts",
    "gongkai.disclosures",
    "gongkai.applications",
    "gongkai.credit",
    "gongkai.transactions",
    "gongkai.search",
    "gongkai.complaints",
    "gongkai.oversight",
    "gongkai.reports",
    "gongkai.changes",
    "gongkai.opendata",
    "gongkai.ops",
    "gongkai.scheduler",
    "gongkai.subscriptions",
    "gongkai.backoffice",
    "gongkai.exchange",
    "gongkai.portal",
    "gongkai.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that may answer early (static files, cached pages), so every response gets the policy.
    "csp.middleware.CSPMiddleware",
    "gongkai.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the session passed the second factor
    "gongkai.accounts.middleware.SecondFactorMiddleware",  # after OTPMiddleware: reads is_verified()
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # ConditionalGet answers If-None-Match with 304 for the ETags the page cache sets (and for any other ETag).
    "django.middleware.http.ConditionalGetMiddleware",
    # After the second factor; CSP and the security headers sit outside, so cached answers get them too.
    "gongkai.portal.caching.PublicPageCacheMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires: turns a lockout into its response
]

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
OPENDATA_LICENSE = (  # the licence of the open-data files: (name shown, URL)
    os.environ.get("OPENDATA_LICENSE_NAME", "知识共享署名 4.0 国际许可协议（CC BY 4.0）"),
    os.environ.get("OPENDATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/deed.zh-hans"),
)
OPENDATA_DIR = Path(os.environ.get("GONGKAI_OPENDATA", VAR_DIR / "opendata"))  # generated download files
SEARCH_INDEX_DIR = Path(os.environ.get("GONGKAI_SEARCH_INDEX", VAR_DIR / "search-index"))

# Background work: django-tasks on its database backend (no extra service); tests run tasks immediately.
TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
# Recovery (docs/deployment.md): a task RUNNING longer than this is taken as lost with its worker and requeued,
# up to TASK_MAX_ATTEMPTS claims, then failed with an alert; /readyz limits on the backlog and the search lag.
TASK_RUNNING_TIMEOUT = int(os.environ.get("TASK_RUNNING_TIMEOUT", "1800"))
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "3"))
READY_MAX_TASK_AGE = int(os.environ.get("READY_MAX_TASK_AGE", "900"))
SEARCH_INDEX_MAX_LAG = int(os.environ.get("SEARCH_INDEX_MAX_LAG", "600"))
BACKUP_DIR = Path(os.environ.get("GONGKAI_BACKUP_DIR", VAR_DIR / "backups"))
SUBSCRIPTIONS_DELIVERY_LEASE = int(os.environ.get("SUBSCRIPTIONS_DELIVERY_LEASE", "300"))
# Webhook receivers on private or loopback addresses (an internal deployment, the fault test's receiver).
SUBSCRIPTIONS_WEBHOOK_ALLOW_PRIVATE = _env_bool("SUBSCRIPTIONS_WEBHOOK_ALLOW_PRIVATE")

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


def security_settings(env: dict[str, str] | os._Environ = os.environ) -> dict[str, object]:
    """The header, cookie and session settings for `env` (docs/security.md, 响应头 and 认证与会话).

    A function of the environment so that a test can apply the production values (SECURE_COOKIES=1) with
    override_settings and check the headers they produce.
    """

    def flag(name: str) -> bool:
        return str(env.get(name, "")).strip().lower() in {"1", "true", "yes", "on"}

    secure = flag("SECURE_COOKIES")
    idle_minutes = int(env.get("SESSION_IDLE_MINUTES", "30"))
    values: dict[str, object] = {
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
        # HSTS is sent on HTTPS responses only (SecurityMiddleware); on with secure cookies, since both say
        # "this site is served over HTTPS".
        "SECURE_HSTS_SECONDS": int(env.get("HSTS_SECONDS", "31536000")) if secure else 0,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": secure and not flag("HSTS_NO_SUBDOMAINS"),
        "SECURE_SSL_REDIRECT": flag("SECURE_SSL_REDIRECT"),
        # Load balancers probe over plain HTTP.
        "SECURE_REDIRECT_EXEMPT": [r"^healthz$", r"^readyz$"],
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")
        if flag("SECURE_PROXY_SSL_HEADER")
        else None,
        "SESSION_COOKIE_SECURE": secure,
        "CSRF_COOKIE_SECURE": secure,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        # Sessions exist only for signed-in staff: each request pushes the expiry forward, so a session ends
        # after SESSION_IDLE_MINUTES without a request (GB/T 22239-2019 8.1.4.1 c).
        "SESSION_COOKIE_AGE": idle_minutes * 60,
        "SESSION_SAVE_EVERY_REQUEST": True,
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
    }
    if secure:
        # The __Host- prefix binds the cookies to this host and path / over HTTPS.
        values["SESSION_COOKIE_NAME"] = "__Host-sessionid"
        values["CSRF_COOKIE_NAME"] = "__Host-csrftoken"
    return values


globals().update(security_settings())

# Content-Security-Policy (django-csp): scripts and styles from this site only, no inline script or style,
# no framing. Health probes answer JSON to machines and are left alone.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/healthz", "/readyz"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

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
# Anonymous public pages and API reads (portal/caching.py), keyed by the change feed's generation so a publish
# shows at once in every process: per process by default (nothing to share but the key), or a shared cache.
CACHES["pages"] = {
    "BACKEND": os.environ.get("PUBLIC_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
    "LOCATION": os.environ.get("PUBLIC_CACHE_LOCATION", "gongkai-pages"),
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PUBLIC_CACHE_ENTRIES", "5000"))},
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
LOGOUT_URL = "/staff/logout/"
OTP_VERIFY_URL = "/staff/login/verify/"  # under LOGIN_URL: reachable between password and code
OTP_ENROL_URL = "/staff/security/"

# Login throttling (django-axes): LOGIN_FAILURE_LIMIT failures for one user name from one address lock that
# pair out for LOGIN_COOLOFF_MINUTES; an administrator can lift it earlier (admin, 登录失败记录 → 解除锁定).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first, as django-axes requires
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "gongkai.backoffice.views_auth.locked_out"
AXES_VERBOSE = False

# Second factor (django-otp, TOTP with static recovery codes): required for these roles (and superusers),
# optional for the others; a user who has a device is always asked for it.
OTP_REQUIRED_ROLES = ["reviewer", "administrator"]
OTP_TOTP_ISSUER = "公开 Gongkai"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
