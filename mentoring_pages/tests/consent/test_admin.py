"""The curator's consent report in the admin, and the dashboard's warning: curators only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring_pages.tests.factories import MentorPageFactory
from programmes.roles import CURATOR, EDITOR, MODERATOR, group_of

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
REPORT = reverse("mentoring_pages_consent_report")
PANEL = 'id="consent-warnings-section"'


def test_a_curator_reads_the_report(login_as, mentor, end_consent):
    mentor("Учитель химии", person="Петрова Анна", valid_until=timezone.localdate() + 5 * DAY)
    ended = mentor("Учитель музыки", person="Сидоров Олег")
    end_consent(ended, valid_until=timezone.localdate() - DAY)

    response = login_as(CURATOR).get(REPORT)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Петрова Анна" in page and "Сидоров Олег" in page
    assert "истёк" in page  # the reason, in Russian
    assert "5 дней" in page  # the consent running out


def test_a_curator_finds_the_report_in_the_reports_menu(login_as):
    dashboard = login_as(CURATOR).get(reverse("wagtailadmin_home")).content.decode()

    assert REPORT in dashboard  # the sidebar's menu, in its JSON: no warning to link it


@pytest.mark.parametrize("role", [EDITOR, MODERATOR])
def test_editors_and_moderators_cannot_read_the_report(login_as, role, mentor):
    mentor("Учитель химии", person="Петрова Анна")
    client = login_as(role)

    response = client.get(REPORT)

    # Wagtail answers a refusal in the admin with the dashboard and its message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert "Петрова Анна" not in client.get(response["Location"]).content.decode()


def test_the_dashboard_warns_curators_only_when_something_needs_them(login_as, mentor):
    dashboard = reverse("wagtailadmin_home")
    curator = login_as(CURATOR)
    mentor("Учитель физики")
    assert PANEL not in curator.get(dashboard).content.decode()

    mentor("Учитель химии", valid_until=timezone.localdate() + 3 * DAY)

    assert PANEL in curator.get(dashboard).content.decode()


def test_editors_see_no_warning_on_the_dashboard(login_as, mentor):
    mentor("Учитель химии", valid_until=timezone.localdate() + 3 * DAY)

    page = login_as(EDITOR).get(reverse("wagtailadmin_home")).content.decode()

    assert PANEL not in page and REPORT not in page


def test_a_curator_who_edits_for_another_school_reads_only_their_own_schools_consents(
    client, user_in, mentor, other_school
):
    mentor("Учитель химии", person="Петрова Анна")
    MentorPageFactory(
        parent=other_school.home_page,
        title="Учитель музыки",
        consent__school=other_school,
        consent__person="Сидоров Олег",
    )
    user = user_in(CURATOR)
    user.groups.add(group_of(other_school, EDITOR))
    client.force_login(user)

    page = client.get(REPORT).content.decode()

    assert "Петрова Анна" in page
    assert "Сидоров Олег" not in page
