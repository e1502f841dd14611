import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from wagtail.models import Page

from home.models import ContentPage, SiteSettings
from programmes.demo import DEMO_USERS
from programmes.models import ParticipationFigures, Programme, TargetIndicator

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", verbosity=0)


def test_load_demo_builds_a_bilingual_school_site(client, site):
    load_demo()

    assert ContentPage.objects.filter(locale__language_code="ru").live().count() >= 3
    for url in ("/", "/about/", "/en/", "/en/about/"):
        assert client.get(url).status_code == 200, url
    assert "About the school" in client.get("/en/about/").content.decode()
    settings = SiteSettings.for_site(site)
    assert settings.full_name
    assert settings.privacy_policy_page is not None


def test_load_demo_twice_leaves_the_same_pages(site):
    load_demo()
    first = sorted(Page.objects.values_list("url_path", "locale__language_code"))

    load_demo()

    assert sorted(Page.objects.values_list("url_path", "locale__language_code")) == first


def test_load_demo_keeps_what_an_editor_changed(site):
    load_demo()
    about = ContentPage.objects.get(slug="about", locale__language_code="ru")
    about.title = "Об учреждении"
    about.save_revision().publish()

    load_demo()

    about.refresh_from_db()
    assert about.title == "Об учреждении"


def test_load_demo_creates_the_programme_from_the_schools_document(site):
    load_demo()

    programme = Programme.objects.get(locale__language_code="ru")
    forms = {form.title: form for form in programme.forms.all()}
    assert programme.live
    assert set(forms) == {"Ученик – ученик", "Учитель – учитель"}
    assert forms["Ученик – ученик"].role_models.count() == 4
    assert forms["Учитель – учитель"].role_models.count() == 5
    assert programme.tasks.count("<li>") == 8
    assert programme.expected_results.count("<li>") == 17
    assert "Примерный" in programme.goal


def test_load_demo_sets_the_roadmaps_coverage_targets(site):
    load_demo()

    targets = {
        (indicator.category, indicator.year): indicator.target_percent
        for indicator in TargetIndicator.objects.filter(locale__language_code="ru")
    }
    assert targets == {
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


def test_load_demo_translates_the_programme_into_english(site):
    load_demo()

    english = Programme.objects.get(locale__language_code="en")
    assert english.title == "Mentoring programme"
    assert english.forms.count() == 2
    assert (
        english.participation.count()
        == ParticipationFigures.objects.filter(locale__language_code="ru").count()
    )


def test_load_demo_prints_a_working_password_for_each_role(site, client):
    output = StringIO()
    call_command("load_demo", stdout=output)

    printed = dict(re.findall(r"^\s+(\w+) \(.+\): (\S+)$", output.getvalue(), re.MULTILINE))
    for username, role in DEMO_USERS:
        user = User.objects.get(username=username)
        assert user.groups.filter(name=role).exists()
        assert client.login(username=username, password=printed[username])
