"""Who is acting: the signed-in user of the request being served, for rules that run below
the views (home.publishing's publication rule, the log of who read personal data), where
Wagtail and wagtail-localize do not pass the user down."""

from contextvars import ContextVar

current_request = ContextVar("current_request", default=None)


class ActingUserMiddleware:
    """Remembers whose request this is (after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)


def acting_user():
    """The signed-in user of the request being served, or None outside a request (a
    command, a cron job: the operator acts)."""
    request = current_request.get()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
