"""The curator's consent report: who is shown on the site and on what consent, and the
consents running out within 30 days with the pages relying on them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring_pages.consent.report import consent_report
from mentoring_pages.tests.consent.conftest import TODAY
from mentoring_pages.tests.factories import MentorPageFactory
from programmes.roles import CURATOR
from programmes.tests.factories import ConsentFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_the_report_lists_every_live_person_with_the_state_of_the_consent(
    section, mentor, end_consent
):
    valid = mentor("Учитель физики")
    soon = mentor("Учитель химии", valid_until=TODAY + 10 * DAY)
    ended = mentor("Учитель музыки")
    end_consent(ended, valid_until=TODAY - DAY)
    MentorPageFactory(parent=section.mentors, title="Черновик", live=False)

    report = consent_report()

    by_page = {person.page.pk: person for person in report.shown}
    assert set(by_page) == {valid.pk, soon.pk, ended.pk}
    assert by_page[valid.pk].problems == []
    assert by_page[soon.pk].problems == [] and by_page[soon.pk].days_left == 10
    assert "истёк" in str(by_page[ended.pk].problems[0])
    assert [person.page.pk for person in report.with_problems] == [ended.pk]


def test_consents_running_out_within_30_days_with_their_pages(mentor):
    in_30_days = mentor("Учитель химии", valid_until=TODAY + 30 * DAY)
    today = ConsentFactory(person="Последний день", valid_until=TODAY)
    ConsentFactory(person="Через 31 день", valid_until=TODAY + 31 * DAY)
    ConsentFactory(person="Уже истекло", valid_until=TODAY - DAY)
    ConsentFactory(person="Отозвано", valid_until=TODAY + DAY, withdrawn_at=timezone.now())
    ConsentFactory(person="Бессрочно", valid_until=None)

    expiring = consent_report().expiring

    assert [item.consent.pk for item in expiring] == [today.pk, in_30_days.consent_id]
    assert [item.days_left for item in expiring] == [0, 30]
    assert expiring[0].pages == [] and expiring[1].pages == [in_30_days]


def test_a_curator_is_told_neither_another_schools_person_nor_its_pages(
    client, mentor, end_consent, other_school, user_in
):
    """A page here relying on a consent given to the other school (a page moved between
    schools keeps its consent): each school's curator reads only their own school's names."""
    page = mentor("Учитель физики", person="Сидорова Анна", valid_until=TODAY + 10 * DAY)
    end_consent(page, school=other_school, is_minor=True, parent_name="")
    report_url = reverse("mentoring_pages_consent_report")

    client.force_login(user_in(CURATOR))
    ours = client.get(report_url).content.decode()
    client.force_login(user_in(CURATOR, "their-curator", school=other_school))
    theirs = client.get(report_url).content.decode()

    assert "Учитель физики" in ours and "согласие, данное другой школе" in ours
    # Nor its dates and state: only that it is another school's.
    assert "Сидорова Анна" not in ours and "нет 18 лет" not in ours
    assert (TODAY + 10 * DAY).strftime("%d.%m.%Y") not in ours
    assert "Сидорова Анна" in theirs and "Учитель физики" not in theirs
