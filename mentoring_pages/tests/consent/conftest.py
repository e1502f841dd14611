"""What the consent tests share: the day they run on, mentors shown on a consent, consents
ending behind the admin's back, and the curators whom the e-mails reach."""

import pytest
from django.utils import timezone

from mentoring_pages.tests.factories import MentorPageFactory
from programmes.models import Consent
from programmes.roles import CURATOR, EDITOR, group_of
from programmes.schools import default_school

# The school's today when the tests were collected: their tables of consents are written
# relative to it.
TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def today_stays_when_the_tests_were_collected(monkeypatch):
    """A run that crosses the school's midnight would otherwise see a consent «until
    today», written as TODAY, expire under it."""
    localdate = timezone.localdate

    def pinned(value=None, timezone=None):
        return TODAY if value is None and timezone is None else localdate(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", pinned)


@pytest.fixture
def mentor(section):
    """`mentor(title, **consent)`: a live mentor's page in the section, on a consent with
    these fields."""

    def make(title, **consent):
        fields = {f"consent__{name}": value for name, value in consent.items()}
        return MentorPageFactory(parent=section.mentors, title=title, **fields)

    return make


@pytest.fixture
def end_consent():
    """`end_consent(page, **fields)`: the page's consent changes behind the admin's back
    (no signal), as time passing does."""

    def end(page, **fields):
        Consent.objects.filter(pk=page.consent_id).update(**fields)

    return end


@pytest.fixture
def curators(django_user_model):
    """The curator whom the e-mails reach; besides, an inactive curator, one without an
    address and an editor, whom they do not."""
    group = group_of(default_school(), CURATOR)
    users = [
        django_user_model.objects.create_user("curator", "curator@example.org", "x"),
        django_user_model.objects.create_user("inactive", "old@example.org", "x", is_active=False),
        django_user_model.objects.create_user("no-email", "", "x"),
    ]
    for user in users:
        user.groups.add(group)
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "x")
    editor.groups.add(group_of(default_school(), EDITOR))
    return users[0]
