"""Settings from the environment, with safe defaults for a single-machine deployment.

DATABASE_URL   database (default: SQLite file var/gongkai.sqlite3, WAL mode)
SECRET_KEY     signing key (default: generated once and kept in var/secret_key)
DEBUG          "1"/"true" to turn on debug pages (default off)
ALLOWED_HOSTS  comma-separated host names (default: localhost, 127.0.0.1, [::1])
GONGKAI_VAR    directory for local state (default: ./var)
SECURE_COOKIES "1" behind HTTPS: Secure cookies, HSTS (HSTS_SECONDS, default one year), see security_settings()
SECURE_SSL_REDIRECT "1" to redirect plain HTTP to HTTPS (off by default: a TLS proxy usually does it)
SECURE_PROXY_SSL_HEADER "1" when a trusted proxy sets X-Forwarded-Proto (never on a directly exposed server)
SESSION_IDLE_MINUTES staff sessions end after this many minutes without a request (default 30)
LOGIN_FAILURE_LIMIT, LOGIN_COOLOFF_MINUTES  failed logins (per user name and address) before a lockout, and
               how long it lasts (default 5 and 30)
"""

from __future__ import annotations

import datetime as dt
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
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires: turns a lockout into its response
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
