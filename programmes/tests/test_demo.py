"""The demo school's programme and demo users, as `load_demo` builds them from
demo_data/*.json: what is expected is read from those files, so editing the demo's text
breaks no test."""

import re

import pytest
from django.contrib.auth.models import User
from django.http import HttpRequest

from programmes.demo import DEMO_DATA, DEMO_USERS, build_programme, create_demo_users
from programmes.models import ParticipationFigures, Programme, TargetIndicator
from programmes.roles import group_of
from programmes.schools import default_school
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


def test_demo_users_one_per_role_get_a_password_printed_once(client):
    messages = []
    create_demo_users(log=messages.append)

    printed = dict(re.findall(r"^\s+(\w+) \(.+\): (\S+)$", "\n".join(messages), re.MULTILINE))
    for username, role in DEMO_USERS:
        user = User.objects.get(username=username)
        assert user.groups.filter(pk=group_of(default_school(), role).pk).exists()
        # django-axes checks every sign-in against the request it comes with.
        assert client.login(request=HttpRequest(), username=username, password=printed[username])

    create_demo_users(log=pytest.fail)  # no second set of users, no new passwords
