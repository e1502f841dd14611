"""A stand-in for nginx behind Wagtail's frontend cache: it records the addresses it is asked
to purge (the `purged` fixture puts it in WAGTAILFRONTENDCACHE)."""

from wagtail.contrib.frontend_cache.backends import BaseBackend

purged = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        purged.append(url)
