"""The curator's consent report (consent.admin shows it, and warns on the dashboard): who is
shown on the site and on what consent, and the consents running out soon with the pages
relying on them."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from mentoring_pages.consent.pages import page_types_showing_people
from mentoring_pages.consent.rules import consent_problems, school_ids_of_pages
from programmes.models import Consent, School
from programmes.schools import pages_of

# How far ahead the report warns of consents running out.
EXPIRY_WARNING_DAYS = 30


@dataclass
class ShownPerson:
    """A live page showing a person, the consent it relies on and what is wrong with it."""

    page: object
    problems: list
    days_left: int | None = None
    # Given to a school whose consents the reader does not keep: its person is not named.
    others_consent: bool = False

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


def consent_report(schools=None, on=None):
    """Who is shown on the sites of `schools` (every school's by default) and on what
    consent (each live page, in every language), and their consents that run out within
    EXPIRY_WARNING_DAYS with the pages relying on them."""
    on = on or timezone.localdate()
    schools = School.objects.all() if schools is None else schools
    in_schools = pages_of(schools)
    warn_until = on + datetime.timedelta(days=EXPIRY_WARNING_DAYS)

    def days_left(consent):
        if consent is None or consent.valid_until is None:
            return None
        return (consent.valid_until - on).days

    def showing_people(pages):
        return [page for page in pages.select_related("consent", "locale") if page.shows_person]

    pages = sorted(
        (
            page
            for model in page_types_showing_people()
            for page in showing_people(model.objects.live().filter(in_schools))
        ),
        key=lambda page: (
            page.consent.person if page.consent else "",
            page.title,
            page.locale.language_code,
        ),
    )
    own_school_ids = set(schools.values_list("pk", flat=True))
    school_id_of = school_ids_of_pages()

    def shown_person(page):
        problems = consent_problems(page, on=on, school_id_of=school_id_of)
        if page.consent is not None and page.consent.school_id not in own_school_ids:
            # Only that it is another school's: its dates and state are that school's.
            return ShownPerson(page, problems[:1], others_consent=True)
        return ShownPerson(page, problems, days_left(page.consent))

    shown = [shown_person(page) for page in pages]
    expiring = {
        consent.pk: ExpiringConsent(consent, days_left(consent))
        for consent in Consent.objects.filter(
            school__in=schools,
            withdrawn_at__isnull=True,
            valid_until__gte=on,
            valid_until__lte=warn_until,
        ).order_by("valid_until", "person")
    }
    relying = (
        page
        for model in page_types_showing_people()
        for page in showing_people(model.objects.filter(in_schools, consent__in=list(expiring)))
    )
    for page in sorted(relying, key=lambda page: (page.title, page.locale.language_code)):
        expiring[page.consent_id].pages.append(page)
    return ConsentReport(on, shown, list(expiring.values()))
