"""Whether a person may be shown on a public page (152-ФЗ ст. 10.1): the one place for the
rule. Publishing a page that shows a person asks it; so does submitting it for moderation.
A page shows its person only with a valid consent to dissemination from the registry
(programmes.Consent) that lists the page's address. A mentor's profile always shows its
person; a case or a news item shows one only when its photo has people in it
(consent.pages).

Addresses are compared as in the Russian (default) version of the site: the English
translation of a page is covered by the consent that lists its Russian original's address,
since it shows the same person from the same record."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.models import Locale, Site

from programmes.models import ConsentKind, School
from programmes.schools import school_of_page, school_of_path


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


def written_date(value):
    """A date as the messages about consents write it: 31.12.2024."""
    return date_format(value, "d.m.Y")


def school_id_of_page(page):
    school = school_of_page(page)
    return school.pk if school is not None else None


def school_ids_of_pages():
    """A function of a page giving its school's id, for many pages at the cost of one
    (school_id_of_page asks the database for each)."""
    school_id = school_of_path(School.objects.select_related("home_page"), translations=True)
    return lambda page: school_id(page.path)


def consent_problems(page, parent=None, on=None, school_id_of=school_id_of_page):
    """What is missing before `page` may show its person: a list of messages, empty when
    publishing is allowed or the page shows nobody (`page.shows_person`: a case or news item
    without a photo of people). `page.consent` is the consent it relies on; `school_id_of` gives
    a page's school (school_ids_of_pages, where there are many)."""
    if not page.shows_person:
        return []
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
    # Addresses are the same on every school's site: another school's consent may list
    # this one's, but was given to that school, not to this one.
    school_id = school_id_of(parent or page)
    if school_id is None:
        problems.append(
            _("The page is on no school's site: a consent is given to a school, so none allows it.")
        )
    elif consent.school_id != school_id:
        problems.append(
            _(
                "The consent was given to another school: choose a consent given to this "
                "page's school."
            )
        )
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
            % {"date": written_date(timezone.localtime(consent.withdrawn_at))}
        )
    if not consent.has_started(on):
        problems.append(
            _("The consent is valid only from %(date)s.")
            % {"date": written_date(consent.valid_from)}
        )
    if consent.has_expired(on):
        problems.append(
            _("The consent expired on %(date)s.") % {"date": written_date(consent.valid_until)}
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
