"""Development settings: DEBUG on, a secret key generated once and kept in var/."""

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True


def _dev_secret_key():
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(get_random_secret_key())
    return path.read_text().strip()


SECRET_KEY = _dev_secret_key()
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Whether a page came from Django's cache: X-Page-Cache: hit or miss.
PAGE_CACHE_STATUS_HEADER = True
