"""nginx's purge as Wagtail's HTTPBackend sends it, bounded in time and never failing a
change: the stock backend waits for ever for an answer and lets a dropped connection (nginx
restarting, a worker crashing in the purge module) through as an exception, which turned a
publication into a 500 and left the rest of its after-commit work undone. Here any failure
is a warning in the log; the page then waits in nginx until its `s-maxage` runs out (the
school's midnight)."""

import http.client
import logging
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

logger = logging.getLogger(__name__)

# Seconds to wait for nginx on the same machine: it answers a purge in a millisecond.
DEFAULT_TIMEOUT = 2


class NginxBackend(HTTPBackend):
    def __init__(self, params):
        self.timeout = params.pop("TIMEOUT", DEFAULT_TIMEOUT)
        super().__init__(params)

    def purge(self, url):
        address = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit((self.cache_scheme, self.cache_netloc, address.path, address.query, "")),
            headers={"Host": address.netloc},
        )
        try:
            urlopen(request, timeout=self.timeout).close()  # noqa: S310 - our own LOCATION
        except (OSError, http.client.HTTPException) as error:
            logger.warning("nginx did not purge %s: %r", url, error)
            return False
        return True

    def purge_batch(self, urls):
        # A change of the school's details purges every page of its site: an nginx that
        # does not answer is given up on after the first address, not after each.
        urls = list(urls)
        for done, url in enumerate(urls):
            if not self.purge(url):
                if len(urls) > done + 1:
                    logger.warning("nginx was not asked to purge %d more", len(urls) - done - 1)
                return
