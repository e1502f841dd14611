"""The thanks for a sent form, at an address of their own: the form's with ?sent (POST,
redirect, GET), so that reloading them, as a phone does with a tab it brings back, does not
send the answers again. What they show is kept in the session of the visitor who sent the
form, for an hour: nobody else sees them, whatever the address says. The same answers sent
again within that hour (a double tap, «Back» and send) lead to the same thanks, and are not
stored twice."""

import hashlib
import json
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
        "answers": answers_digest(request),
        "sent_at": time.time(),
    }
    if begun_for_thanks:
        request.session.set_expiry(THANKS_SECONDS)
    return thanks_url(request, page)


def thanks_url(request, page):
    return f"{page.get_url(request)}?{SENT_PARAMETER}"


def answers_digest(request):
    """The answers a form's POST sends, as a digest to know them again by (not its CSRF
    token, which a page shown again changes)."""
    answers = sorted(
        (name, request.POST.getlist(name)) for name in request.POST if name != "csrfmiddlewaretoken"
    )
    files = sorted((name, upload.name, upload.size) for name, upload in request.FILES.items())
    return hashlib.sha256(json.dumps([answers, files]).encode()).hexdigest()


def recently_sent(request, page):
    """What this visitor sent to `page`'s form within the hour, or None."""
    sent = request.session.get(SENT_SESSION_KEY)
    if not sent or sent["page"] != page.pk or time.time() - sent["sent_at"] > THANKS_SECONDS:
        return None
    return sent


def sent_submission(request, page):
    """What the thanks show, if this visitor sent `page`'s form within the hour; else None."""
    if SENT_PARAMETER not in request.GET:
        return None
    sent = recently_sent(request, page)
    return sent and SentSubmission(sent["reference"])


def thanks_for_the_same_answers(request, page):
    """The thanks' address if this visitor sent these very answers to `page`'s form within
    the hour; else None."""
    sent = recently_sent(request, page)
    if sent and sent.get("answers") == answers_digest(request):
        return thanks_url(request, page)
    return None
