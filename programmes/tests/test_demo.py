"""The demo school's programme and demo users, as `load_demo` builds them from
demo_data/*.json: what is expected is read from those files, so editing the demo's text
breaks no test."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.http import HttpRequest
from wagtail.models import Page

from programmes.demo import DEMO_DATA, DEMO_USERS, build_programme, create_demo_users
from programmes.models import ParticipationFigures, Programme, TargetIndicator
from programmes.roles import create_school, group_of
from programmes.schools import COORDINATOR, default_school
from site_project.demo_content import read_demo_data

pytestmark = pytest.mark.django_db


def test_programme_is_built_from_the_schools_document_in_both_languages():
    data = read_demo_data(DEMO_DATA / "programme.json")
    figures = read_demo_data(DEMO_DATA / "figures.json")
    programme = build_programme(log=lambda message: None)

    # The programme from the school's document: its forms, role models, tasks, results.
    assert programme == Programme.objects.get(locale__language_code="ru")
    assert programme.live
    assert (programme.title, programme.goal) == (data["title"]["ru"], data["goal"]["ru"])
    assert programme.tasks.count("<li>") == len(data["tasks"])
    assert programme.expected_results.count("<li>") == len(data["expected_results"])
    forms = {form.title: form for form in programme.forms.all()}
    assert set(forms) == {spec["title"]["ru"] for spec in data["forms"]}
    for spec in data["forms"]:
        assert forms[spec["title"]["ru"]].role_models.count() == len(spec["role_models"])
    assert programme.legal_acts.count() == len(data["legal_acts"])
    assert programme.stages.count() == len(data["stages"])

    # The coverage targets of the roadmap, and the figures of each form.
    targets = {
        (indicator.category, indicator.year): indicator.target_percent
        for indicator in TargetIndicator.objects.filter(locale__language_code="ru")
    }
    assert targets == {
        (row["category"], row["year"]): row["target_percent"]
        for row in figures["target_indicators"]
    }
    participation = ParticipationFigures.objects.filter(locale__language_code="ru")
    assert sorted(participation.values_list("year", "form__kind", "pairs")) == sorted(
        (row["year"], row["form"], row["pairs"]) for row in figures["participation"]
    )
    assert programme.monitoring_results.count() == len(figures["monitoring"])

    # English, with the same figures.
    english = Programme.objects.get(locale__language_code="en")
    assert english.title == data["title"]["en"]
    assert english.forms.count() == len(data["forms"])
    assert english.participation.count() == participation.count()

    # Built once: a second run finds the programme and makes nothing more.
    assert build_programme(log=pytest.fail) == programme


def test_demo_users_one_per_role_of_each_school_and_a_coordinator(client, settings):
    home = Page.get_first_root_node().add_child(instance=Page(title="Школа № 2", slug="shkola-2"))
    other = create_school(short_name="Школа № 2", full_name="Школа № 2", home_page=home)
    messages = []
    create_demo_users(log=messages.append, schools=[(other, "2")])

    printed = dict(re.findall(r"^\s+(\w+) \(.+\): (\S+)$", "\n".join(messages), re.MULTILINE))
    expected = {
        **{username: group_of(default_school(), role) for username, role in DEMO_USERS},
        **{f"{username}2": group_of(other, role) for username, role in DEMO_USERS},
        "coordinator": Group.objects.get(name=COORDINATOR),
    }
    assert set(printed) == set(expected)
    for username, group in expected.items():
        assert list(User.objects.get(username=username).groups.all()) == [group]
        # django-axes checks every sign-in against the request it comes with.
        assert client.login(request=HttpRequest(), username=username, password=printed[username])
    assert (settings.VAR_DIR / "demo_users").read_text(encoding="utf-8").count("\n") == len(
        expected
    )

    # A second run makes no user and no password: it prints the same logins.
    again = []
    create_demo_users(log=again.append, schools=[(other, "2")])
    assert again == messages
    assert User.objects.count() == len(expected)
