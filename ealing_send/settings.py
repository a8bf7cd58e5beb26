"""Settings for the Ealing SEND guidance site.

Everything that differs between a laptop and production comes from the environment, read once here.
Defaults are the safe ones: debug is off unless DJANGO_DEBUG=1 asks for it.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from pythonjsonlogger.core import RESERVED_ATTRS

BASE_DIR = Path(__file__).resolve().parent.parent


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _flag("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string in production "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get(
        "DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "localhost,127.0.0.1"
    ).split(",")
    if host.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]

# Staff admin lives at a path of the operator's choosing, so it is not where bots look first.
ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"
# After signing in with a `next` address Django refuses (another site), go to the admin's home.
LOGIN_REDIRECT_URL = "admin:index"

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks, so its translated fields are registered
    # before the admin reads the models (no tabs: their script comes from a CDN the CSP blocks).
    "modeltranslation",
    # Django's admin on our site, which answers only staff who have passed a second factor.
    "staff_signin.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_forms_gds",
    # Whole-page versions of the content: history, restore, bring back deleted items.
    "reversion",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "staff_signin",
    "routes",
    "guidance",
    "letters",
    "glossary",
    "feedback",
    # Whether each translation is checked, and the staff report of what is missing or out of date.
    "translations",
]
# The apps whose models are content staff edit: each save moves the content version on (and so
# refreshes every page), export_content backs them up, and load_initial_content fills them.
CONTENT_APPS = ["routes", "guidance", "letters", "glossary"]

MIDDLEWARE = [
    # Outermost: any response that says nothing about caching is private and stored nowhere.
    "ealing_send.pagecache.PrivateByDefaultMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Header middleware before WhiteNoise, so static files carry the same headers as pages.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The load balancer's probe: before the host check, after the security headers.
    "ealing_send.health.HealthCheckMiddleware",
    # 400 for a NUL byte in the address, before anything can pass it to the database.
    "ealing_send.nul_bytes.RefuseNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page's language from its address (/pl/…, /ur/…; none is English), before the page cache:
    # which page an address is, and so whether it is kept, depends on the language being active.
    "ealing_send.languages.LanguageFromAddressMiddleware",
    # Content pages kept in memory and served here (or a 304), before sessions, CSRF and auth;
    # public pages answer GET and HEAD only.
    "ealing_send.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session has passed a second factor.
    "django_otp.middleware.OTPMiddleware",
    # Staff idle for 30 minutes, or signed in for eight hours, are signed out.
    "staff_signin.idle.SignOutWhenIdle",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, so a locked-out login is answered before the admin sees it.
    "axes.middleware.AxesMiddleware",
]

# The benchmark adds a bare view through its own URLconf (benchmarks/urls.py).
ROOT_URLCONF = os.environ.get("DJANGO_ROOT_URLCONF", "ealing_send.urls")
WSGI_APPLICATION = "ealing_send.wsgi.application"

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

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite behind a multi-process web server: every transaction takes the write lock when it
    # starts (a deferred one that reads and then writes fails at once with "database is locked"),
    # a busy writer is waited for, up to 20 s (under gunicorn's 30 s), and readers never block
    # writers (WAL, for which synchronous=NORMAL is durable enough).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's shared cache, for counters that every process must see. No page is kept in it (see
# ealing_send/pagecache.py): Redis when REDIS_URL is set, else a table in the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ealing-send",
            # A Redis that hangs costs a visitor a second, not the client's default of minutes
            # (the feedback limit treats a cache it cannot reach as no count).
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "page_cache",
        }
    }
# Content pages each process keeps in memory (15 to 70 KB each), per release and content version.
# 0 turns the page cache off (the benchmark measures pages made fresh that way).
PUBLIC_PAGE_CACHE_ENTRIES = int(os.environ.get("PUBLIC_PAGE_CACHE_ENTRIES", "256"))
# How often each process reads the content version (seconds): a save shows in other processes
# within this time. 0 reads it on every request (a PostgreSQL round trip each).
CONTENT_VERSION_CHECK_SECONDS = float(os.environ.get("CONTENT_VERSION_CHECK_SECONDS", "1"))
# How long a proxy or CDN may keep a content page (browsers check back every time).
PUBLIC_PAGE_MAX_AGE = int(os.environ.get("PUBLIC_PAGE_MAX_AGE", "300"))
# The release, for the page cache's key; without it, a hash of the static files' manifest.
RELEASE_ID = os.environ.get("RELEASE_ID", "")

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The proxies in front of the site (the TLS proxy alone: 1), each adding the address it was sent
# from to the end of X-Forwarded-For: the client's address is the PROXY_COUNT-th from the end
# (ealing_send/addresses.py); 0, the connection's own. `manage.py check --deploy` warns while
# HTTPS is required and this is 0 (every visitor would have the proxy's address).
PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0"))
# django-axes counts wrong passwords per username and address: five from one address pause that
# username from that address for half an hour, never the same person elsewhere; an address with
# SIGN_IN_FAILURES_PER_ADDRESS wrong passwords or codes, whatever the usernames, is paused too
# (staff_signin/lockout.py).
AXES_FAILURE_LIMIT = 5
SIGN_IN_FAILURES_PER_ADDRESS = 20
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "staff_signin.lockout.SignInLockout"
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The client's address, read with django-ipware from what PROXY_COUNT proxies wrote.
AXES_CLIENT_IP_CALLABLE = "ealing_send.addresses.client_address"
# Sign-in records older than this go at `manage.py clear_old_sign_ins` (daily; README).
SIGN_IN_RECORDS_KEPT = timedelta(days=180)

# The second factor (staff_signin): authenticator apps show the site's name beside its codes.
# Security keys and passkeys are a second factor only, never instead of the password.
OTP_TOTP_ISSUER = "Ealing SEND guidance"
# The address staff sign in at (scheme, host and any port): a key registered there works only
# there. Locally, http://localhost:8000 (browsers allow security keys on localhost, not 127.0.0.1).
WEBAUTHN_ORIGIN = os.environ.get("DJANGO_WEBAUTHN_ORIGIN", "http://localhost:8000").rstrip("/")
OTP_WEBAUTHN_RP_ID = urlsplit(WEBAUTHN_ORIGIN).hostname
OTP_WEBAUTHN_ALLOWED_ORIGINS = [WEBAUTHN_ORIGIN]
OTP_WEBAUTHN_RP_NAME = "Ealing SEND guidance"
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

# English pages keep their addresses; every other language's pages are under /<code>/ (pl, ur).
# British English, so admin dates read and parse the British way.
LANGUAGE_CODE = "en-gb"
# The languages the public site is offered in: one line each, in the order the switcher lists
# them. Offering one more from MODELTRANSLATION_LANGUAGES is its line here and its words in the
# admin and locale/ (README, "Adding a language"); the admin and the report show only these.
LANGUAGES = [
    ("en", "English"),
    ("pl", "Polish"),
    ("ur", "Urdu"),
]
# Staff content keeps a column for each of these (django-modeltranslation): English, and the
# languages Ealing's families most speak after it (issue 15). They are set once, so that offering
# one of them needs no migration; a language outside this list needs its code here and
# makemigrations.
MODELTRANSLATION_LANGUAGES = ("en", "pl", "pa", "ur", "so", "ar", "ro", "gu", "ta")
# Django (5.2) knows no Somali or Gujarati: their names, in English and in their own, and their
# direction, added the way Django's own are (django/conf/locale/__init__.py).
LANG_INFO.update(
    {
        "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
        "gu": {"bidi": False, "code": "gu", "name": "Gujarati", "name_local": "ગુજરાતી"},
    }
)
LOCALE_PATHS = [BASE_DIR / "locale"]
# How each language writes a date (ealing_send/formats/): English as the site always has.
FORMAT_MODULE_PATH = ["ealing_send.formats"]
# Staff content: English is the text that counts; a field not yet translated shows the English.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
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
# Hashed file names never change, so browsers may keep them for a year.
WHITENOISE_MAX_AGE = 0 if DEBUG else 31536000

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

SIMPLE_HISTORY_REVERT_DISABLED = False
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto. gunicorn turns that
# into HTTPS only for the proxy's own addresses (FORWARDED_ALLOW_IPS); Django reading the header
# itself (SECURE_PROXY_SSL_HEADER) would believe anyone who sent it.
SECURE_SSL_REDIRECT = _flag("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# A load balancer probes the container over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Staff are signed out after eight hours, a working day, however busy (SESSION_COOKIE_AGE), and
# after 30 minutes without an admin page (staff_signin/idle.py; OWASP ASVS 4.0.3 V3.3.2).
SESSION_COOKIE_AGE = 8 * 60 * 60
STAFF_IDLE_TIMEOUT = timedelta(minutes=30)
# The sign-in form's anti-forgery cookie lasts until the browser closes, not a year.
CSRF_COOKIE_AGE = None
X_FRAME_OPTIONS = "DENY"

# The site runs no inline script or style, so the policy can be strict.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# The site needs no camera, microphone, location or payment: say so to the browser.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
}

# Errors go to stderr as JSON lines (python-json-logger): one record a line, its traceback inside
# it, with time, level and logger, as hosting platforms read them (README: "Where errors go").
# Only the fields named are written: Django attaches the request to its records, and the request
# would write its address, answers included.
LOG_FIELDS = ("asctime", "levelname", "name", "message")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": " ".join(f"%({field})s" for field in LOG_FIELDS),
            "reserved_attrs": [*RESERVED_ATTRS, "request", "server_time"],
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
