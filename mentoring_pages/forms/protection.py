"""Keeping robots out of the site's forms: a honeypot field and a per-address rate limit.

The limit counts accepted submissions per client address and fixed window in the cache,
under a keyed hash of the address: the address itself is never stored anywhere."""

import math
import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.base import BaseCache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from home.security.addresses import client_address

# A field people never see or fill in (it is hidden and skipped by the keyboard); robots
# that fill in every field they find give themselves away.
HONEYPOT_FIELD = "website"

# Neutral: it names no field, so a robot learns nothing from it.
SPAM_MESSAGE = _(
    "The form could not be accepted as it was sent. Your answers are kept below: please "
    "check them and send the form again."
)
RATE_MESSAGE = _(
    "Too many forms have been sent from your address within the hour. Your answers are kept "
    "below: please send the form again later, or contact the school by phone or e-mail."
)


def rate_key(request, now=None):
    """The visitor's count for the current window: the window's number is in the key, so a
    count ends with its window whatever the cache backend does to an entry's expiry."""
    digest = salted_hmac("form-rate-limit", client_address(request)).hexdigest()
    window = int((time.time() if now is None else now) // settings.FORM_RATE_WINDOW_SECONDS)
    return f"form-rate:{digest}:{window}"


def seconds_left_in_window(now):
    window = settings.FORM_RATE_WINDOW_SECONDS
    # Whole seconds, at least one: Redis takes a timeout of 0 as "delete now".
    return math.ceil(window - now % window)


def is_spam(request):
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def is_rate_limited(request):
    return cache.get(rate_key(request), 0) >= settings.FORM_SUBMISSIONS_PER_ADDRESS


def count_submission(request):
    """Count an accepted submission against the visitor's address for the window."""
    now = time.time()
    key = rate_key(request, now)
    left = seconds_left_in_window(now)
    cache.add(key, 0, left)
    try:
        count = cache.incr(key)
    except ValueError:
        # The entry was dropped between add() and incr() (evicted, a failing disk).
        cache.set(key, 1, left)
        return
    if type(caches[DEFAULT_CACHE_ALIAS]).incr is BaseCache.incr:
        # Django's own incr() (the file cache's) sets the entry again with the default
        # timeout of five minutes: set it to end with its window. Redis and locmem count
        # atomically and keep the expiry; a write-back there could undo another's count.
        # (Not touch(): django-redis lets a connection error of touch() through.)
        cache.set(key, count, left)
