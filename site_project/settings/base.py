"""Settings shared by every environment. Environment-specific files import from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Run-time state that is never committed: the SQLite file, the dev secret key, the admin
# password, screenshots, benchmark results.
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    "home",
    "mentoring_pages",
    "programmes",
    # No models: its management commands (load_demo) know all the apps above.
    "site_project",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A hit needs nothing below: the page's language is in its address.
    "home.page_cache.PageCacheMiddleware",
    # The open API's CORS headers (GET only), and its answers to a browser's preflight
    # (private, as every response the page cache does not keep): below the page cache,
    # which keeps no API answer.
    "corsheaders.middleware.CorsMiddleware",
    # Below the page cache: a kept page keeps the headers it was rendered with.
    "home.security.headers.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "home.security.two_factor.TwoFactorMiddleware",
    # Whose request publishes a page or reads personal data (home.acting_user).
    "home.acting_user.ActingUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "site_project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.organisation",
                "home.context_processors.accessibility_settings",
            ],
        },
    },
]

WSGI_APPLICATION = "site_project.wsgi.application"

# SQLite under var/ by default; PostgreSQL (or anything dj-database-url reads) through
# DATABASE_URL. SQLite suits one small school; see README for when to move.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A parent's application must not be lost to an import or a board change writing at
    # that moment: in WAL mode readers never wait, and a writer waits its turn (taken at the
    # start of its transaction, where waiting works) for up to 20 s, not 5.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches: pages and the pieces they are built from ("default"), and the lookups of image
# renditions ("renditions", which Wagtail uses by that name), so that many pages cannot
# push the renditions out. Redis when REDIS_URL is set (shared by every worker; give it a
# maxmemory with an LRU policy, README), else each process's memory (production.py keeps
# files instead). Every backend is bounded, and a Redis that is down or full only makes
# the site slower: its errors are logged and each read is a miss (home.page_cache).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_ALIASES = ("default", "renditions")
CACHE_MAX_ENTRIES = int(os.environ.get("CACHE_MAX_ENTRIES", "20000"))


def cache_settings(redis_url):
    """CACHES for Redis at `redis_url`, or for each process's memory without one."""
    if not redis_url:
        return {
            alias: {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"nastavnik-{alias}",
                "OPTIONS": {"MAX_ENTRIES": CACHE_MAX_ENTRIES},
            }
            for alias in CACHE_ALIASES
        }
    return {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"nastavnik-{alias}",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                # A Redis that hangs must not hold a page for long.
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
        for alias in CACHE_ALIASES
    }


CACHES = cache_settings(REDIS_URL)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# Whole pages for anonymous visitors in Django's cache (home.page_cache), in seconds;
# entries also end at local midnight. 0 turns this layer off (nginx, when in front, keeps
# its own copies: deploy/nginx/).
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", str(24 * 60 * 60)))
# An X-Page-Cache: hit/miss header, for tests and development only: it would tell the public
# how the site is built.
PAGE_CACHE_STATUS_HEADER = False

# nginx in front (deploy/nginx/, `make serve-nginx`) is purged through Wagtail's stock HTTP
# backend, by the rule of home.purging. The app wagtail.contrib.frontend_cache is not
# installed: its own receivers would purge published pages a second time, by a narrower
# rule. Translations are pages of their own, purged at their own addresses.
NGINX_PURGE_URL = os.environ.get("NGINX_PURGE_URL", "")
WAGTAILFRONTENDCACHE = (
    {
        "nginx": {
            "BACKEND": "home.frontend_cache.NginxBackend",
            "LOCATION": NGINX_PURGE_URL,
        }
    }
    if NGINX_PURGE_URL
    else {}
)
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Guessing passwords (django-axes): after AXES_FAILURE_LIMIT wrong passwords within
# AXES_COOLOFF_TIME, the account (from anywhere) and the address (for any account) are
# refused until the cool-off ends or a superuser unlocks them (admin: Settings → Sign-in
# security; `manage.py axes_reset_username NAME`, `axes_reset_ip ADDRESS`). Counted in the
# database, so an outage of the cache changes nothing. Page and collection passwords have
# a limit of their own (home.security.view_passwords).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# The visitor's address as the forms' rate limit reads it: FORM_CLIENT_ADDRESS_HEADER below.
AXES_CLIENT_IP_CALLABLE = "home.security.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "home.security.lockouts.lockout_response"
# A password tried while locked out does not make the lock-out longer. (A right password
# does not clear the mistakes before it: it would clear its address's too, and anyone with
# one account could then keep guessing others'.)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# No record of every successful sign-in (who, from where): nothing here reads it.
AXES_DISABLE_ACCESS_LOG = True

# Two-step sign-in (home.security.two_factor): curators and superusers, who see personal
# data, give a code from an authenticator app after their password. On in production.
STAFF_2FA_REQUIRED = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Russian is the source language of content and interface; English is a
# translation. Russian URLs carry no prefix, English ones live under /en/.
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", _("Russian")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# One date format per language (site_project/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["site_project.formats"]
USE_TZ = True
# Schools run from Kaliningrad to Chukotka: each installation sets its own zone.
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Moscow")
# The admin works in the school's time, whatever an account's preferences would choose: a
# deadline, a quarter and a consent end at the school's midnight.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The page editor of a long roadmap posts thousands of fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# ".localhost": the demo's schools and centre at *.localhost, which browsers resolve locally.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A form refused for its token or cookie: the site's page, in the visitor's language, that
# says what to do (Django's own is English and leads nowhere).
CSRF_FAILURE_VIEW = "home.views.csrf_failure"

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Наставничество")
# The name authenticator apps show beside the two-step sign-in's codes.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Used by PostgreSQL's full-text search (stemming of Russian words); other
        # databases ignore it.
        "SEARCH_CONFIG": "russian",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "doc", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Uploaded images must have their alt text.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True
# Avatars are the ones users upload, never fetched from gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content-Security-Policy (django-csp): public pages run the site's own scripts and styles
# only, and nothing inline; the admin, whose pages Wagtail writes with inline scripts and
# styles, has ADMIN_CONTENT_SECURITY_POLICY (home.security.headers). Nothing comes from
# another host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        # Icons as data: URLs, and uploads shown before they are sent.
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The preview panel shows the page in a frame.
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}
# What no page here uses: browsers deny it to the site and to anything it frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "browsing-topics",
        "camera",
        "geolocation",
        "interest-cohort",
        "microphone",
        "payment",
        "usb",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "nastavnik": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
ROADMAP_IMPORT_MAX_BYTES = int(os.environ.get("ROADMAP_IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))

# Forms (mentoring_pages.models.forms): submissions are kept this many days, then
# `manage.py purge_submissions` deletes them.
FORM_SUBMISSION_RETENTION_DAYS = int(os.environ.get("FORM_SUBMISSION_RETENTION_DAYS", "365"))
# Accepted submissions per visitor's address and window. A whole class may answer a
# questionnaire from one school address: keep the limit above a class's size.
FORM_SUBMISSIONS_PER_ADDRESS = int(os.environ.get("FORM_SUBMISSIONS_PER_ADDRESS", "40"))
FORM_RATE_WINDOW_SECONDS = int(os.environ.get("FORM_RATE_WINDOW_SECONDS", "3600"))
# Behind a reverse proxy, the request header with the visitor's address, as Django names
# it (e.g. HTTP_X_REAL_IP); else the connection's address.
FORM_CLIENT_ADDRESS_HEADER = os.environ.get("FORM_CLIENT_ADDRESS_HEADER", "REMOTE_ADDR")

# Error reports never carry what a form sent (site_project.error_reports); a mail server
# that does not answer holds a request 10 s at most.
DEFAULT_EXCEPTION_REPORTER_FILTER = "site_project.error_reports.NoFormDataFilter"
EMAIL_TIMEOUT = 10

# The open API (mentoring_pages/api): read-only JSON for anyone, no session or sign-in, a
# rate limit per visitor's address (its count in the cache: without one, no limit).
API_RATE = os.environ.get("API_RATE", "120/minute")
# Wagtail's own admin APIs use Django REST framework's defaults: ours are set on the open
# API's views (mentoring_pages/api/views.py), not here.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "VERSION": "1",
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    # In the order the router lists them: schools first, as the documentation reads.
    "SORT_OPERATIONS": False,
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "PREPROCESSING_HOOKS": ["mentoring_pages.api.docs.only_the_open_api"],
    "ENUM_NAME_OVERRIDES": {"ParticipantEnum": "programmes.categories.Participant"},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "mentoring_pages.api.docs.complete_the_schema",
    ],
    "ENUM_GENERATE_CHOICE_DESCRIPTION": True,
    "COMPONENT_SPLIT_REQUEST": False,
}
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After")
