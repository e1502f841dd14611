"""Test settings: fast hashing, in-memory cache and e-mail. DATABASE_URL picks PostgreSQL."""

from .base import *  # noqa: F403
from .base import CACHE_ALIASES, DATABASES

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-any-real-site"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in CACHE_ALIASES
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests measure what rendering a page costs; the page cache's own tests turn it on.
PAGE_CACHE_TIMEOUT = 0
# Whether a page came from Django's cache: X-Page-Cache: hit or miss.
PAGE_CACHE_STATUS_HEADER = True
# Never purge a developer's nginx (NGINX_PURGE_URL in the environment); the tests that
# purge one start their own.
WAGTAILFRONTENDCACHE = {}
# The suite's SQLite database lives in memory, shared by the test's connection and the
# copies some tests take of it for a server of their own: a test's transaction must not
# hold the write lock from its start, or those copies would wait for it for ever. The
# SQLite settings themselves are tested on a file (site_project/tests/test_sqlite.py).
DATABASES["default"].get("OPTIONS", {}).pop("transaction_mode", None)
