"""Connect's settings: one file, read from the environment.

Every variable is documented in `.env.example`. Development defaults are safe:
DEBUG is off unless the environment turns it on, and with DEBUG off the app
refuses to start without a SECRET_KEY.
"""

import base64
import hashlib
from pathlib import Path

import environ
import xstatic.pkg.bootstrap
from cryptography.fernet import Fernet
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Development keeps its variables in a git-ignored .env (`make run` writes it).
# Real environment variables always win over the file.
ENV_FILE = Path(env("ENV_FILE", default=str(BASE_DIR / ".env")))
if ENV_FILE.is_file():
    environ.Env.read_env(ENV_FILE)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. `make run` writes one into .env for development; "
        "in production, set it in the environment."
    )

# Encrypts second-factor secrets at rest (accounts/adapter.py): a Fernet key,
# kept apart from SECRET_KEY. Keys in MFA_ENCRYPTION_OLD_KEYS still decrypt,
# for rotation (docs/deploy.md). Development without one derives a key from
# SECRET_KEY; production refuses to start without its own.
MFA_ENCRYPTION_KEY = env("MFA_ENCRYPTION_KEY", default="")
MFA_ENCRYPTION_OLD_KEYS = env.list("MFA_ENCRYPTION_OLD_KEYS", default=[])
if not MFA_ENCRYPTION_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            'MFA_ENCRYPTION_KEY is not set. Generate one with `python -c "from '
            'cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"` '
            "and keep it apart from SECRET_KEY."
        )
    MFA_ENCRYPTION_KEY = base64.urlsafe_b64encode(
        hashlib.sha256(f"connect-development-mfa:{SECRET_KEY}".encode()).digest()
    ).decode()
if MFA_ENCRYPTION_KEY == SECRET_KEY:
    raise ImproperlyConfigured("MFA_ENCRYPTION_KEY must differ from SECRET_KEY.")
try:
    [Fernet(key) for key in [MFA_ENCRYPTION_KEY, *MFA_ENCRYPTION_OLD_KEYS]]
except ValueError as error:
    raise ImproperlyConfigured(
        "MFA_ENCRYPTION_KEY and MFA_ENCRYPTION_OLD_KEYS must be Fernet keys: 32 random "
        "bytes in URL-safe base64."
    ) from error

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The public origin, used in links inside emails sent outside a request.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# Where people send privacy questions and accessibility reports (the About,
# Privacy and Accessibility pages show it).
CONTACT_EMAIL = env("CONTACT_EMAIL", default="help@connect.invalid")
# Sign-up asks people to confirm they are at least this old. A deployment may
# raise it (for example to 16 or 18), never lower it below 13.
MINIMUM_AGE = env.int("MINIMUM_AGE", default=13)
if MINIMUM_AGE < 13:
    raise ImproperlyConfigured("MINIMUM_AGE cannot be lower than 13.")

INSTALLED_APPS = [
    # Before the admin, so each app's translation.py is registered first.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "import_export",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "accounts",
    "activities",
    "worksheets",
    "helplines",
    "connectapp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before CommonMiddleware: the language from the cookie or
    # Accept-Language (URLs carry no language prefix).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in member's saved language wins over the cookie and the browser.
    "accounts.middleware.UserLanguageMiddleware",
    "connectapp.middleware.ClearCacheOnSignOutMiddleware",
    "accounts.middleware.RefusedAccessLogMiddleware",
    "accounts.middleware.PrivateByDefaultMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "connectapp.middleware.SessionRefreshMiddleware",
    "accounts.middleware.RequireMFAMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "connectapp.urls"
WSGI_APPLICATION = "connectapp.wsgi.application"

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
                "csp.context_processors.nonce",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
# CONN_HEALTH_CHECKS makes a dropped persistent connection heal on the next
# request instead of failing it.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds allauth's rate-limit counters and TOTP replay protection, so
# every app process must share it: the database cache by default, Redis in
# production. Never the per-process memory cache.
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://connect_cache")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # The same, without a new client object for every call (connectapp/lib/cache.py).
    CACHES["default"]["BACKEND"] = "connectapp.lib.cache.RedisCache"

# Sessions are read from the cache and kept in the database too, so a cache
# flush signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Sessions end after this many seconds without a request...
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 12)
# ...counted from the last refresh, written at most this often
# (connectapp.middleware.SessionRefreshMiddleware).
SESSION_REFRESH_SECONDS = 5 * 60

AUTH_USER_MODEL = "accounts.User"
# allauth's backend, with the signed-in user read from the cache.
AUTHENTICATION_BACKENDS = ["accounts.backends.UserBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
# Where each role lands after sign-in, and allauth's emails through the task queue.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"

# django-allauth
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_VERIFICATION = env("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
if not DEBUG and ACCOUNT_EMAIL_VERIFICATION != "mandatory":
    raise ImproperlyConfigured("Email verification must be mandatory when DEBUG is off.")
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Connect] "
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    # Looking up a clinician's share code (worksheets.views.sharing).
    "share_code": "10/h/user,30/h/ip",
    # Wrong, stopped or expired trusted links (worksheets.views.trusted).
    "trusted_link": "20/h/ip",
}
# Behind N proxies, the client IP is the Nth address from the right of
# X-Forwarded-For. Rate limits and the security log use it.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TRUST_ENABLED = False
MFA_TOTP_ISSUER = "Connect"
USERSESSIONS_TRACK_ACTIVITY = True

# Email: the console in development.
vars().update(env.email("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Connect <noreply@connect.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (emails, reminders) wait in the database until a `db_worker`
# runs them: `make run` starts one, and docs/deploy.md explains production.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

LANGUAGE_CODE = "en"
# Connect speaks US English and US Spanish. How to add and check strings:
# docs/translation.md.
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Catalogue and helpline content in both languages (django-modeltranslation,
# registered in each app's translation.py): English is the source, and a text
# with no Spanish yet shows the English one.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Slugs are filled in from the English title, whatever language the admin reads.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"


def _label_in_language(verbose_name: str, language: str) -> str:
    """The admin's label for one language's box: "title (English)"."""
    from django.utils.translation import gettext

    names = {"en": gettext("English"), "es": gettext("Spanish")}
    return f"{verbose_name} ({names.get(language, language)})"


MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = _label_in_language
# Times show in this zone; they are stored in UTC.
TIME_ZONE = env("TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True

# Static files: Bootstrap comes from the xstatic-bootstrap package, never a CDN.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("bootstrap", xstatic.pkg.bootstrap.BASE_DIR),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Admin exports: a cell that a spreadsheet would run as a formula gets a
# leading quote (connectapp/lib/exports.py).
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
# Between an import's preview and its confirmation the uploaded file waits in
# the cache that every app server shares, so the two steps may reach
# different servers.
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.CacheStorage"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security headers. The policy forbids inline scripts and styles everywhere:
# templates use external files, and the nonce is there for the rare script tag
# that a library renders.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Production hardening switches on whenever DEBUG is off. The app runs behind a
# TLS proxy that sets X-Forwarded-Proto.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers probe /healthz over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# Logging: security events go to the "connect.security" logger with the user
# and IP. Nothing a member writes is ever logged.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name} {message}", "style": "{"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # PDF building: fontTools names each glyph it keeps (the characters a
        # member wrote) at INFO, and fpdf2 names any glyph a font lacks.
        "fontTools": {"level": "ERROR"},
        "fpdf": {"level": "ERROR"},
    },
}
