"""Django's file cache, for production without Redis, with a failing disk (full, read-only,
its folder gone) taken as a miss: a cache that cannot be read or written slows the site
down and never fails a page or a form, as django-redis's IGNORE_EXCEPTIONS does for Redis.
Django's own raises the OSError into the request."""

import contextlib
import logging

from django.core.cache.backends import filebased
from django.core.cache.backends.base import DEFAULT_TIMEOUT

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def disk_errors_logged():
    try:
        yield
    except OSError:
        logger.warning("The file cache cannot be used: served without it.", exc_info=True)


class FileBasedCache(filebased.FileBasedCache):
    def __init__(self, dir, params):
        # Making the folder comes last: a cache whose folder cannot be made is set up all
        # the same, and every later use fails into a miss.
        with disk_errors_logged():
            super().__init__(dir, params)

    def get(self, key, default=None, version=None):
        with disk_errors_logged():
            return super().get(key, default, version)
        return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with disk_errors_logged():
            super().set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with disk_errors_logged():
            return super().add(key, value, timeout, version)
        return False

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        with disk_errors_logged():
            return super().touch(key, timeout, version)
        return False

    def delete(self, key, version=None):
        with disk_errors_logged():
            return super().delete(key, version)
        return False

    def has_key(self, key, version=None):
        with disk_errors_logged():
            return super().has_key(key, version)
        return False

    def clear(self):
        with disk_errors_logged():
            super().clear()
