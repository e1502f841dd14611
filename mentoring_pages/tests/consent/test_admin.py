"""The curator's consent report: who is shown on the site and on what consent, the consents
running out within 30 days, and the dashboard's warning; curators only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring_pages.consent.rules import consent_report
from mentoring_pages.tests.factories import MentorPageFactory
from programmes.models import Consent
from programmes.roles import CURATOR, EDITOR, MODERATOR
from programmes.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
REPORT = reverse("mentoring_pages_consent_report")
PANEL = 'id="consent-warnings-section"'


def mentor(section, title, **consent):
    return MentorPageFactory(
        parent=section.mentors, title=title, **{f"consent__{k}": v for k, v in consent.items()}
    )


def expire_behind_the_admins_back(page):
    Consent.objects.filter(pk=page.consent_id).update(valid_until=TODAY - DAY)


def test_the_report_lists_every_live_person_with_the_state_of_the_consent(section):
    valid = mentor(section, "Учитель физики")
    soon = mentor(section, "Учитель химии", valid_until=TODAY + 10 * DAY)
    ended = mentor(section, "Учитель музыки")
    expire_behind_the_admins_back(ended)
    MentorPageFactory(parent=section.mentors, title="Черновик", live=False)

    report = consent_report()

    by_page = {person.page.pk: person for person in report.shown}
    assert set(by_page) == {valid.pk, soon.pk, ended.pk}
    assert by_page[valid.pk].problems == []
    assert by_page[soon.pk].problems == [] and by_page[soon.pk].days_left == 10
    assert "истёк" in str(by_page[ended.pk].problems[0])
    assert [person.page.pk for person in report.with_problems] == [ended.pk]


def test_consents_running_out_within_30_days_with_their_pages(section):
    in_30_days = mentor(section, "Учитель химии", valid_until=TODAY + 30 * DAY)
    today = ConsentFactory(person="Последний день", valid_until=TODAY)
    ConsentFactory(person="Через 31 день", valid_until=TODAY + 31 * DAY)
    ConsentFactory(person="Уже истекло", valid_until=TODAY - DAY)
    ConsentFactory(person="Отозвано", valid_until=TODAY + DAY, withdrawn_at=timezone.now())
    ConsentFactory(person="Бессрочно", valid_until=None)

    expiring = consent_report().expiring

    assert [item.consent.pk for item in expiring] == [today.pk, in_30_days.consent_id]
    assert [item.days_left for item in expiring] == [0, 30]
    assert expiring[0].pages == [] and expiring[1].pages == [in_30_days]


def test_a_curator_reads_the_report(section, login_as):
    mentor(section, "Учитель химии", person="Петрова Анна", valid_until=TODAY + 5 * DAY)
    ended = mentor(section, "Учитель музыки", person="Сидоров Олег")
    expire_behind_the_admins_back(ended)

    response = login_as(CURATOR).get(REPORT)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Петрова Анна" in page and "Сидоров Олег" in page
    assert "истёк" in page  # the reason, in Russian
    assert "5 дней" in page  # the consent running out


@pytest.mark.parametrize("role", [EDITOR, MODERATOR])
def test_editors_and_moderators_cannot_read_the_report(section, login_as, role):
    mentor(section, "Учитель химии", person="Петрова Анна")

    response = login_as(role).get(REPORT, follow=True)

    assert response.redirect_chain or response.status_code == 403
    assert "Петрова Анна" not in response.content.decode()


def test_the_dashboard_warns_curators_only_when_something_needs_them(section, login_as):
    dashboard = reverse("wagtailadmin_home")
    curator = login_as(CURATOR)
    mentor(section, "Учитель физики")
    assert PANEL not in curator.get(dashboard).content.decode()

    mentor(section, "Учитель химии", valid_until=TODAY + 3 * DAY)

    assert PANEL in curator.get(dashboard).content.decode()


def test_editors_see_no_warning_on_the_dashboard(section, login_as):
    mentor(section, "Учитель химии", valid_until=TODAY + 3 * DAY)

    page = login_as(EDITOR).get(reverse("wagtailadmin_home")).content.decode()

    assert PANEL not in page and REPORT not in page
