"""Django's file cache, for production without Redis, with a failing disk (full, read-only,
its folder gone) or a damaged file taken as a miss: a cache that cannot be read or written
slows the site down and never fails a page or a form, as django-redis's IGNORE_EXCEPTIONS
does for Redis. Django's own raises the error into the request."""

import contextlib
import logging
import pickle
import zlib

from django.core.cache.backends import filebased
from django.core.cache.backends.base import DEFAULT_TIMEOUT

logger = logging.getLogger(__name__)

# What a file left damaged (a crash, a repaired file system) raises when it is read: pickle
# meets a bad protocol or text as ValueError, a bad length as OverflowError.
DAMAGED = (EOFError, pickle.UnpicklingError, zlib.error, ValueError, OverflowError)


class FileBasedCache(filebased.FileBasedCache):
    def __init__(self, dir, params):
        # Making the folder comes last: a cache whose folder cannot be made is set up all
        # the same, and every later use fails into a miss.
        with self.failures_are_misses():
            super().__init__(dir, params)

    @staticmethod
    @contextlib.contextmanager
    def failures_are_misses():
        try:
            yield
        except (OSError, *DAMAGED) as error:
            # One line, no traceback: a page makes several calls, and the log may be on
            # the same full disk.
            logger.warning("The file cache cannot be used (%r): served without it.", error)

    def get(self, key, default=None, version=None):
        with self.failures_are_misses():
            return super().get(key, default, version)
        return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self.failures_are_misses():
            super().set(key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self.failures_are_misses():
            return super().add(key, value, timeout, version)
        return False

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        with self.failures_are_misses():
            return super().touch(key, timeout, version)
        return False

    def delete(self, key, version=None):
        with self.failures_are_misses():
            return super().delete(key, version)
        return False

    def has_key(self, key, version=None):
        with self.failures_are_misses():
            return super().has_key(key, version)
        return False

    def clear(self):
        with self.failures_are_misses():
            super().clear()
