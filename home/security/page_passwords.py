"""A limit on guessing a page's password (Wagtail's view restriction): after
AXES_FAILURE_LIMIT wrong passwords from one address, that address may not try the page's
password again until AXES_COOLOFF_TIME after the first of them; other addresses, and other
pages with other passwords, are not held up. Wagtail's form does not go through Django's authenticate(), so
django-axes never sees it: failures are counted in the cache, under a keyed hash of the
address, as the forms' rate limit counts submissions. A cache that is down counts nothing."""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from wagtail import views as wagtail_views
from wagtail.models import PageViewRestriction

from home.security.addresses import client_address
from home.security.lockouts import lockout_response


def failures_key(request, restriction_id):
    # Counted per password, not per restriction: a page's translations each have a copy of
    # its restriction (home.restrictions), which must not multiply the guesses.
    password = (
        PageViewRestriction.objects.filter(pk=restriction_id)
        .values_list("password", flat=True)
        .first()
    )
    digest = salted_hmac("page-password", f"{password}:{client_address(request)}")
    return f"page-password-failures:{digest.hexdigest()}"


def count_failure(key):
    timeout = settings.AXES_COOLOFF_TIME.total_seconds()
    cache.add(key, 0, timeout)
    try:
        cache.incr(key)
    except ValueError:
        # The cool-off ended between add() and incr(): this failure starts a new one.
        cache.set(key, 1, timeout)


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view, behind the limit."""
    key = failures_key(request, page_view_restriction_id)
    if cache.get(key, 0) >= settings.AXES_FAILURE_LIMIT:
        return lockout_response(request)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail redirects past a right password and shows its form again after a wrong one.
    if request.method == "POST" and response.status_code == 200:
        count_failure(key)
    return response
