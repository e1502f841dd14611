"""What the admin does with someone it turns away, as they see it: where it sends them and
the message waiting for them there. For asserting a refusal exactly, not «302 or 403»."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext

# Wagtail's own words, shown on the dashboard it sends a refused user to.
NO_PERMISSION = "Sorry, you do not have permission to access this area."


def outcome(response):
    """(status, where the response sends the user, the messages this request left for them
    — not those an earlier one left unread)."""
    queued = response.wsgi_request._messages._queued_messages
    return (
        response.status_code,
        response.get("Location"),
        [str(message).strip() for message in queued],
    )


def sent_to_the_dashboard():
    """The outcome for a signed-in user without the permission: back to the dashboard, told
    so in the active language."""
    return (302, reverse("wagtailadmin_home"), [gettext(NO_PERMISSION)])


def sent_to_log_in(url, login="wagtailadmin_login"):
    """The outcome for an anonymous visitor: to the login page (the admin's, or the one
    `login` names), which brings them back to `url` afterwards."""
    return (302, f"{reverse(login)}?{urlencode({'next': url}, safe='/')}", [])
