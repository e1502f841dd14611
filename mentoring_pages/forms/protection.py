"""Keeping robots out of the site's forms: a honeypot field and a per-address rate limit.

The limit counts accepted submissions per client address in the cache, under a keyed
hash of the address: the address itself is never stored anywhere."""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from home.security.addresses import client_address

# A field people never see or fill in (it is hidden and skipped by the keyboard); robots
# that fill in every field they find give themselves away.
HONEYPOT_FIELD = "website"


def rate_key(request):
    digest = salted_hmac("form-rate-limit", client_address(request)).hexdigest()
    return f"form-rate:{digest}"


def is_spam(request):
    return bool(request.POST.get(HONEYPOT_FIELD, "").strip())


def is_rate_limited(request):
    return cache.get(rate_key(request), 0) >= settings.FORM_SUBMISSIONS_PER_ADDRESS


def count_submission(request):
    """Count an accepted submission against the visitor's address for the window."""
    key = rate_key(request)
    cache.add(key, 0, settings.FORM_RATE_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:
        # The window ended between add() and incr(): start a new one.
        cache.set(key, 1, settings.FORM_RATE_WINDOW_SECONDS)
