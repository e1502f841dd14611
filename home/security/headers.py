"""The Content-Security-Policy of each answer: settings.CONTENT_SECURITY_POLICY on public
pages, settings.ADMIN_CONTENT_SECURITY_POLICY under the admin's address."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import NoReverseMatch, reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, extended the way its documentation shows: Wagtail's admin
    writes inline scripts and styles, which public pages must never be allowed."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own policy (django-csp's decorators) comes first.
        if not report_only and parts.config is None and is_admin(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


def is_admin(request):
    try:
        return request.path_info.startswith(reverse("wagtailadmin_home"))
    except NoReverseMatch:  # a URLconf without the admin (some tests')
        return False
