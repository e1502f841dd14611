"""A limit on guessing the password of a page or of a collection of documents (Wagtail's
view restrictions): after AXES_FAILURE_LIMIT wrong passwords from one address, that address
may not try that password again until AXES_COOLOFF_TIME after the first of them; other
addresses, and other passwords, are not held up. Wagtail's forms do not go through Django's
authenticate(), so django-axes never sees them: failures are counted in the cache, under a
keyed hash of the address, as the forms' rate limit counts submissions. A cache that is
down counts nothing."""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as document_views
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from home.security.addresses import client_address
from home.security.lockouts import lockout_response


def failures_key(request, restrictions, restriction_id):
    # Counted per password, not per restriction: a page's translations each have a copy of
    # its restriction (home.restrictions), which must not multiply the guesses.
    password = restrictions.filter(pk=restriction_id).values_list("password", flat=True).first()
    digest = salted_hmac("view-password", f"{password}:{client_address(request)}")
    return f"view-password-failures:{digest.hexdigest()}"


def count_failure(key):
    timeout = settings.AXES_COOLOFF_TIME.total_seconds()
    cache.add(key, 0, timeout)
    try:
        cache.incr(key)
    except ValueError:
        # The cool-off ended between add() and incr(): this failure starts a new one.
        cache.set(key, 1, timeout)


def limited(request, restrictions, restriction_id, password_view):
    """Wagtail's `password_view`, behind the limit."""
    key = failures_key(request, restrictions, restriction_id)
    if cache.get(key, 0) >= settings.AXES_FAILURE_LIMIT:
        return lockout_response(request)
    response = password_view()
    # Wagtail redirects past a right password and shows its form again after a wrong one.
    if request.method == "POST" and response.status_code == 200:
        count_failure(key)
    return response


def page_password(request, page_view_restriction_id, page_id):
    return limited(
        request,
        PageViewRestriction.objects.all(),
        page_view_restriction_id,
        lambda: wagtail_views.authenticate_with_password(
            request, page_view_restriction_id, page_id
        ),
    )


def collection_password(request, restriction_id):
    return limited(
        request,
        CollectionViewRestriction.objects.all(),
        restriction_id,
        lambda: document_views.authenticate_with_password(request, restriction_id),
    )
