"""Production settings: everything secret or host-specific comes from the environment."""

import os
from email.utils import parseaddr

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHE_ALIASES, CACHE_MAX_ENTRIES, MIDDLEWARE, REDIS_URL, VAR_DIR, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment in production.")


def env_flag(name, default):
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


# The site sits behind a reverse proxy (deploy/: nginx) that terminates TLS and sets
# X-Forwarded-Proto and X-Real-IP: every visitor would otherwise be 127.0.0.1 to the limits
# by address (one lock-out or form limit for everyone).
FORM_CLIENT_ADDRESS_HEADER = os.environ.get("FORM_CLIENT_ADDRESS_HEADER", "HTTP_X_REAL_IP")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview frames SAMEORIGIN.
# Curators and superusers see personal data: a code from an authenticator app after the
# password (home.security.two_factor).
STAFF_2FA_REQUIRED = env_flag("STAFF_2FA_REQUIRED", True)

# Cached pages and pieces of pages are dropped when content changes; every gunicorn worker
# must see that, so without Redis the caches live in files all workers share, not in each
# one's memory.
if not REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "site_project.file_cache.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache" / alias),
            "OPTIONS": {"MAX_ENTRIES": CACHE_MAX_ENTRIES},
        }
        for alias in CACHE_ALIASES
    }

# Static files have hashed names and compressed copies; the application serves them itself
# (`make serve`), and nginx from STATIC_ROOT when it is in front (deploy/).
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "site_project.mail.SMTPBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Errors reach the school's own administrators by e-mail, through Django's handler (a mail
# server that is down only loses the e-mail). No foreign error service: what a request
# carries may be a child's personal data. ADMINS="Name <address>, Name <address>".
ADMINS = [parseaddr(address) for address in env_list("ADMINS")]
