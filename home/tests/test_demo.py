"""`load_demo`, what `make run` shows a new user. Each call takes a while, so related
checks share one call."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.http import HttpRequest
from wagtail.models import Page

from home.models import ContentPage, SiteSettings
from programmes.demo import DEMO_USERS
from programmes.models import ParticipationFigures, Programme, TargetIndicator

pytestmark = pytest.mark.django_db

ROADMAP_TARGETS = {
    ("pupils", 2021): 30,
    ("pupils", 2022): 40,
    ("pupils", 2023): 50,
    ("pupils", 2024): 80,
    ("teachers", 2020): 10,
    ("teachers", 2021): 20,
    ("teachers", 2022): 30,
    ("teachers", 2023): 50,
    ("teachers", 2024): 70,
}


def load_demo(**options):
    output = StringIO()
    call_command("load_demo", stdout=output, **options)
    return output.getvalue()


def test_load_demo_builds_the_school_site_and_its_programme(client, site):
    output = load_demo()

    # The site shell, in both languages.
    assert ContentPage.objects.filter(locale__language_code="ru").live().count() >= 3
    for url in ("/", "/about/", "/en/", "/en/about/"):
        assert client.get(url).status_code == 200, url
    assert "About the school" in client.get("/en/about/").content.decode()
    settings = SiteSettings.for_site(site)
    assert settings.full_name
    assert settings.privacy_policy_page is not None

    # The programme from the school's document: its forms, role models, tasks, results.
    programme = Programme.objects.get(locale__language_code="ru")
    forms = {form.title: form for form in programme.forms.all()}
    assert programme.live
    assert set(forms) == {"Ученик – ученик", "Учитель – учитель"}
    assert forms["Ученик – ученик"].role_models.count() == 4
    assert forms["Учитель – учитель"].role_models.count() == 5
    assert programme.tasks.count("<li>") == 8
    assert programme.expected_results.count("<li>") == 17
    assert "Примерный" in programme.goal

    # The coverage targets of the roadmap.
    targets = {
        (indicator.category, indicator.year): indicator.target_percent
        for indicator in TargetIndicator.objects.filter(locale__language_code="ru")
    }
    assert targets == ROADMAP_TARGETS

    # English, with the same figures.
    english = Programme.objects.get(locale__language_code="en")
    assert english.title == "Mentoring programme"
    assert english.forms.count() == 2
    assert (
        english.participation.count()
        == ParticipationFigures.objects.filter(locale__language_code="ru").count()
    )

    # One user per role, with a password printed once that works.
    printed = dict(re.findall(r"^\s+(\w+) \(.+\): (\S+)$", output, re.MULTILINE))
    for username, role in DEMO_USERS:
        user = User.objects.get(username=username)
        assert user.groups.filter(name=role).exists()
        # django-axes checks every sign-in against the request it comes with.
        assert client.login(request=HttpRequest(), username=username, password=printed[username])


def test_load_demo_again_keeps_the_pages_and_what_editors_changed(site):
    load_demo(verbosity=0)
    pages = sorted(Page.objects.values_list("url_path", "locale__language_code"))
    about = ContentPage.objects.get(slug="about", locale__language_code="ru")
    about.title = "Об учреждении"
    about.save_revision().publish()

    output = load_demo()

    about.refresh_from_db()
    assert sorted(Page.objects.values_list("url_path", "locale__language_code")) == pages
    assert about.title == "Об учреждении"
    assert "demo users" not in output  # no second set of users, no new passwords
