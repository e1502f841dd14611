"""Whether a person may be shown on a public page (152-ФЗ ст. 10.1): the one place for the
rule. Publishing a page that shows a person asks it; so does submitting it for moderation.
A page shows its person only with a valid consent to dissemination from the registry
(programmes.Consent) that lists the page's address.

Addresses are compared as in the Russian (default) version of the site: the English
translation of a page is covered by the consent that lists its Russian original's address,
since it shows the same person from the same record."""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import Locale, Site

from programmes.models import Consent, ConsentKind
from programmes.roles import CURATOR

logger = logging.getLogger(__name__)


class ConsentMissing(PublishPermissionError):
    """Publishing refused: the person shown has not (fully) consented."""


def public_path(page, parent=None):
    """The page's address in the Russian version of the site, as a consent lists it:
    `/nastavnichestvo/nastavniki/ivanova/`. For a translation, its Russian original's.
    `parent` is where a page not yet (or not yet there) saved goes."""
    default = Locale.get_default()
    if page.pk and page.locale_id != default.pk:
        original = page.get_translation_or_none(default)
        if original is not None:
            page, parent = original, None
    if parent is None and page.depth and page.path:
        parent = page.get_parent()
    url_path = f"{parent.url_path}{page.slug}/" if parent is not None else page.url_path or ""
    roots = [root.root_path for root in Site.get_site_root_paths()]
    root = max((r for r in roots if url_path.startswith(r)), key=len, default="/")
    return "/" + url_path[len(root) :]


def _date(value):
    return date_format(value, "d.m.Y")


def consent_problems(page, parent=None, on=None):
    """What is missing before `page` may show its person: a list of messages, empty when
    publishing is allowed. `page.consent` is the consent it relies on."""
    consent = page.consent
    if consent is None:
        return [
            _(
                "There is no consent to dissemination: choose the person's consent from the "
                "consent registry."
            )
        ]
    on = on or timezone.localdate()
    problems = []
    if consent.kind != ConsentKind.DISSEMINATION:
        problems.append(
            _(
                "The chosen consent is to processing, not to dissemination: choose the "
                "person's consent to dissemination."
            )
        )
    if consent.is_withdrawn():
        problems.append(
            _("The consent was withdrawn on %(date)s.")
            % {"date": _date(timezone.localtime(consent.withdrawn_at))}
        )
    if not consent.has_started(on):
        problems.append(
            _("The consent is valid only from %(date)s.") % {"date": _date(consent.valid_from)}
        )
    if consent.has_expired(on):
        problems.append(
            _("The consent expired on %(date)s.") % {"date": _date(consent.valid_until)}
        )
    path = public_path(page, parent)
    if not consent.allows_page(path):
        problems.append(
            _(
                "The consent does not list this page's address, %(path)s: add it to the "
                "consent's pages or choose another consent."
            )
            % {"path": path}
        )
    if consent.is_minor and not consent.parent_name.strip():
        problems.append(
            _("The person is under 18: the consent must record the parent who signed it as well.")
        )
    return problems


def check_consent(page, parent=None):
    problems = consent_problems(page, parent)
    if problems:
        raise ConsentMissing(" ".join(str(problem) for problem in problems))


# The curator's report

# How far ahead the report warns of consents running out.
EXPIRY_WARNING_DAYS = 30


@dataclass
class ShownPerson:
    """A live page showing a person, the consent it relies on and what is wrong with it."""

    page: object
    problems: list
    days_left: int | None = None

    @property
    def consent(self):
        return self.page.consent


@dataclass
class ExpiringConsent:
    consent: Consent
    days_left: int
    pages: list = field(default_factory=list)


@dataclass
class ConsentReport:
    on: datetime.date
    shown: list
    expiring: list

    @property
    def with_problems(self):
        return [person for person in self.shown if person.problems]


def consent_report(on=None):
    """Who is shown on the site and on what consent (each live page, in every language),
    and the consents that run out within EXPIRY_WARNING_DAYS with the pages relying on
    them."""
    from mentoring_pages.models import MentorPage

    on = on or timezone.localdate()
    warn_until = on + datetime.timedelta(days=EXPIRY_WARNING_DAYS)

    def days_left(consent):
        if consent is None or consent.valid_until is None:
            return None
        return (consent.valid_until - on).days

    pages = (
        MentorPage.objects.live()
        .select_related("consent", "locale")
        .order_by("consent__person", "title", "locale__language_code")
    )
    shown = [
        ShownPerson(page, consent_problems(page, on=on), days_left(page.consent)) for page in pages
    ]
    expiring = {
        consent.pk: ExpiringConsent(consent, days_left(consent))
        for consent in Consent.objects.filter(
            withdrawn_at__isnull=True, valid_until__gte=on, valid_until__lte=warn_until
        ).order_by("valid_until", "person")
    }
    for page in (
        MentorPage.objects.filter(consent__in=list(expiring))
        .select_related("locale")
        .order_by("title", "locale__language_code")
    ):
        expiring[page.consent_id].pages.append(page)
    return ConsentReport(on, shown, list(expiring.values()))


# Enforcing ended consents


def remove_photo(image, unpublished_pks):
    """Delete the image (Wagtail deletes its file and renditions with it) unless something
    other than the pages just unpublished uses it. Returns whether it was deleted."""
    from wagtail.models import Page

    for source, _references in image.get_usage():
        if not (isinstance(source, Page) and source.pk in unpublished_pks):
            return False
    image.delete()
    return True


def curators_emails():
    return list(
        get_user_model()
        .objects.filter(groups__name=CURATOR, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def enforce_consents(on=None, consents=None):
    """Unpublish every live page whose consent has ended (withdrawn or expired), delete
    their photos that nothing else uses, and tell the curators in one e-mail (none when
    nothing was unpublished). `consents` limits it to pages relying on those. Returns the
    pages unpublished."""
    from mentoring_pages.models import MentorPage

    on = on or timezone.localdate()
    ending = MentorPage.objects.live().filter(consent__isnull=False)
    if consents is not None:
        ending = ending.filter(consent__in=consents)
    pages = list(
        ending.filter(Q(consent__withdrawn_at__isnull=False) | Q(consent__valid_until__lt=on))
        .select_related("consent", "image", "locale")
        .order_by("path")
    )
    if not pages:
        return []
    for page in pages:
        page.unpublish(user=None, log_action=True)
        logger.warning(
            "Unpublished %s (%s): the consent of %s has ended.",
            page.title,
            page.url_path,
            page.consent.person,
        )
    unpublished_pks = {page.pk for page in pages}
    removed = []
    for image in {page.image for page in pages if page.image is not None}:
        title = image.title
        if remove_photo(image, unpublished_pks):
            removed.append(title)
            logger.warning("Deleted the photo %s: its person's consent has ended.", title)
    notify_curators(pages, removed)
    return pages


def notify_curators(pages, removed_photos):
    recipients = curators_emails()
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
                % {"date": _date(timezone.localtime(consent.withdrawn_at))}
                if consent.is_withdrawn()
                else gettext("expired on %(date)s") % {"date": _date(consent.valid_until)}
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
