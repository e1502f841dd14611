"""The e-mail that tells the curators which pages enforcing consents unpublished, why, and
which photos it deleted: in the site's language, to every active curator of the pages'
school with an address. A mail server that is down delays the news, never the enforcement."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from wagtail.models import Page

from mentoring_pages.consent.rules import consent_problems
from programmes.roles import CURATOR
from programmes.schools import school_of_page

logger = logging.getLogger(__name__)


def curators_emails(school_id):
    return list(
        get_user_model()
        .objects.filter(
            groups__school_role__school_id=school_id,
            groups__school_role__role=CURATOR,
            is_active=True,
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def usage_label(source, school_id):
    """A page of the school by its title and address; anything else by what it is: these
    curators are not told what another school's pages or records are called."""
    if not isinstance(source, Page):
        return capfirst(source._meta.verbose_name)
    school = school_of_page(source)
    if school is None or school.pk != school_id:
        return gettext("a page of another site")
    url = source.get_url()
    return f"{source.title} ({url})" if url else source.title


def notify_curators(school_id, pages, removed_photos, kept_photos=(), on=None):
    """`pages`: unpublished, each for the reasons the rule (consent.rules) gives on `on`;
    `removed_photos`: the titles of the photos deleted (also of pages that were not live);
    `kept_photos`: (title, what else uses it) of the photos of `pages` kept for that use."""
    recipients = curators_emails(school_id)
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        lines = []
        if pages:
            lines += [
                gettext(
                    "These pages were unpublished because the person's consent no longer "
                    "allows them:"
                ),
                "",
            ]
        for page in pages:
            reason = " ".join(str(problem) for problem in consent_problems(page, on=on))
            lines.append(f"- {page.title}: {page.get_url()} — {reason}")
        if removed_photos:
            if lines:
                lines.append("")
            lines += [gettext("Photos deleted:")] + [f"- {title}" for title in removed_photos]
        if kept_photos:
            lines += [
                "",
                gettext(
                    "Photos kept because something else uses them: remove them there if they "
                    "show the person."
                ),
            ]
            lines += [
                f"- {title}: " + ", ".join(usage_label(use, school_id) for use in elsewhere)
                for title, elsewhere in kept_photos
            ]
        if pages:
            subject = gettext("Pages unpublished: no valid consent (%(count)s)") % {
                "count": len(pages)
            }
        else:
            subject = gettext("Photos deleted: the person's consent has ended (%(count)s)") % {
                "count": len(removed_photos)
            }
    try:
        send_mail(subject, "\n".join(lines), None, recipients)
    except OSError:  # SMTP errors too: the pages stay unpublished, the log says which
        logger.exception(
            "Could not tell the curators of school %s about %s unpublished pages",
            school_id,
            len(pages),
        )
