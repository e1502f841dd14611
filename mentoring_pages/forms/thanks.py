"""The thanks for a sent form, at an address of their own: the form's with ?sent (POST,
redirect, GET), so that reloading them, as a phone does with a tab it brings back, does not
send the answers again. What they show is kept in the session of the visitor who sent the
form, for an hour: nobody else sees them, whatever the address says."""

import time
from dataclasses import dataclass

SENT_PARAMETER = "sent"
SENT_SESSION_KEY = "form_sent"
THANKS_SECONDS = 60 * 60


@dataclass(frozen=True)
class SentSubmission:
    """What the thanks show of a submission: its reference, if it has one."""

    reference: str


def remember_sent(request, page, submission):
    """Keep what the thanks for `submission` to `page`'s form show; returns their address."""
    # A session begun for the thanks ends with them: its cookie keeps every page its
    # visitor opens out of the shared caches (home.page_cache, nginx).
    # (Also one whose cookie outlived it: the session loaded is empty all the same.)
    begun_for_thanks = set(request.session.keys()) <= {SENT_SESSION_KEY}
    request.session[SENT_SESSION_KEY] = {
        "page": page.pk,
        "reference": getattr(submission, "reference", ""),
        "sent_at": time.time(),
    }
    if begun_for_thanks:
        request.session.set_expiry(THANKS_SECONDS)
    return f"{page.get_url(request)}?{SENT_PARAMETER}"


def sent_submission(request, page):
    """What the thanks show, if this visitor sent `page`'s form within the hour; else None."""
    if SENT_PARAMETER not in request.GET:
        return None
    sent = request.session.get(SENT_SESSION_KEY)
    if not sent or sent["page"] != page.pk or time.time() - sent["sent_at"] > THANKS_SECONDS:
        return None
    return SentSubmission(sent["reference"])
