"""The e-mail that tells the curators which pages enforcing ended consents unpublished and
which photos it deleted: in the site's language, to every active curator of the pages'
school with an address."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext

from mentoring_pages.consent.rules import written_date
from programmes.roles import CURATOR


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


def notify_curators(school_id, pages, removed_photos):
    recipients = curators_emails(school_id)
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            gettext("These pages were unpublished because the person's consent has ended:"),
            "",
        ]
        for page in pages:
            consent = page.consent
            reason = (
                gettext("withdrawn on %(date)s")
                % {"date": written_date(timezone.localtime(consent.withdrawn_at))}
                if consent.is_withdrawn()
                else gettext("expired on %(date)s") % {"date": written_date(consent.valid_until)}
            )
            lines.append(f"- {page.title}: {page.get_url()} — {reason}")
        if removed_photos:
            lines += ["", gettext("Photos deleted:")] + [f"- {title}" for title in removed_photos]
        send_mail(
            gettext("Pages unpublished: consent ended (%(count)s)") % {"count": len(pages)},
            "\n".join(lines),
            None,
            recipients,
        )
